using System.Diagnostics.Metrics;
using CustomerService.Domain.Common;
using CustomerService.Domain.Customers;

namespace CustomerService.Application.Common.Telemetry;

/// <summary>Business counters: customers created and status changes, each by status.</summary>
public sealed class CustomerMetrics
{
    public const string MeterName = "CustomerService";

    private readonly Counter<long> _created;
    private readonly Counter<long> _statusChanges;

    public CustomerMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _created = meter.CreateCounter<long>("customer_service.customers.created", description: "Customers created, by status.");
        _statusChanges = meter.CreateCounter<long>("customer_service.customers.status_changes", description: "Customer status changes, by the new status.");
    }

    public void CustomerCreated(CustomerStatus status) =>
        _created.Add(1, new KeyValuePair<string, object?>("status", EnumNames.NameOf(status)));

    public void StatusChanged(CustomerStatus status) =>
        _statusChanges.Add(1, new KeyValuePair<string, object?>("status", EnumNames.NameOf(status)));
}
