using MediatR;

namespace CustomerService.Application.Customers.GetCustomerAddresses;

/// <summary>The addresses of all of a customer's accounts, in account creation order.</summary>
public sealed record GetCustomerAddressesQuery(Guid Id) : IRequest<IReadOnlyList<string>>;
