using CustomerService.Application.Common;
using CustomerService.Domain.Customers;

namespace CustomerService.Application.Customers;

/// <summary>The contract's spelling of <see cref="CustomerStatus"/>: exactly the lowercase names.</summary>
public static class CustomerStatuses
{
    public static string AllowedValues => LowercaseNames<CustomerStatus>.AllowedValues;

    public static string InvalidMessage { get; } = $"status must be one of: {AllowedValues}.";

    public static string ToName(CustomerStatus status) => LowercaseNames<CustomerStatus>.ToName(status);

    public static bool TryParse(string? value, out CustomerStatus status) =>
        LowercaseNames<CustomerStatus>.TryParse(value, out status);

    /// <summary>Parses a value a validator has already accepted.</summary>
    public static CustomerStatus Parse(string? value) => LowercaseNames<CustomerStatus>.Parse(value);
}
