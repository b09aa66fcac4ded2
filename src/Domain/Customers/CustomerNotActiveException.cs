using CustomerService.Domain.Common;

namespace CustomerService.Domain.Customers;

/// <summary>Only an active customer takes new accounts.</summary>
public sealed class CustomerNotActiveException(CustomerStatus status)
    : DomainException($"The customer is {EnumNames.NameOf(status)}; only an active customer can be given new accounts.");
