using System.Text.Json.Nodes;
using CustomerService.Api.IntegrationTests.Events;

namespace CustomerService.Api.IntegrationTests.Webhooks;

/// <summary>
/// Several instances on one database, and restarts (docs/contract.md, section 9): each delivery is
/// made by one instance at a time, and a delivery pending when an instance stops is made after it.
/// </summary>
public sealed class WebhookInstancesTests
{
    [Test]
    public async Task Two_instances_on_one_database_deliver_every_event_exactly_once_between_them()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var database = CustomerServiceFactory.NewDatabase();
        await using var first = new CustomerServiceFactory(database, settings: WebhookClient.LoopbackSettings());
        await using var second = new CustomerServiceFactory(database, settings: WebhookClient.LoopbackSettings());
        using var firstClient = first.ClientWithEveryScope();
        using var secondClient = second.ClientWithEveryScope();
        try
        {
            await firstClient.RegisterEndpointAsync(receiver.Url);
            await Task.WhenAll(Enumerable.Range(0, 20).Select(async i =>
            {
                var client = i % 2 == 0 ? firstClient : secondClient;
                var customer = await client.CreateCustomerOkAsync(ContractClient.UniqueExternalId($"instances-{i}"));
                using (await client.UpdateStatusAsync(customer.Id(), "suspended"))
                {
                }
            }));

            var feed = await firstClient.ReadAllAsync();
            await receiver.WaitForAsync(feed.Count);
            await Task.Delay(TimeSpan.FromSeconds(1.5));

            Assert.Multiple(() =>
            {
                Assert.That(feed, Has.Count.EqualTo(40));
                Assert.That(receiver.Received.Select(r => r.Id), Is.EquivalentTo(feed.Select(e => e.Text("id"))), "each event once, none lost");
            });
        }
        finally
        {
            CustomerServiceFactory.DeleteDatabase(database);
        }
    }

    [Test]
    public async Task A_delivery_pending_when_the_service_stops_is_made_after_it_starts_again()
    {
        var receiver = await WebhookReceiver.StartAsync((_, count) => count == 1 ? 500 : 200);
        var database = CustomerServiceFactory.NewDatabase();
        var settings = WebhookClient.LoopbackSettings("00:00:02");
        try
        {
            string eventId;
            await using (var before = new CustomerServiceFactory(database, settings: settings))
            {
                using var client = before.ClientWithEveryScope();
                await client.RegisterEndpointAsync(receiver.Url);
                await client.CreateCustomerOkAsync(ContractClient.UniqueExternalId("restart"));
                eventId = (await receiver.WaitForAsync(1))[0].Id;
            }

            await using var after = new CustomerServiceFactory(database, settings: settings);
            using var restarted = after.ClientWithEveryScope();
            var received = await receiver.WaitForAsync(2);
            var body = JsonNode.Parse(received[1].Body)!;

            Assert.Multiple(() =>
            {
                Assert.That(received.Select(r => r.Id), Is.EqualTo(new[] { eventId, eventId }));
                Assert.That(body.Text("id"), Is.EqualTo(eventId));
            });
        }
        finally
        {
            await receiver.DisposeAsync();
            CustomerServiceFactory.DeleteDatabase(database);
        }
    }
}
