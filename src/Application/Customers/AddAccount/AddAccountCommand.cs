using MediatR;

namespace CustomerService.Application.Customers.AddAccount;

/// <summary>Registers a blockchain account to a customer.</summary>
/// <param name="CustomerId">The customer.</param>
/// <param name="Network">One of the networks' lowercase names, e.g. <c>ethereum</c>, <c>solana</c>, <c>bitcoin</c>.</param>
/// <param name="Address">The address, valid for that network.</param>
/// <param name="Label">An optional name for the account, at most 100 characters.</param>
public sealed record AddAccountCommand(Guid CustomerId, string? Network, string? Address, string? Label)
    : IRequest<AccountDto>;
