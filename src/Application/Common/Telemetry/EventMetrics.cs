using System.Diagnostics.Metrics;

namespace CustomerService.Application.Common.Telemetry;

/// <summary>Events recorded with the changes they announce, by type.</summary>
public sealed class EventMetrics
{
    private readonly Counter<long> _recorded;

    public EventMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(CustomerMetrics.MeterName);
        _recorded = meter.CreateCounter<long>("customer_service.events.recorded", description: "Events recorded, by type.");
    }

    public void Recorded(string type) => _recorded.Add(1, new KeyValuePair<string, object?>("type", type));
}
