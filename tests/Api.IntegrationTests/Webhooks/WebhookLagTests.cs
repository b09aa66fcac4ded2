using System.Diagnostics.Metrics;
using System.Net;

namespace CustomerService.Api.IntegrationTests.Webhooks;

/// <summary>Lagging deliveries show in readiness as a warning, never as a failure, and in the metrics.</summary>
public sealed class WebhookLagTests
{
    [Test]
    public async Task Readiness_warns_but_stays_200_while_the_oldest_undelivered_event_is_over_the_threshold()
    {
        var settings = WebhookClient.LoopbackSettings("01:00:00");
        settings["Webhooks:LagWarningThreshold"] = "00:00:00.300";
        await using var receiver = await WebhookReceiver.StartAsync((_, _) => 500);
        await using var factory = new CustomerServiceFactory(settings: settings);
        using var client = factory.ClientWithEveryScope();
        using var probe = factory.CreateAnonymousClient();
        var measurements = new List<(string Instrument, double Value, string? Outcome)>();
        using var listener = Listen(measurements);
        try
        {
            using var before = await probe.GetAsync("/health/ready");
            Assert.That((await before.ReadObjectAsync()).Text("status"), Is.EqualTo("healthy"));

            await client.RegisterEndpointAsync(receiver.Url);
            await client.CreateCustomerOkAsync(ContractClient.UniqueExternalId("lag"));
            await receiver.WaitForAsync(1);
            await Task.Delay(TimeSpan.FromSeconds(1.5));

            using var ready = await probe.GetAsync("/health/ready");
            var body = await ready.ReadObjectAsync();
            var check = body["checks"]!.AsArray().Single(entry => entry.Text("name") == "webhook-deliveries")!;
            listener.RecordObservableInstruments();

            Assert.Multiple(() =>
            {
                Assert.That(ready.StatusCode, Is.EqualTo(HttpStatusCode.OK));
                Assert.That(body.Text("status"), Is.EqualTo("degraded"));
                Assert.That(check.Text("status"), Is.EqualTo("degraded"));
                Assert.That(check.Text("warning"), Does.Contain("oldest undelivered webhook event"));
                Assert.That(measurements, Has.Some.Matches<(string Instrument, double Value, string? Outcome)>(m =>
                    m.Instrument == "customer_service.webhooks.attempts" && m.Outcome == "failed"));
                Assert.That(measurements, Has.Some.Matches<(string Instrument, double Value, string? Outcome)>(m =>
                    m.Instrument == "customer_service.webhooks.oldest_undelivered.age" && m.Value > 0.3));
                Assert.That(measurements, Has.Some.Matches<(string Instrument, double Value, string? Outcome)>(m =>
                    m.Instrument == "customer_service.events.recorded"));
            });
        }
        finally
        {
            CustomerServiceFactory.DeleteDatabase(factory.Database);
        }
    }

    private static MeterListener Listen(List<(string Instrument, double Value, string? Outcome)> measurements)
    {
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == "CustomerService")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            string? outcome = null;
            foreach (var tag in tags)
            {
                if (tag.Key == "outcome")
                {
                    outcome = tag.Value as string;
                }
            }

            lock (measurements)
            {
                measurements.Add((instrument.Name, value, outcome));
            }
        }

        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        listener.Start();
        return listener;
    }
}
