using System.Diagnostics.Metrics;
using System.Text.Json;
using System.Text.Json.Nodes;
using CustomerService.Application.Common.Telemetry;
using CustomerService.Application.Customers;
using CustomerService.Domain.Common;
using CustomerService.Domain.Customers;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CustomerService.Api.IntegrationTests.Operations;

/// <summary>
/// An enum value is spelt one way everywhere: as the domain spells it (<see cref="EnumNames"/>) in
/// the answers' JSON, in what validation accepts, in the OpenAPI document and in the metrics' tags.
/// A value added to an enum, or a name of two words, is checked here without a test to write.
/// </summary>
public sealed class EnumSpellingTests : ServiceFixture
{
    private static readonly DateTime Created = new(2025, 11, 18, 12, 34, 56, 789, DateTimeKind.Utc);

    private static IEnumerable<TestCaseData> Statuses() =>
        Enum.GetValues<CustomerStatus>().Select(status => new TestCaseData(status).SetArgDisplayNames(status.ToString()));

    private static IEnumerable<TestCaseData> Networks() =>
        Enum.GetValues<Network>().Select(network => new TestCaseData(network).SetArgDisplayNames(network.ToString()));

    [TestCaseSource(nameof(Statuses))]
    public void A_status_is_written_accepted_and_counted_with_the_domains_spelling(CustomerStatus status)
    {
        var name = EnumNames.NameOf(status);
        var customer = new CustomerDto(Guid.CreateVersion7(), "customer-1", status, "participant-1", [], Created, Created);

        Assert.Multiple(() =>
        {
            Assert.That(JsonSerializer.Serialize(status, Answers()), Is.EqualTo($"\"{name}\""), "the serializer");
            Assert.That(JsonNode.Parse(JsonSerializer.Serialize(customer, Answers()))!["status"]!.GetValue<string>(), Is.EqualTo(name), "the customer's converter");
            Assert.That(CustomerStatuses.Check(name).Value, Is.EqualTo(status), "validation");
            Assert.That(CountedStatus(status), Is.EqualTo(name), "the metrics");
        });
    }

    [TestCaseSource(nameof(Networks))]
    public void A_network_is_written_and_accepted_with_the_domains_spelling(Network network)
    {
        var name = EnumNames.NameOf(network);
        var account = new AccountDto(Guid.CreateVersion7(), network, "address", null, Created);
        var customer = new CustomerDto(Guid.CreateVersion7(), "customer-1", CustomerStatus.Active, "participant-1", [account], Created, Created);

        Assert.Multiple(() =>
        {
            Assert.That(JsonSerializer.Serialize(network, Answers()), Is.EqualTo($"\"{name}\""), "the serializer");
            Assert.That(JsonNode.Parse(JsonSerializer.Serialize(account, Answers()))!["network"]!.GetValue<string>(), Is.EqualTo(name), "the account's converter");
            Assert.That(JsonNode.Parse(JsonSerializer.Serialize(customer, Answers()))!["accounts"]![0]!["network"]!.GetValue<string>(), Is.EqualTo(name), "the customer's converter");
            Assert.That(Domain.Customers.Networks.Check(name).Value, Is.EqualTo(network), "validation");
        });
    }

    [Test]
    public async Task The_document_lists_each_enums_values_as_the_domain_spells_them_in_order()
    {
        using var anonymous = Factory.CreateAnonymousClient();
        var schemas = JsonNode.Parse(await anonymous.GetStringAsync("/openapi/v1.json"))!["components"]!["schemas"]!;

        Assert.Multiple(() =>
        {
            Assert.That(Values(schemas, nameof(CustomerStatus)), Is.EqualTo(EnumNames.All<CustomerStatus>()));
            Assert.That(Values(schemas, nameof(Network)), Is.EqualTo(EnumNames.All<Network>()));
        });
    }

    private static IEnumerable<string> Values(JsonNode schemas, string schema) =>
        schemas[schema]!["enum"]!.AsArray().Select(value => value!.GetValue<string>());

    /// <summary>The options the answers are written with, the hand-written converters among them.</summary>
    private JsonSerializerOptions Answers() =>
        Factory.Services.GetRequiredService<IOptions<JsonOptions>>().Value.JsonSerializerOptions;

    /// <summary>The <c>status</c> tag the service's counter of created customers records for <paramref name="status"/>.</summary>
    private string? CountedStatus(CustomerStatus status)
    {
        var metrics = Factory.Services.GetRequiredService<CustomerMetrics>();
        var tags = new List<string?>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, listening) =>
            {
                if (instrument.Meter.Name == CustomerMetrics.MeterName)
                {
                    listening.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((_, _, measured, _) =>
        {
            foreach (var tag in measured)
            {
                if (tag.Key == "status")
                {
                    tags.Add(tag.Value as string);
                }
            }
        });
        listener.Start();

        metrics.CustomerCreated(status);

        return tags.Single();
    }
}
