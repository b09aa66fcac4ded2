using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace CustomerService.Api.IntegrationTests.Operations;

public sealed class TelemetryTests
{
    [Test]
    public void Without_an_otlp_endpoint_no_telemetry_pipeline_is_built()
    {
        using var factory = new CustomerServiceFactory();

        Assert.Multiple(() =>
        {
            Assert.That(factory.Services.GetService<TracerProvider>(), Is.Null);
            Assert.That(factory.Services.GetService<MeterProvider>(), Is.Null);
        });
        CustomerServiceFactory.DeleteDatabase(factory.Database);
    }

    [Test]
    public async Task With_an_otlp_endpoint_traces_and_metrics_are_exported_and_the_service_still_answers()
    {
        // Nothing listens there: export failures must never reach a request.
        using var factory = new CustomerServiceFactory(settings: new Dictionary<string, string?>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "http://127.0.0.1:9",
        });
        using var client = factory.CreateClient();

        using var created = await client.CreateCustomerAsync(ContractClient.UniqueExternalId("telemetry"));

        Assert.Multiple(() =>
        {
            Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(factory.Services.GetService<TracerProvider>(), Is.Not.Null);
            Assert.That(factory.Services.GetService<MeterProvider>(), Is.Not.Null);
        });
        CustomerServiceFactory.DeleteDatabase(factory.Database);
    }
}
