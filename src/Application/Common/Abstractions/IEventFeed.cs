namespace CustomerService.Application.Common.Abstractions;

/// <summary>
/// The current participant's stored events in the order they committed (docs/contract.md,
/// section 9). Every read is scoped to the participant.
/// </summary>
public interface IEventFeed
{
    /// <summary>
    /// The position of the event <paramref name="eventId"/> in the feed, or null when the
    /// participant has no such event (or, given <paramref name="customerId"/>, that customer has none).
    /// </summary>
    Task<EventFeedPosition?> FindPositionAsync(Guid eventId, Guid? customerId, CancellationToken cancellationToken);

    /// <summary>
    /// At most the filter's limit of events after its position, oldest first, as their stored JSON
    /// bodies, and whether at least one more follows.
    /// </summary>
    Task<EventFeedPage> ReadAsync(EventFeedFilter filter, CancellationToken cancellationToken);
}

/// <summary>Which events to read: after a position, of one type and of one customer when given.</summary>
public sealed record EventFeedFilter(EventFeedPosition After, int Limit, string? Type, Guid? CustomerId);

/// <summary>
/// Where an event stands in the feed, compared commit first, then sequence: <see cref="Commit"/>
/// tells apart the transactions that recorded events where the store does (0 where it does not),
/// and <see cref="Sequence"/> orders events within it.
/// </summary>
public sealed record EventFeedPosition(long Commit, long Sequence)
{
    /// <summary>Before every event.</summary>
    public static EventFeedPosition Start { get; } = new(0, 0);
}

/// <summary>A page of events: their JSON bodies, oldest first; the last one's id; whether more follow.</summary>
public sealed record EventFeedPage(IReadOnlyList<string> Bodies, Guid? LastEventId, bool HasMore);
