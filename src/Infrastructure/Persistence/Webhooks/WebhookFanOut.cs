using CustomerService.Infrastructure.Persistence.Events;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Infrastructure.Persistence.Webhooks;

/// <summary>
/// Which endpoints are owed an event: those of the participant that take its type and are enabled,
/// or were disabled by failures (they keep what they are owed should they be enabled again). An
/// endpoint its owner disabled is owed nothing of that time (docs/contract.md, section 9).
/// </summary>
internal static class WebhookFanOut
{
    private static readonly Func<CustomerDbContext, IAsyncEnumerable<Subscriber>> Subscribers =
        EF.CompileAsyncQuery((CustomerDbContext context) =>
            context.WebhookEndpoints
                .Where(endpoint => endpoint.Enabled || endpoint.DisabledReason != null)
                .Select(endpoint => new Subscriber(endpoint.Id, endpoint.EventTypes)));

    /// <summary>
    /// The deliveries the current participant's endpoints are owed for <paramref name="events"/>,
    /// added to the context; their positions are set by <see cref="Number"/> once the events have theirs.
    /// </summary>
    public static async Task<List<(WebhookDelivery Delivery, StoredEvent Event)>> AddAsync(
        CustomerDbContext context, IReadOnlyList<StoredEvent> events, CancellationToken cancellationToken)
    {
        var owed = new List<(WebhookDelivery, StoredEvent)>();
        await foreach (var subscriber in Subscribers(context).WithCancellation(cancellationToken))
        {
            foreach (var stored in events.Where(stored => subscriber.EventTypes.Contains(stored.Type, StringComparer.Ordinal)))
            {
                var delivery = new WebhookDelivery
                {
                    Id = Guid.CreateVersion7(stored.OccurredAt),
                    EndpointId = subscriber.Id,
                    ParticipantId = stored.ParticipantId,
                    EventId = stored.Id,
                    CustomerId = stored.CustomerId,
                    CreatedAt = stored.OccurredAt,
                    NextAttemptAt = stored.OccurredAt,
                };
                context.WebhookDeliveries.Add(delivery);
                owed.Add((delivery, stored));
            }
        }

        return owed;
    }

    /// <summary>Gives each delivery its event's position.</summary>
    public static void Number(List<(WebhookDelivery Delivery, StoredEvent Event)> owed)
    {
        foreach (var (delivery, stored) in owed)
        {
            delivery.EventPosition = stored.Position;
        }
    }

    private sealed record Subscriber(Guid Id, IReadOnlyList<string> EventTypes);
}
