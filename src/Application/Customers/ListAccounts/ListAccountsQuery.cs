using MediatR;

namespace CustomerService.Application.Customers.ListAccounts;

/// <summary>A customer's accounts, oldest first.</summary>
public sealed record ListAccountsQuery(Guid CustomerId) : IRequest<IReadOnlyList<AccountDto>>;
