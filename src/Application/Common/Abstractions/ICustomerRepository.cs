using CustomerService.Domain.Customers;

namespace CustomerService.Application.Common.Abstractions;

/// <summary>
/// Customers of the current participant. Implementations scope every read to that participant, so
/// another participant's customer is never found.
/// </summary>
public interface ICustomerRepository
{
    void Add(Customer customer);

    /// <summary>Loads a customer, with its accounts, to change it.</summary>
    Task<Customer?> FindForUpdateAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>Reads a customer, with its accounts, without tracking it.</summary>
    Task<Customer?> FindAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>
    /// Reads one page of customers ordered by creation time then id, with their accounts. The query
    /// has run to its end when the page is returned, so nothing stays open on the database while the
    /// caller uses it.
    /// </summary>
    Task<IReadOnlyList<Customer>> ListPageAsync(CustomerListFilter filter, CancellationToken cancellationToken);
}
