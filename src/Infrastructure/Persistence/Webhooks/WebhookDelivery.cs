namespace CustomerService.Infrastructure.Persistence.Webhooks;

/// <summary>
/// One event still owed to one endpoint. Made in the transaction that records the event, for every
/// endpoint of the participant that takes the event's type; deleted when the endpoint has
/// acknowledged it. While it exists, the same customer's later events (in feed order) wait for it.
/// </summary>
internal sealed class WebhookDelivery
{
    public Guid Id { get; init; }

    public Guid EndpointId { get; init; }

    public required string ParticipantId { get; init; }

    public Guid EventId { get; init; }

    public Guid CustomerId { get; init; }

    public DateTime CreatedAt { get; init; }

    /// <summary>Attempts made so far since the endpoint last took deliveries (0 before the first).</summary>
    public int Attempts { get; set; }

    /// <summary>Not to be tried before this instant.</summary>
    public DateTime NextAttemptAt { get; set; }

    /// <summary>The instance making the attempt now, if any; a concurrency token, so an instance whose lease ran out cannot record over another's.</summary>
    public string? LeaseOwner { get; set; }

    /// <summary>When the lease ends; another instance may take the delivery after it.</summary>
    public DateTime? LeaseExpiresAt { get; set; }
}
