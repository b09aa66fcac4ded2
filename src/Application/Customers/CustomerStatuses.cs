using CustomerService.Domain.Customers;

namespace CustomerService.Application.Customers;

/// <summary>The contract's spelling of <see cref="CustomerStatus"/>: exactly the lowercase names.</summary>
public static class CustomerStatuses
{
    private static readonly Dictionary<string, CustomerStatus> ByName =
        Enum.GetValues<CustomerStatus>().ToDictionary(ToName, status => status, StringComparer.Ordinal);

    public static string AllowedValues { get; } = string.Join(", ", ByName.Keys);

    public static string InvalidMessage { get; } = $"status must be one of: {AllowedValues}.";

    public static string ToName(CustomerStatus status) => status.ToString().ToLowerInvariant();

    public static bool TryParse(string? value, out CustomerStatus status) =>
        ByName.TryGetValue(value ?? string.Empty, out status);

    /// <summary>Parses a value a validator has already accepted.</summary>
    public static CustomerStatus Parse(string? value) =>
        TryParse(value, out var status)
            ? status
            : throw new ArgumentOutOfRangeException(nameof(value), value, InvalidMessage);
}
