using CustomerService.Infrastructure.Persistence.Events;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Infrastructure.Persistence.Webhooks;

/// <summary>
/// Which endpoints are owed an event: those of the participant that take its type and are enabled,
/// or were disabled by failures (they keep what they are owed should they be enabled again). An
/// endpoint its owner disabled is owed nothing of that time (docs/contract.md, section 9).
/// </summary>
/// <remarks>
/// SQLite and SQL Server run it here, before the save. On PostgreSQL a trigger on <c>Events</c>
/// applies the same rule in the insert itself (migration <c>EventFeedOrderByTransaction</c>, decision
/// 0023); a change to the rule changes both, and the webhook tests run on both engines.
/// </remarks>
internal static class WebhookFanOut
{
    private static readonly Func<CustomerDbContext, IAsyncEnumerable<Subscriber>> Subscribers =
        EF.CompileAsyncQuery((CustomerDbContext context) =>
            context.WebhookEndpoints
                .Where(endpoint => endpoint.Enabled || endpoint.DisabledReason != null)
                .Select(endpoint => new Subscriber(endpoint.Id, endpoint.EventTypes)));

    /// <summary>
    /// Adds to the context the deliveries the current participant's endpoints are owed for
    /// <paramref name="events"/>, and returns how many.
    /// </summary>
    public static async Task<int> AddAsync(CustomerDbContext context, IReadOnlyList<StoredEvent> events, CancellationToken cancellationToken)
    {
        var owed = 0;
        await foreach (var subscriber in Subscribers(context).WithCancellation(cancellationToken))
        {
            foreach (var stored in events.Where(stored => subscriber.EventTypes.Contains(stored.Type, StringComparer.Ordinal)))
            {
                context.WebhookDeliveries.Add(new WebhookDelivery
                {
                    Id = Guid.CreateVersion7(stored.OccurredAt),
                    EndpointId = subscriber.Id,
                    ParticipantId = stored.ParticipantId,
                    EventId = stored.Id,
                    CustomerId = stored.CustomerId,
                    CreatedAt = stored.OccurredAt,
                    NextAttemptAt = stored.OccurredAt,
                });
                owed++;
            }
        }

        return owed;
    }

    private sealed record Subscriber(Guid Id, IReadOnlyList<string> EventTypes);
}
