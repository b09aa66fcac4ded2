using MediatR;

namespace CustomerService.Application.Customers.CreateCustomer;

/// <summary>Creates a customer for the current participant.</summary>
/// <param name="ExternalId">The participant's own identifier for the customer; unique per participant.</param>
/// <param name="Status">One of <c>active</c>, <c>inactive</c>, <c>deleted</c>, <c>suspended</c>.</param>
public sealed record CreateCustomerCommand(string? ExternalId, string? Status) : IRequest<CustomerDto>;
