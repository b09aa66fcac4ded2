namespace CustomerService.Infrastructure.Persistence.Events;

/// <summary>
/// An event as the outbox keeps it: stored in the transaction of the change it announces, with its
/// body already written, and numbered in the participant's commit order.
/// </summary>
internal sealed class StoredEvent
{
    public Guid Id { get; init; }

    public required string ParticipantId { get; init; }

    /// <summary>
    /// 1, 2, 3… per participant, given while the participant's event lock is held, so a later
    /// position never commits before an earlier one (see <see cref="EventPositions"/>).
    /// </summary>
    public long Position { get; set; }

    public required string Type { get; init; }

    public Guid CustomerId { get; init; }

    public DateTime OccurredAt { get; init; }

    /// <summary>The event's JSON, exactly as the feed shows it and a webhook delivers it.</summary>
    public required string Body { get; init; }
}
