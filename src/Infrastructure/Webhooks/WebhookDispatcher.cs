using CustomerService.Application.Common.Abstractions;
using CustomerService.Infrastructure.Persistence;
using CustomerService.Infrastructure.Persistence.Configurations;
using CustomerService.Infrastructure.Persistence.Events;
using CustomerService.Infrastructure.Persistence.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CustomerService.Infrastructure.Webhooks;

/// <summary>
/// Makes the deliveries that are due (docs/contract.md, section 9). Each instance claims a delivery
/// with a lease in the database before it sends it, so with several instances each delivery is made
/// by one at a time; a lease that runs out (an instance that died) lets another take it over, and a
/// delivery whose attempt was cut short by shutdown is released at once, so it resumes after a
/// restart. A customer's later event waits until the earlier one's delivery to the same endpoint is
/// acknowledged. A failed attempt is retried after the configured delays; when they are exhausted
/// the endpoint is disabled with its reason, and the delivery stays first in line for when it is
/// enabled again.
/// </summary>
internal sealed partial class WebhookDispatcher(
    IServiceScopeFactory scopes,
    WebhookDispatchSignal signal,
    IWebhookSender sender,
    WebhookMetrics metrics,
    TimeProvider clock,
    IOptions<WebhookDeliveryOptions> options,
    ILogger<WebhookDispatcher> logger) : BackgroundService
{
    private static readonly TimeSpan PurgeInterval = TimeSpan.FromMinutes(1);

    private readonly string _instance = Guid.NewGuid().ToString("N");
    private readonly WebhookDeliveryOptions _options = options.Value;
    private DateTime _nextPurge = DateTime.MinValue;
    private bool _databaseAway;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.DispatcherEnabled)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            var made = 0;
            try
            {
                made = await DispatchDueAsync(stoppingToken);
                _databaseAway = false;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (DatabaseFailures.IsUnavailable(exception))
            {
                // Said once per outage, not once per poll.
                if (!_databaseAway)
                {
                    _databaseAway = true;
                    LogDatabaseUnavailable(exception);
                }
            }
            catch (Exception exception)
            {
                // Not expected and worth an alert; the next poll tries again, and leases keep what was claimed safe.
                LogDispatchFailed(exception);
            }

            if (made == 0)
            {
                try
                {
                    await signal.WaitAsync(_options.PollInterval, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>Claims what is due, makes those deliveries, and returns how many it made.</summary>
    private async Task<int> DispatchDueAsync(CancellationToken stoppingToken)
    {
        List<Guid> claimed;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var context = scope.ServiceProvider.GetRequiredService<CustomerDbContext>();
            var now = clock.GetUtcNow().UtcDateTime;
            await MeasureLagAsync(context, now, stoppingToken);
            await PurgeAsync(context, now, stoppingToken);
            claimed = await ClaimAsync(context, now, stoppingToken);
        }

        await Parallel.ForEachAsync(
            claimed,
            new ParallelOptions { MaxDegreeOfParallelism = _options.MaxConcurrentDeliveries, CancellationToken = CancellationToken.None },
            async (id, _) => await DeliverAsync(id, stoppingToken));
        return claimed.Count;
    }

    /// <summary>
    /// Due deliveries to enabled endpoints, of events the feed already shows, whose customer has no
    /// earlier event (in feed order) still owed to the same endpoint; each taken with a conditional
    /// update so that only one instance gets it.
    /// </summary>
    private async Task<List<Guid>> ClaimAsync(CustomerDbContext context, DateTime now, CancellationToken cancellationToken)
    {
        var events = context.Events.IgnoreQueryFilters();
        var due = await context.WebhookDeliveries
            .Where(delivery => delivery.NextAttemptAt <= now && (delivery.LeaseExpiresAt == null || delivery.LeaseExpiresAt < now))
            .Where(delivery => context.WebhookEndpoints.IgnoreQueryFilters().Any(endpoint => endpoint.Id == delivery.EndpointId && endpoint.Enabled))
            .Join(events, delivery => delivery.EventId, stored => stored.Id, (delivery, stored) => new { delivery, stored })
            .Where(owed => owed.stored.TransactionId < EventPositions.VisibleBelow())
            .Where(owed => !context.WebhookDeliveries
                .Where(earlier => earlier.EndpointId == owed.delivery.EndpointId
                    && earlier.CustomerId == owed.delivery.CustomerId
                    && earlier.Id != owed.delivery.Id)
                .Join(events, earlier => earlier.EventId, stored => stored.Id, (_, stored) => stored)
                .Any(stored => stored.TransactionId < owed.stored.TransactionId
                    || (stored.TransactionId == owed.stored.TransactionId && stored.Position < owed.stored.Position)))
            .Select(owed => owed.delivery)
            .OrderBy(delivery => delivery.NextAttemptAt)
            .Take(_options.MaxConcurrentDeliveries * 4)
            .Select(delivery => delivery.Id)
            .ToListAsync(cancellationToken);

        var claimed = new List<Guid>(due.Count);
        var until = now + _options.LeaseDuration;
        foreach (var id in due)
        {
            var taken = await context.WebhookDeliveries
                .Where(delivery => delivery.Id == id && (delivery.LeaseExpiresAt == null || delivery.LeaseExpiresAt < now))
                .ExecuteUpdateAsync(
                    update => update
                        .SetProperty(delivery => delivery.LeaseOwner, _instance)
                        .SetProperty(delivery => delivery.LeaseExpiresAt, until),
                    cancellationToken);
            if (taken == 1)
            {
                claimed.Add(id);
            }
        }

        return claimed;
    }

    /// <summary>One attempt at a claimed delivery, recorded with its outcome.</summary>
    private async Task DeliverAsync(Guid id, CancellationToken stoppingToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<CustomerDbContext>();
        try
        {
            var delivery = await context.WebhookDeliveries.SingleOrDefaultAsync(
                delivery => delivery.Id == id && delivery.LeaseOwner == _instance, stoppingToken);
            var endpoint = delivery is null
                ? null
                : await context.WebhookEndpoints.IgnoreQueryFilters().SingleOrDefaultAsync(endpoint => endpoint.Id == delivery.EndpointId, stoppingToken);
            if (delivery is null || endpoint is null)
            {
                // Taken over after the lease ran out, or the endpoint was deleted with what it was owed.
                return;
            }

            if (!endpoint.Enabled)
            {
                Release(delivery);
                await context.SaveChangesAsync(stoppingToken);
                return;
            }

            var stored = await context.Events.IgnoreQueryFilters()
                .Where(stored => stored.Id == delivery.EventId)
                .Select(stored => new { stored.Type, stored.Body, stored.OccurredAt })
                .SingleAsync(stoppingToken);

            var attemptedAt = clock.GetUtcNow();
            var result = await sender.SendAsync(
                new WebhookMessage(endpoint.Url, delivery.EventId.ToString("D"), attemptedAt, stored.Body, endpoint.SigningSecretsAt(attemptedAt.UtcDateTime)),
                stoppingToken);
            var attempt = delivery.Attempts + 1;
            metrics.Attempted(result.Succeeded, result.Duration);
            context.WebhookAttempts.Add(new WebhookAttempt
            {
                Id = Guid.CreateVersion7(attemptedAt),
                EndpointId = endpoint.Id,
                ParticipantId = delivery.ParticipantId,
                EventId = delivery.EventId,
                EventType = stored.Type,
                Attempt = attempt,
                AttemptedAt = attemptedAt.UtcDateTime,
                Succeeded = result.Succeeded,
                StatusCode = result.StatusCode,
                Error = result.Error is { Length: > WebhookAttemptConfiguration.MaxErrorLength } error
                    ? error[..WebhookAttemptConfiguration.MaxErrorLength]
                    : result.Error,
                DurationMs = (int)Math.Min(int.MaxValue, Math.Round(result.Duration.TotalMilliseconds)),
            });

            var delays = _options.EffectiveRetryDelays;
            if (result.Succeeded)
            {
                context.WebhookDeliveries.Remove(delivery);
                metrics.Delivered(clock.GetUtcNow().UtcDateTime - stored.OccurredAt);
            }
            else if (attempt > delays.Count)
            {
                // Exhausted: the endpoint stops, and this delivery stays first in line, tried afresh
                // should its owner enable it again.
                endpoint.DisableAfterFailures(
                    $"Deliveries failed {attempt} times in a row; the last attempt ({attemptedAt.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'}): {result.Error}.",
                    clock);
                delivery.Attempts = 0;
                delivery.NextAttemptAt = attemptedAt.UtcDateTime;
                Release(delivery);
                LogEndpointDisabled(endpoint.Id, attempt);
            }
            else
            {
                delivery.Attempts = attempt;
                delivery.NextAttemptAt = attemptedAt.UtcDateTime + delays[attempt - 1];
                Release(delivery);
            }

            await context.SaveChangesAsync(CancellationToken.None);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: give the delivery back now rather than when the lease runs out.
            await ReleaseAfterShutdownAsync(context, id);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another instance took the delivery over, or the endpoint changed meanwhile; the
            // delivery is tried again when its lease has run out.
            LogRecordingRaced(id);
        }
        catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
        {
            LogDeliveryFailed(exception, id);
        }
    }

    private async Task ReleaseAfterShutdownAsync(CustomerDbContext context, Guid id)
    {
        try
        {
            await context.WebhookDeliveries
                .Where(delivery => delivery.Id == id && delivery.LeaseOwner == _instance)
                .ExecuteUpdateAsync(
                    update => update
                        .SetProperty(delivery => delivery.LeaseOwner, (string?)null)
                        .SetProperty(delivery => delivery.LeaseExpiresAt, (DateTime?)null),
                    CancellationToken.None);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // The lease runs out by itself; the delivery is only late.
            LogReleaseFailed(exception, id);
        }
    }

    private static void Release(WebhookDelivery delivery)
    {
        delivery.LeaseOwner = null;
        delivery.LeaseExpiresAt = null;
    }

    /// <summary>The age of the oldest event owed to an enabled endpoint, for the metric and readiness.</summary>
    private async Task MeasureLagAsync(CustomerDbContext context, DateTime now, CancellationToken cancellationToken)
    {
        var oldest = await context.WebhookDeliveries
            .Where(delivery => context.WebhookEndpoints.IgnoreQueryFilters().Any(endpoint => endpoint.Id == delivery.EndpointId && endpoint.Enabled))
            .MinAsync(delivery => (DateTime?)delivery.CreatedAt, cancellationToken);
        metrics.OldestUndelivered(oldest is { } createdAt ? now - createdAt : TimeSpan.Zero);
    }

    /// <summary>
    /// What an endpoint disabled by failures is owed is kept for <see cref="WebhookDeliveryOptions.DisabledRetention"/>,
    /// and the record of an attempt for <see cref="WebhookDeliveryOptions.AttemptRetention"/>; then they are deleted.
    /// </summary>
    private async Task PurgeAsync(CustomerDbContext context, DateTime now, CancellationToken cancellationToken)
    {
        if (now < _nextPurge)
        {
            return;
        }

        _nextPurge = now + PurgeInterval;
        var before = now - _options.DisabledRetention;
        var dropped = await context.WebhookDeliveries
            .Where(delivery => delivery.CreatedAt < before
                && !context.WebhookEndpoints.IgnoreQueryFilters().Any(endpoint => endpoint.Id == delivery.EndpointId && endpoint.Enabled))
            .ExecuteDeleteAsync(cancellationToken);
        if (dropped > 0)
        {
            LogDropped(dropped);
        }

        var attemptedBefore = now - _options.AttemptRetention;
        var forgotten = await context.WebhookAttempts.IgnoreQueryFilters()
            .Where(attempt => attempt.AttemptedAt < attemptedBefore)
            .ExecuteDeleteAsync(cancellationToken);
        if (forgotten > 0)
        {
            LogAttemptsDeleted(forgotten);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook deliveries wait: the database is unavailable")]
    private partial void LogDatabaseUnavailable(Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Webhook dispatch failed; the next poll tries again")]
    private partial void LogDispatchFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Webhook delivery {DeliveryId} failed unexpectedly; it is tried again when its lease runs out")]
    private partial void LogDeliveryFailed(Exception exception, Guid deliveryId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Webhook delivery {DeliveryId} was recorded by another instance or its endpoint changed meanwhile")]
    private partial void LogRecordingRaced(Guid deliveryId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook delivery {DeliveryId} could not be released at shutdown; it resumes when its lease runs out")]
    private partial void LogReleaseFailed(Exception exception, Guid deliveryId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook endpoint {EndpointId} disabled after {Attempts} failed attempts")]
    private partial void LogEndpointDisabled(Guid endpointId, int attempts);

    [LoggerMessage(Level = LogLevel.Information, Message = "Dropped {Count} webhook deliveries owed to endpoints disabled for longer than their retention")]
    private partial void LogDropped(int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Count} records of webhook attempts older than their retention")]
    private partial void LogAttemptsDeleted(int count);
}
