using System.Diagnostics.Metrics;
using CustomerService.Application.Common.Telemetry;

namespace CustomerService.Infrastructure.Webhooks;

/// <summary>Delivery attempts, their outcome and duration, the time from event to delivery, and the oldest undelivered event's age.</summary>
internal sealed class WebhookMetrics
{
    private readonly Counter<long> _attempts;
    private readonly Histogram<double> _duration;
    private readonly Histogram<double> _latency;
    private long _oldestUndeliveredTicks;

    public WebhookMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(CustomerMetrics.MeterName);
        _attempts = meter.CreateCounter<long>("customer_service.webhooks.attempts", description: "Delivery attempts, by outcome (succeeded or failed).");
        _duration = meter.CreateHistogram<double>("customer_service.webhooks.attempt.duration", unit: "s", description: "How long one delivery attempt took.");
        _latency = meter.CreateHistogram<double>("customer_service.webhooks.delivery.latency", unit: "s", description: "From the event to its successful delivery.");
        meter.CreateObservableGauge(
            "customer_service.webhooks.oldest_undelivered.age",
            () => OldestUndeliveredAge.TotalSeconds,
            unit: "s",
            description: "Age of the oldest event still owed to an enabled endpoint (0 when none is).");
    }

    /// <summary>As last measured by the dispatcher.</summary>
    public TimeSpan OldestUndeliveredAge => TimeSpan.FromTicks(Interlocked.Read(ref _oldestUndeliveredTicks));

    public void Attempted(bool succeeded, TimeSpan duration)
    {
        _attempts.Add(1, new KeyValuePair<string, object?>("outcome", succeeded ? "succeeded" : "failed"));
        _duration.Record(duration.TotalSeconds);
    }

    public void Delivered(TimeSpan sinceEvent) => _latency.Record(sinceEvent.TotalSeconds);

    public void OldestUndelivered(TimeSpan age) => Interlocked.Exchange(ref _oldestUndeliveredTicks, Math.Max(0, age.Ticks));
}
