using CustomerService.Application.Common.Abstractions;
using CustomerService.Application.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Infrastructure.Persistence.ReadModel;

/// <summary>Delivery attempts read newest first (by time, then id), through the context's participant filter.</summary>
internal sealed class WebhookDeliveryLog(CustomerDbContext context) : IWebhookDeliveryLog
{
    public Task<bool> AttemptExistsAsync(Guid endpointId, Guid attemptId, CancellationToken cancellationToken) =>
        context.WebhookAttempts.AnyAsync(attempt => attempt.EndpointId == endpointId && attempt.Id == attemptId, cancellationToken);

    public async Task<(IReadOnlyList<WebhookDeliveryDto> Attempts, bool HasMore)> ReadAsync(
        Guid endpointId, Guid? after, int limit, CancellationToken cancellationToken)
    {
        var attempts = context.WebhookAttempts.Where(attempt => attempt.EndpointId == endpointId);
        if (after is { } afterId)
        {
            var cursor = await attempts.Where(attempt => attempt.Id == afterId)
                .Select(attempt => attempt.AttemptedAt)
                .SingleAsync(cancellationToken);
            attempts = attempts.Where(attempt => attempt.AttemptedAt < cursor
                || (attempt.AttemptedAt == cursor && attempt.Id.CompareTo(afterId) < 0));
        }

        var page = await attempts
            .OrderByDescending(attempt => attempt.AttemptedAt)
            .ThenByDescending(attempt => attempt.Id)
            .Take(limit + 1)
            .Select(attempt => new WebhookDeliveryDto(
                attempt.Id,
                attempt.EventId,
                attempt.EventType,
                attempt.Attempt,
                attempt.AttemptedAt,
                attempt.Succeeded,
                attempt.StatusCode,
                attempt.Error,
                attempt.DurationMs))
            .ToListAsync(cancellationToken);
        var hasMore = page.Count > limit;
        if (hasMore)
        {
            page.RemoveAt(limit);
        }

        return (page, hasMore);
    }
}
