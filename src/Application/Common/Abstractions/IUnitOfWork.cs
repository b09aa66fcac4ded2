using CustomerService.Application.Common.Errors;

namespace CustomerService.Application.Common.Abstractions;

public interface IUnitOfWork
{
    /// <summary>Writes every pending change in one transaction.</summary>
    /// <exception cref="ConflictException">A unique value (e.g. externalId) is already taken.</exception>
    /// <exception cref="ConcurrencyConflictException">A changed row was changed by another writer meanwhile.</exception>
    Task SaveChangesAsync(CancellationToken cancellationToken);

    /// <summary>Forgets every loaded and pending change, so the next read sees the stored state.</summary>
    void DiscardChanges();
}
