using CustomerService.Domain.Common;

namespace CustomerService.Domain.Customers;

/// <summary>The customer already has an account with this address on this network.</summary>
public sealed class DuplicateAccountAddressException()
    : DomainException("An account with this address on this network is already registered.");
