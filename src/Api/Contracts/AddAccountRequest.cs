using CustomerService.Domain.Customers;

namespace CustomerService.Api.Contracts;

/// <summary>The body of <c>POST /customers/{id}/accounts</c>.</summary>
/// <param name="Network">ethereum, polygon, arbitrum, optimism, base, avalanche, bsc, solana or bitcoin.</param>
/// <param name="Address">The account's address, valid for that network.</param>
/// <param name="Label">An optional name for the account, at most 100 characters.</param>
public sealed record AddAccountRequest([property: EnumValues(typeof(Network))] string? Network, string? Address, string? Label = null);
