using System.Diagnostics.Metrics;
using CustomerService.Application.Common.Telemetry;
using CustomerService.Application.Customers.CreateCustomer;
using CustomerService.Application.Customers.UpdateCustomerStatus;

namespace CustomerService.Application.UnitTests.Common;

public sealed class CustomerMetricsTests
{
    private TestDoubles _doubles = null!;
    private MeterListener _listener = null!;
    private List<(string Instrument, long Value, string? Status)> _measurements = null!;

    [SetUp]
    public void Listen()
    {
        _doubles = new TestDoubles();
        _measurements = [];
        _listener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == CustomerMetrics.MeterName)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            string? status = null;
            foreach (var tag in tags)
            {
                status = tag.Key == "status" ? tag.Value as string : status;
            }

            _measurements.Add((instrument.Name, value, status));
        });
        _listener.Start();
    }

    [TearDown]
    public void StopListening() => _listener.Dispose();

    [Test]
    public async Task Creating_a_customer_counts_it_by_status()
    {
        await new CreateCustomerHandler(_doubles.Customers.Object, _doubles.UnitOfWork.Object, _doubles.Participant.Object, _doubles.Clock, TestDoubles.Mapper, _doubles.Metrics)
            .Handle(new CreateCustomerCommand($"metrics-{Guid.NewGuid():N}", "suspended"), CancellationToken.None);

        Assert.That(_measurements, Does.Contain(("customer_service.customers.created", 1L, (string?)"suspended")));
    }

    [Test]
    public async Task A_status_change_is_counted_by_the_new_status_and_a_no_op_is_not()
    {
        var customer = _doubles.Stored(_doubles.NewCustomer());
        var handler = new UpdateCustomerStatusHandler(_doubles.Customers.Object, _doubles.UnitOfWork.Object, _doubles.Clock, TestDoubles.Mapper, _doubles.Metrics);

        await handler.Handle(new UpdateCustomerStatusCommand(customer.Id, "inactive", null), CancellationToken.None);
        await handler.Handle(new UpdateCustomerStatusCommand(customer.Id, "inactive", null), CancellationToken.None);

        Assert.That(
            _measurements.Where(measurement => measurement.Instrument == "customer_service.customers.status_changes"),
            Is.EqualTo(new[] { ("customer_service.customers.status_changes", 1L, (string?)"inactive") }));
    }
}
