using CustomerService.Application.Common.Abstractions;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Infrastructure.Persistence.ReadModel;

/// <summary>The participant's events, read by position through the context's participant filter.</summary>
internal sealed class EventFeed(CustomerDbContext context) : IEventFeed
{
    private static readonly Func<CustomerDbContext, Guid, Guid?, CancellationToken, Task<long?>> Position =
        EF.CompileAsyncQuery((CustomerDbContext context, Guid eventId, Guid? customerId, CancellationToken _) =>
            context.Events
                .Where(stored => stored.Id == eventId && (customerId == null || stored.CustomerId == customerId))
                .Select(stored => (long?)stored.Position)
                .FirstOrDefault());

    private static readonly Func<CustomerDbContext, long, string?, Guid?, int, IAsyncEnumerable<FeedRow>> Page =
        EF.CompileAsyncQuery((CustomerDbContext context, long after, string? type, Guid? customerId, int take) =>
            context.Events
                .Where(stored => stored.Position > after
                    && (type == null || stored.Type == type)
                    && (customerId == null || stored.CustomerId == customerId))
                .OrderBy(stored => stored.Position)
                .Take(take)
                .Select(stored => new FeedRow(stored.Id, stored.Body)));

    public Task<long?> FindPositionAsync(Guid eventId, Guid? customerId, CancellationToken cancellationToken) =>
        Position(context, eventId, customerId, cancellationToken);

    public async Task<EventFeedPage> ReadAsync(EventFeedFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);

        // One more than asked tells whether another page follows without a second query.
        var rows = new List<FeedRow>(Math.Min(filter.Limit, 1000) + 1);
        await foreach (var row in Page(context, filter.AfterPosition, filter.Type, filter.CustomerId, filter.Limit + 1)
            .WithCancellation(cancellationToken))
        {
            rows.Add(row);
        }

        var hasMore = rows.Count > filter.Limit;
        if (hasMore)
        {
            rows.RemoveAt(rows.Count - 1);
        }

        return new EventFeedPage(rows.ConvertAll(row => row.Body), rows.Count > 0 ? rows[^1].Id : null, hasMore);
    }

    private sealed record FeedRow(Guid Id, string Body);
}
