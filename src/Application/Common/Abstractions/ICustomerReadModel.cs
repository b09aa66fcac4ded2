using CustomerService.Application.Customers;

namespace CustomerService.Application.Common.Abstractions;

/// <summary>
/// The query side: the current participant's customers and accounts read straight into the DTOs the
/// API answers with. No aggregate is loaded, nothing is tracked and nothing is mapped; commands change
/// customers through <see cref="ICustomerRepository"/> instead. Implementations scope every read to
/// the participant, so another participant's customer is never found.
/// </summary>
public interface ICustomerReadModel
{
    /// <summary>A customer with its accounts oldest first, or null when the participant has no such customer.</summary>
    Task<CustomerDto?> FindCustomerAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>Whether the participant has this customer.</summary>
    Task<bool> CustomerExistsAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>One account of a customer, or null when the participant has no such customer or it has no such account.</summary>
    Task<AccountDto?> FindAccountAsync(Guid customerId, Guid accountId, CancellationToken cancellationToken);

    /// <summary>
    /// One page of customers ordered by creation time then id, each with its accounts. The query has
    /// run to its end when the page is returned, so nothing stays open on the database while the
    /// caller uses it.
    /// </summary>
    Task<IReadOnlyList<CustomerDto>> ListPageAsync(CustomerListFilter filter, CancellationToken cancellationToken);
}
