using CustomerService.Domain.Common;

namespace CustomerService.Domain.Webhooks;

/// <summary>
/// The webhook endpoint aggregate root: where a participant wants its events delivered, which types
/// it wants, whether deliveries are on, and the secrets that sign them (docs/contract.md, section 9).
/// </summary>
public sealed class WebhookEndpoint
{
    public const int MaxDescriptionLength = 256;
    public const int MaxDisabledReasonLength = 512;
    public const string DescriptionFieldName = "description";
    public const string EventTypesFieldName = "eventTypes";

    /// <summary>How long a rotated-out secret still signs deliveries, so receivers can switch over.</summary>
    public static readonly TimeSpan PreviousSecretLifetime = TimeSpan.FromHours(24);

    private WebhookEndpoint()
    {
        ParticipantId = string.Empty;
        Url = string.Empty;
        EventTypes = [];
        Secret = string.Empty;
    }

    public Guid Id { get; private set; }

    public string ParticipantId { get; private set; }

    public string Url { get; private set; }

    /// <summary>The types it receives, each once, in the contract's order.</summary>
    public IReadOnlyList<string> EventTypes { get; private set; }

    public string? Description { get; private set; }

    public bool Enabled { get; private set; }

    /// <summary>Why deliveries stopped, when they were stopped by failures; null otherwise.</summary>
    public string? DisabledReason { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    /// <summary>Concurrency token: moves on every change, so a stale writer can be detected.</summary>
    public int Version { get; private set; }

    /// <summary>The secret that signs every delivery.</summary>
    public string Secret { get; private set; }

    /// <summary>The secret before the last rotation, which also signs until <see cref="PreviousSecretExpiresAt"/>.</summary>
    public string? PreviousSecret { get; private set; }

    public DateTime? PreviousSecretExpiresAt { get; private set; }

    /// <summary>A new, enabled endpoint with a fresh secret; no event types means every type.</summary>
    public static WebhookEndpoint Create(string participantId, string url, IEnumerable<string>? eventTypes, string? description, TimeProvider clock)
    {
        if (string.IsNullOrWhiteSpace(participantId))
        {
            throw new ArgumentException("A webhook endpoint must belong to a participant.", nameof(participantId));
        }

        var now = Timestamps.UtcNow(clock);
        return new WebhookEndpoint
        {
            // Version 7 ids grow with time, which keeps inserts at the end of the primary key index.
            Id = Guid.CreateVersion7(now),
            ParticipantId = participantId,
            Url = ValidUrl(url),
            EventTypes = eventTypes is null ? Events.EventTypes.All : ValidEventTypes(eventTypes),
            Description = ValidDescription(description),
            Enabled = true,
            CreatedAt = now,
            UpdatedAt = now,
            Version = 1,
            Secret = WebhookSecret.Generate(),
        };
    }

    /// <summary>Reads a description a client sent (null: none, or unchanged).</summary>
    public static Checked<string?> CheckDescription(string? description) =>
        FindDescriptionViolation(description) is { } violation
            ? Checked.Refuse<string?>(DescriptionFieldName, violation)
            : Checked.Accept(description);

    /// <summary>Returns why <paramref name="description"/> cannot describe an endpoint, or null when it can.</summary>
    public static string? FindDescriptionViolation(string? description)
    {
        if (description is null)
        {
            return null;
        }

        if (description.Length > MaxDescriptionLength)
        {
            return $"description must be at most {MaxDescriptionLength} characters long.";
        }

        return description.Any(char.IsControl) ? "description must not contain control characters." : null;
    }

    /// <summary>
    /// Changes what is given (a null argument leaves its field as it is; an empty description removes
    /// it). Enabling clears <see cref="DisabledReason"/>. Returns false, changing nothing, when every
    /// given value is the one the endpoint already has.
    /// </summary>
    public bool Update(string? url, IEnumerable<string>? eventTypes, string? description, bool? enabled, TimeProvider clock)
    {
        var newUrl = url is null ? Url : ValidUrl(url);
        var newEventTypes = eventTypes is null ? EventTypes : ValidEventTypes(eventTypes);
        var newDescription = description is null ? Description : ValidDescription(description);
        var newEnabled = enabled ?? Enabled;
        var newDisabledReason = newEnabled ? null : DisabledReason;
        if (newUrl == Url
            && newEventTypes.SequenceEqual(EventTypes, StringComparer.Ordinal)
            && newDescription == Description
            && newEnabled == Enabled
            && newDisabledReason == DisabledReason)
        {
            return false;
        }

        Url = newUrl;
        EventTypes = newEventTypes;
        Description = newDescription;
        Enabled = newEnabled;
        DisabledReason = newDisabledReason;
        Touch(clock);
        return true;
    }

    /// <summary>
    /// Replaces the secret and returns the new one. The secret it replaces keeps signing for
    /// <see cref="PreviousSecretLifetime"/>; one replaced earlier stops at once.
    /// </summary>
    public string RotateSecret(TimeProvider clock)
    {
        PreviousSecret = Secret;
        Secret = WebhookSecret.Generate();
        Touch(clock);
        PreviousSecretExpiresAt = UpdatedAt + PreviousSecretLifetime;
        return Secret;
    }

    /// <summary>The secrets that sign a delivery made at <paramref name="instant"/>: the current one, then the previous one while it is still valid.</summary>
    public IReadOnlyList<string> SigningSecretsAt(DateTime instant) =>
        PreviousSecret is not null && instant < PreviousSecretExpiresAt ? [Secret, PreviousSecret] : [Secret];

    /// <summary>
    /// Stops deliveries because they kept failing, saying why; the owner enabling the endpoint again
    /// clears the reason. Returns false, changing nothing, when the endpoint is already disabled.
    /// </summary>
    public bool DisableAfterFailures(string reason, TimeProvider clock)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new ArgumentException("A disabled endpoint says why.", nameof(reason));
        }

        if (!Enabled)
        {
            return false;
        }

        Enabled = false;
        DisabledReason = reason.Length > MaxDisabledReasonLength ? reason[..MaxDisabledReasonLength] : reason;
        Touch(clock);
        return true;
    }

    private void Touch(TimeProvider clock)
    {
        UpdatedAt = Timestamps.UtcNow(clock);
        Version++;
    }

    /// <summary>The form of the URL; where it may point is the registration's and the delivery's check.</summary>
    private static string ValidUrl(string url) =>
        WebhookUrl.FindViolation(url, allowInsecure: true) is { } violation
            ? throw new DomainValidationException(WebhookUrl.FieldName, violation)
            : url;

    private static IReadOnlyList<string> ValidEventTypes(IEnumerable<string> eventTypes)
    {
        var given = eventTypes.ToList();
        return WebhookEventTypes.FindViolation(given) is { } violation
            ? throw new DomainValidationException(EventTypesFieldName, violation)
            : WebhookEventTypes.Normalize(given);
    }

    private static string? ValidDescription(string? description) =>
        FindDescriptionViolation(description) is { } violation
            ? throw new DomainValidationException(DescriptionFieldName, violation)
            : string.IsNullOrEmpty(description) ? null : description;
}
