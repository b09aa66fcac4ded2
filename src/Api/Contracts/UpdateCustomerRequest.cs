using CustomerService.Domain.Customers;

namespace CustomerService.Api.Contracts;

/// <summary>The body of <c>PUT /customers/{id}</c>: only the status can change.</summary>
/// <param name="Status">One of <c>active</c>, <c>inactive</c>, <c>deleted</c>, <c>suspended</c>.</param>
public sealed record UpdateCustomerRequest([property: EnumValues(typeof(CustomerStatus))] string? Status);
