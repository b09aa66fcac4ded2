using CustomerService.Domain.Common;
using CustomerService.Domain.Customers;
using MediatR;

namespace CustomerService.Application.Customers.AddAccount;

/// <summary>
/// Registers a blockchain account to a customer. The network and address are read together, and
/// the address decoded, once, as the command is made; the validator reports what was refused and
/// the handler uses what was accepted.
/// </summary>
/// <param name="customerId">The customer.</param>
/// <param name="network">One of the networks' names, e.g. <c>ethereum</c>, <c>solana</c>, <c>bitcoin</c>.</param>
/// <param name="address">The address, valid for that network.</param>
/// <param name="label">An optional name for the account, at most 100 characters.</param>
public sealed class AddAccountCommand(Guid customerId, string? network, string? address, string? label)
    : IRequest<AccountDto>
{
    public Guid CustomerId { get; } = customerId;

    public Checked<BlockchainAddress> Address { get; } = BlockchainAddress.Check(network, address);

    public Checked<AccountLabel?> Label { get; } = AccountLabel.CheckOptional(label);
}
