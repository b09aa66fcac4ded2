using CustomerService.Application.Common.Abstractions;
using CustomerService.Application.Common.Errors;
using CustomerService.Application.Common.Telemetry;
using CustomerService.Application.Events;
using CustomerService.Domain.Customers;
using CustomerService.Infrastructure.Persistence.Events;
using CustomerService.Infrastructure.Persistence.Webhooks;
using CustomerService.Infrastructure.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Infrastructure.Persistence;

/// <summary>
/// Saves a change and the events it raised in one transaction (the transactional outbox of
/// docs/contract.md, section 9): a change that is rolled back leaves no event, and a change that
/// commits always has its events.
/// </summary>
/// <remarks>
/// The same transaction makes each event's deliveries to the participant's webhook endpoints (see
/// <see cref="WebhookFanOut"/>), so an event is owed to exactly the endpoints that took it when it happened.
/// </remarks>
internal sealed class EfUnitOfWork(
    CustomerDbContext context,
    EventRecorder recorder,
    EventMetrics metrics,
    WebhookDispatchSignal dispatch) : IUnitOfWork
{
    public async Task SaveChangesAsync(CancellationToken cancellationToken)
    {
        var changed = context.ChangeTracker.Entries<Customer>()
            .Select(entry => entry.Entity)
            .Where(customer => customer.PendingEvents.Count > 0)
            .ToList();
        var events = changed.SelectMany(customer => recorder.Record(customer)
                .Select(recorded => new StoredEvent
                {
                    Id = recorded.Id,
                    ParticipantId = customer.ParticipantId,
                    Type = recorded.Type,
                    CustomerId = recorded.CustomerId,
                    OccurredAt = recorded.OccurredAt,
                    Body = recorded.Body,
                }))
            .ToList();

        try
        {
            if (events.Count == 0)
            {
                await context.SaveChangesAsync(cancellationToken);
            }
            else
            {
                await SaveWithEventsAsync(events, cancellationToken);
            }
        }
        catch (DbUpdateConcurrencyException exception)
        {
            throw new ConcurrencyConflictException(exception);
        }
        catch (DbUpdateException exception) when (UniqueIndexViolations.Translate(exception, context.Model) is { } conflict)
        {
            throw conflict;
        }

        foreach (var customer in changed)
        {
            customer.ClearPendingEvents();
        }

        foreach (var stored in events)
        {
            metrics.Recorded(stored.Type);
        }
    }

    public void DiscardChanges() => context.ChangeTracker.Clear();

    /// <summary>
    /// Saves the change, its events and their deliveries in one transaction.
    /// <list type="bullet">
    /// <item>Where the database places events itself (PostgreSQL, decision 0023) it also makes their
    /// deliveries, in a trigger, so the save is EF Core's alone; a save of inserts only is then one
    /// round trip (see <see cref="PostgreSqlInsertBatchFactory"/>). That instance's dispatcher finds
    /// the deliveries at its next poll.</item>
    /// <item>Elsewhere the deliveries are added here, and the save takes each participant's event lock
    /// and numbers the events after the participant's last position (see <see cref="EventPositions"/>).
    /// The execution strategy may run it again after a transient failure, which numbers the events again.</item>
    /// </list>
    /// </summary>
    private async Task SaveWithEventsAsync(List<StoredEvent> events, CancellationToken cancellationToken)
    {
        context.Events.AddRange(events);
        if (context.PlacesEventsItself)
        {
            await context.SaveChangesAsync(cancellationToken);
            return;
        }

        var owed = await WebhookFanOut.AddAsync(context, events, cancellationToken);

        // EF would wrap the save in a savepoint of this transaction, two more statements while the
        // event lock is held, so that a failed save could be rolled back alone; a failed save here
        // ends the whole transaction anyway.
        context.Database.AutoSavepointsEnabled = false;
        var strategy = context.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(
            (context, events),
            static async (_, state, cancellationToken) =>
            {
                var (context, events) = state;
                await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
                foreach (var participant in events.Select(stored => stored.ParticipantId).Distinct(StringComparer.Ordinal))
                {
                    await context.LockEventPositionsAsync(participant, cancellationToken);
                    var last = await EventPositions.LastAsync(context, participant, cancellationToken);
                    foreach (var stored in events.Where(stored => stored.ParticipantId == participant))
                    {
                        stored.Position = ++last;
                    }
                }

                await context.SaveChangesAsync(acceptAllChangesOnSuccess: false, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return true;
            },
            verifySucceeded: null,
            cancellationToken);
        context.ChangeTracker.AcceptAllChanges();
        if (owed > 0)
        {
            dispatch.Notify();
        }
    }
}
