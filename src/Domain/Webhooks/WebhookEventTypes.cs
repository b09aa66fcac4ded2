using CustomerService.Domain.Common;
using CustomerService.Domain.Events;

namespace CustomerService.Domain.Webhooks;

/// <summary>
/// An endpoint's subscription: some of the <see cref="EventTypes"/> (docs/contract.md, section 9),
/// each once, in the contract's order; an endpoint that names none receives them all.
/// </summary>
public static class WebhookEventTypes
{
    /// <summary>Reads the event types a client sent: null (every type, or unchanged) or a valid subscription, normalized.</summary>
    public static Checked<IReadOnlyList<string>?> Check(IReadOnlyList<string?>? types) =>
        types is null
            ? Checked.Accept<IReadOnlyList<string>?>(null)
            : FindViolation(types) is { } violation
                ? Checked.Refuse<IReadOnlyList<string>?>(WebhookEndpoint.EventTypesFieldName, violation)
                : Checked.Accept<IReadOnlyList<string>?>(Normalize(types.Select(type => type!)));

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
            if (!EventTypes.IsKnown(type))
            {
                return $"eventTypes contains {(type is null ? "null" : $"'{type}'")}, which is not one of: {string.Join(", ", EventTypes.All)}.";
            }
        }

        return null;
    }

    /// <summary>The known types among <paramref name="types"/>, each once, in the contract's order.</summary>
    public static IReadOnlyList<string> Normalize(IEnumerable<string> types)
    {
        ArgumentNullException.ThrowIfNull(types);
        var wanted = types.ToHashSet(StringComparer.Ordinal);
        return [.. EventTypes.All.Where(wanted.Contains)];
    }
}
