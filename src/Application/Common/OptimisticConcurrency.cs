using CustomerService.Application.Common.Abstractions;
using CustomerService.Application.Common.Errors;

namespace CustomerService.Application.Common;

/// <summary>
/// Writes are conditional on the version that was read. When one loses the race, the read, change
/// and save are done again on fresh data, a few times at most.
/// </summary>
internal static class OptimisticConcurrency
{
    public const int MaxAttempts = 3;

    public static async Task<T> RetryAsync<T>(IUnitOfWork unitOfWork, Func<Task<T>> readChangeAndSave)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await readChangeAndSave();
            }
            catch (ConcurrencyConflictException) when (attempt < MaxAttempts)
            {
                unitOfWork.DiscardChanges();
            }
        }
    }
}
