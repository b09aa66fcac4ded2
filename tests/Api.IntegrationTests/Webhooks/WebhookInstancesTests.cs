using System.Text.Json.Nodes;
using CustomerService.Api.IntegrationTests.Events;

namespace CustomerService.Api.IntegrationTests.Webhooks;

/// <summary>
/// Several instances on one database, and restarts (docs/contract.md, section 9): each delivery is
/// made by one instance at a time, and a delivery pending when an instance stops is made after it;
/// an instance that starts deletes the records of attempts older than their retention.
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

    [Test]
    public async Task Records_of_attempts_older_than_their_retention_are_deleted_and_newer_ones_kept()
    {
        var retention = TimeSpan.FromSeconds(3);
        await using var receiver = await WebhookReceiver.StartAsync();
        var database = CustomerServiceFactory.NewDatabase();
        var settings = WebhookClient.LoopbackSettings();
        settings["Webhooks:AttemptRetention"] = retention.ToString("c", System.Globalization.CultureInfo.InvariantCulture);
        try
        {
            string endpointId;
            await using (var before = new CustomerServiceFactory(database, settings: settings))
            {
                using var client = before.ClientWithEveryScope();
                endpointId = (await client.RegisterEndpointAsync(receiver.Url)).Id();
                await client.CreateCustomerOkAsync(ContractClient.UniqueExternalId("retention-old"));
                var oldEventId = (await receiver.WaitForAsync(1))[0].Id;
                Assert.That(await ListedAttemptsAsync(client, endpointId, oldEventId), Is.EqualTo(new[] { oldEventId }));
            }

            // The first attempt's record is now older than the retention; an instance deletes such
            // records when it starts, and every minute after.
            await Task.Delay(retention + TimeSpan.FromSeconds(1));
            await using var after = new CustomerServiceFactory(database, settings: settings);
            using var restarted = after.ClientWithEveryScope();
            await restarted.CreateCustomerOkAsync(ContractClient.UniqueExternalId("retention-new"));
            var newEventId = (await receiver.WaitForAsync(2))[1].Id;

            Assert.That(await ListedAttemptsAsync(restarted, endpointId, newEventId), Is.EqualTo(new[] { newEventId }));
        }
        finally
        {
            CustomerServiceFactory.DeleteDatabase(database);
        }
    }

    /// <summary>
    /// The event ids of the endpoint's listed attempts, once the attempt at <paramref name="eventId"/>
    /// is among them (an attempt is recorded after its receiver has answered) or 5 s have passed.
    /// </summary>
    private static async Task<List<string>> ListedAttemptsAsync(HttpClient client, string endpointId, string eventId)
    {
        var listed = new List<string>();
        for (var wait = 0; wait < 50 && !listed.Contains(eventId); wait++)
        {
            await Task.Delay(100);
            listed = [.. (await client.ListDeliveriesAsync(endpointId)).Select(attempt => attempt!.Text("eventId"))];
        }

        return listed;
    }
}
