using CustomerService.Domain.Customers;

namespace CustomerService.Application.Common.Abstractions;

/// <summary>
/// The write side: customers of the current participant, loaded as aggregates to be changed and
/// saved through <see cref="IUnitOfWork"/>. Implementations scope every read to that participant, so
/// another participant's customer is never found. Queries read through <see cref="ICustomerReadModel"/>.
/// </summary>
public interface ICustomerRepository
{
    void Add(Customer customer);

    /// <summary>Loads a customer, with its accounts, to change it.</summary>
    Task<Customer?> FindForUpdateAsync(Guid id, CancellationToken cancellationToken);
}
