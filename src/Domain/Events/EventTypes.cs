using System.Collections.Frozen;

namespace CustomerService.Domain.Events;

/// <summary>The event types of docs/contract.md, section 9, as they are spelled on the wire.</summary>
public static class EventTypes
{
    public const string CustomerCreated = "customer.created";
    public const string CustomerStatusChanged = "customer.status_changed";
    public const string AccountCreated = "account.created";

    /// <summary>Every type, in the contract's order.</summary>
    public static IReadOnlyList<string> All { get; } = [CustomerCreated, CustomerStatusChanged, AccountCreated];

    private static readonly FrozenSet<string> Known = All.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Whether <paramref name="type"/> is one of the types, spelled exactly.</summary>
    public static bool IsKnown(string? type) => type is not null && Known.Contains(type);
}
