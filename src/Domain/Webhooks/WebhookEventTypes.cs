namespace CustomerService.Domain.Webhooks;

/// <summary>The event types an endpoint can subscribe to (docs/contract.md, section 9), in the contract's order.</summary>
public static class WebhookEventTypes
{
    public const string CustomerCreated = "customer.created";
    public const string CustomerStatusChanged = "customer.status_changed";
    public const string AccountCreated = "account.created";

    /// <summary>Every type, in the order the contract lists them; an endpoint that names none receives these.</summary>
    public static IReadOnlyList<string> All { get; } = [CustomerCreated, CustomerStatusChanged, AccountCreated];

    public static bool IsKnown(string? type) => type is not null && All.Contains(type, StringComparer.Ordinal);

    /// <summary>Returns why <paramref name="types"/> cannot be an endpoint's event types, or null when they can.</summary>
    public static string? FindViolation(IReadOnlyCollection<string?> types)
    {
        ArgumentNullException.ThrowIfNull(types);
        if (types.Count == 0)
        {
            return "eventTypes must name at least one event type.";
        }

        foreach (var type in types)
        {
            if (!IsKnown(type))
            {
                return $"eventTypes contains {(type is null ? "null" : $"'{type}'")}, which is not one of: {string.Join(", ", All)}.";
            }
        }

        return null;
    }

    /// <summary>The known types among <paramref name="types"/>, each once, in the contract's order.</summary>
    public static IReadOnlyList<string> Normalize(IEnumerable<string> types)
    {
        ArgumentNullException.ThrowIfNull(types);
        var wanted = types.ToHashSet(StringComparer.Ordinal);
        return [.. All.Where(wanted.Contains)];
    }
}
