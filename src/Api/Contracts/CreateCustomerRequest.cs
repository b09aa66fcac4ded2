using CustomerService.Domain.Customers;

namespace CustomerService.Api.Contracts;

/// <summary>The body of <c>POST /customers</c>.</summary>
/// <param name="ExternalId">The participant's own identifier for the customer (1–255 characters).</param>
/// <param name="Status">One of <c>active</c>, <c>inactive</c>, <c>deleted</c>, <c>suspended</c>.</param>
public sealed record CreateCustomerRequest(string? ExternalId, [property: EnumValues(typeof(CustomerStatus))] string? Status);
