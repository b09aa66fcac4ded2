using MediatR;

namespace CustomerService.Application.Customers.GetAccount;

/// <summary>One account of a customer.</summary>
public sealed record GetAccountQuery(Guid CustomerId, Guid AccountId) : IRequest<AccountDto>;
