using CustomerService.Application.Common.Abstractions;
using CustomerService.Application.Common.Errors;

namespace CustomerService.Application.Common;

/// <summary>
/// Writes are conditional on the version that was read (docs/contract.md, section 7). A client
/// that names the versions it accepts (If-Match) is answered 412 when the customer is at another
/// one, or when another writer wins the race; without If-Match the last write wins, so a write that
/// loses the race is read, changed and saved again on fresh data, a few times at most.
/// </summary>
internal static class OptimisticConcurrency
{
    public const int MaxAttempts = 3;

    /// <param name="unitOfWork">The unit of work whose changes are discarded before another attempt.</param>
    /// <param name="acceptedVersions">The versions If-Match accepts, or null when the request sets no condition.</param>
    /// <param name="readChangeAndSave">One attempt; it checks the version it read with <see cref="EnsureAccepted"/>.</param>
    public static async Task<T> WriteAsync<T>(IUnitOfWork unitOfWork, IReadOnlySet<int>? acceptedVersions, Func<Task<T>> readChangeAndSave)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await readChangeAndSave();
            }
            catch (ConcurrencyConflictException) when (acceptedVersions is not null)
            {
                // The write was conditional on the version that was read, and another writer got there first.
                throw new ApplicationErrorException(ContractErrors.PreconditionFailed);
            }
            catch (ConcurrencyConflictException) when (attempt < MaxAttempts)
            {
                unitOfWork.DiscardChanges();
            }
        }
    }

    /// <summary>Refuses the write (412) when the version read is not one If-Match accepts.</summary>
    public static void EnsureAccepted(IReadOnlySet<int>? acceptedVersions, int version)
    {
        if (acceptedVersions is not null && !acceptedVersions.Contains(version))
        {
            throw new ApplicationErrorException(ContractErrors.PreconditionFailed);
        }
    }
}
