using CustomerService.Application.Common.Abstractions;
using CustomerService.Application.Common.Errors;
using CustomerService.Domain.Customers;

namespace CustomerService.Application.Customers;

/// <summary>The current participant's customer by id, or NOT_FOUND: how every use case of one customer starts.</summary>
public static class CustomerLookups
{
    /// <summary>The customer as the read side answers it.</summary>
    /// <exception cref="NotFoundException">The participant has no such customer.</exception>
    public static async Task<CustomerDto> GetCustomerAsync(this ICustomerReadModel customers, Guid id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(customers);
        return await customers.FindCustomerAsync(id, cancellationToken) ?? throw NotFoundException.Customer();
    }

    /// <summary>The customer's aggregate, tracked for a change.</summary>
    /// <exception cref="NotFoundException">The participant has no such customer.</exception>
    public static async Task<Customer> GetForUpdateAsync(this ICustomerRepository customers, Guid id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(customers);
        return await customers.FindForUpdateAsync(id, cancellationToken) ?? throw NotFoundException.Customer();
    }
}
