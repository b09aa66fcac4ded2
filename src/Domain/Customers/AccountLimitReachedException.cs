using CustomerService.Domain.Common;

namespace CustomerService.Domain.Customers;

/// <summary>A customer holds at most a set number of accounts.</summary>
public sealed class AccountLimitReachedException(int maxAccounts)
    : DomainException($"The customer already has {maxAccounts} accounts, the most one customer may hold.");
