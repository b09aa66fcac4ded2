namespace CustomerService.Infrastructure.Persistence.Webhooks;

/// <summary>One delivery attempt as it happened, readable by the endpoint's owner.</summary>
internal sealed class WebhookAttempt
{
    public Guid Id { get; init; }

    public Guid EndpointId { get; init; }

    public required string ParticipantId { get; init; }

    public Guid EventId { get; init; }

    public required string EventType { get; init; }

    /// <summary>1 for the first attempt at this event.</summary>
    public int Attempt { get; init; }

    public DateTime AttemptedAt { get; init; }

    public bool Succeeded { get; init; }

    public int? StatusCode { get; init; }

    public string? Error { get; init; }

    public int DurationMs { get; init; }
}
