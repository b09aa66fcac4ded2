using CustomerService.Domain.Customers;

namespace CustomerService.Application.Common.Abstractions;

/// <summary>Which customers to list: only those after <paramref name="After"/>, at most <paramref name="Take"/>.</summary>
public sealed record CustomerListFilter(CustomerStatus? Status, string? ExternalId, CustomerCursor? After, int Take);
