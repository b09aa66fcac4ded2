namespace CustomerService.Infrastructure.Persistence.Events;

/// <summary>
/// An event as the outbox keeps it: stored in the transaction of the change it announces, with its
/// body already written, and placed in the feed by (<see cref="TransactionId"/>, <see cref="Position"/>)
/// (see <see cref="EventPositions"/>).
/// </summary>
internal sealed class StoredEvent
{
    public Guid Id { get; init; }

    public required string ParticipantId { get; init; }

    /// <summary>
    /// The id of the transaction that stored the event, on PostgreSQL, where the database sets it;
    /// 0 on the other engines, and for events stored before it was kept.
    /// </summary>
    public long TransactionId { get; set; }

    /// <summary>
    /// The event's place after the others of its transaction id: the database's identity on
    /// PostgreSQL; elsewhere 1, 2, 3… per participant, given under the participant's event lock.
    /// </summary>
    public long Position { get; set; }

    public required string Type { get; init; }

    public Guid CustomerId { get; init; }

    public DateTime OccurredAt { get; init; }

    /// <summary>The event's JSON, exactly as the feed shows it and a webhook delivers it.</summary>
    public required string Body { get; init; }
}
