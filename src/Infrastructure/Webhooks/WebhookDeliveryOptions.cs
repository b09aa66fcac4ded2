namespace CustomerService.Infrastructure.Webhooks;

/// <summary>The <c>Webhooks</c> section, as far as the dispatcher goes (docs/contract.md, section 9).</summary>
public sealed class WebhookDeliveryOptions
{
    public const string SectionName = "Webhooks";

    /// <summary>The contract's delays between attempts: seven retries after the first attempt.</summary>
    public static readonly IReadOnlyList<TimeSpan> DefaultRetryDelays =
    [
        TimeSpan.FromSeconds(5),
        TimeSpan.FromMinutes(5),
        TimeSpan.FromMinutes(30),
        TimeSpan.FromHours(2),
        TimeSpan.FromHours(5),
        TimeSpan.FromHours(10),
        TimeSpan.FromHours(10),
    ];

    /// <summary>
    /// The delays before each retry; a configured list replaces <see cref="DefaultRetryDelays"/>
    /// entirely (so three delays mean four attempts). Null when not configured.
    /// </summary>
    public IList<TimeSpan>? RetryDelays { get; set; }

    /// <summary>
    /// Whether this instance makes deliveries. Every instance does by default (leases share the work);
    /// an operator may keep some instances to the API alone.
    /// </summary>
    public bool DispatcherEnabled { get; set; } = true;

    /// <summary>How often the database is asked for due deliveries when nothing woke the dispatcher sooner.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long an instance holds a delivery it is making before another may take it over.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>At most this many deliveries in flight at once per instance.</summary>
    public int MaxConcurrentDeliveries { get; set; } = 8;

    /// <summary>When the oldest undelivered event is older than this, readiness reports the delivery as degraded.</summary>
    public TimeSpan LagWarningThreshold { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long an endpoint that failures disabled keeps what it is owed.</summary>
    public TimeSpan DisabledRetention { get; set; } = TimeSpan.FromDays(3);

    /// <summary>How long the record of an attempt is kept (and listed by the deliveries endpoint) before it is deleted.</summary>
    public TimeSpan AttemptRetention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>The delays in force: the configured list, or the default.</summary>
    public IReadOnlyList<TimeSpan> EffectiveRetryDelays => RetryDelays is { Count: > 0 } configured ? [.. configured] : DefaultRetryDelays;
}
