using MediatR;

namespace CustomerService.Application.Customers.GetCustomer;

/// <summary>Reads one customer of the current participant.</summary>
public sealed record GetCustomerQuery(Guid Id) : IRequest<CustomerDto>;
