using CustomerService.Application.Common.Abstractions;
using CustomerService.Infrastructure.Persistence.Events;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Infrastructure.Persistence.ReadModel;

/// <summary>
/// The participant's events, read through the context's participant filter in (transaction id,
/// position) order, and only those whose transaction has ended for every reader (see <see cref="EventPositions"/>).
/// </summary>
internal sealed class EventFeed(CustomerDbContext context) : IEventFeed
{
    private static readonly Func<CustomerDbContext, Guid, Guid?, CancellationToken, Task<EventFeedPosition?>> Position =
        EF.CompileAsyncQuery((CustomerDbContext context, Guid eventId, Guid? customerId, CancellationToken _) =>
            context.Events
                .Where(stored => stored.Id == eventId && (customerId == null || stored.CustomerId == customerId))
                .Select(stored => new EventFeedPosition(stored.TransactionId, stored.Position))
                .FirstOrDefault());

    private static readonly Func<CustomerDbContext, long, long, string?, Guid?, int, IAsyncEnumerable<FeedRow>> Page =
        EF.CompileAsyncQuery((CustomerDbContext context, long afterTransaction, long afterPosition, string? type, Guid? customerId, int take) =>
            context.Events
                .Where(stored => (stored.TransactionId > afterTransaction
                        || (stored.TransactionId == afterTransaction && stored.Position > afterPosition))
                    && stored.TransactionId < EventPositions.VisibleBelow()
                    && (type == null || stored.Type == type)
                    && (customerId == null || stored.CustomerId == customerId))
                .OrderBy(stored => stored.TransactionId)
                .ThenBy(stored => stored.Position)
                .Take(take)
                .Select(stored => new FeedRow(stored.Id, stored.Body)));

    public Task<EventFeedPosition?> FindPositionAsync(Guid eventId, Guid? customerId, CancellationToken cancellationToken) =>
        Position(context, eventId, customerId, cancellationToken);

    public async Task<EventFeedPage> ReadAsync(EventFeedFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);

        // One more than asked tells whether another page follows without a second query.
        var rows = new List<FeedRow>(Math.Min(filter.Limit, 1000) + 1);
        var after = filter.After;
        await foreach (var row in Page(context, after.Commit, after.Sequence, filter.Type, filter.CustomerId, filter.Limit + 1)
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
