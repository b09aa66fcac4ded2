using System.Net;
using System.Text.Json.Nodes;
using CustomerService.Api.IntegrationTests.Events;

namespace CustomerService.Api.IntegrationTests.Webhooks;

/// <summary>
/// Deliveries to real receivers on loopback (docs/contract.md, section 9): signed, at least once,
/// retried after failures with the same webhook-id, in order per customer, never to a disabled
/// endpoint nor to another participant's. Each test has a service and database of its own.
/// </summary>
public sealed class WebhookDeliveryTests
{
    private static readonly TimeSpan Quiet = TimeSpan.FromSeconds(1.5);

    private readonly List<IAsyncDisposable> _receivers = [];
    private CustomerServiceFactory _factory = null!;
    private HttpClient _client = null!;

    [SetUp]
    public void StartService()
    {
        _factory = new CustomerServiceFactory(settings: WebhookClient.LoopbackSettings());
        _client = _factory.ClientWithEveryScope();
    }

    [TearDown]
    public async Task StopService()
    {
        foreach (var receiver in _receivers)
        {
            await receiver.DisposeAsync();
        }

        _receivers.Clear();
        _client.Dispose();
        await _factory.DisposeAsync();
        CustomerServiceFactory.DeleteDatabase(_factory.Database);
    }

    [Test]
    public async Task A_delivery_is_the_feeds_event_signed_with_the_secret_given_at_creation()
    {
        var receiver = await Receiver();
        var endpoint = await _client.RegisterEndpointAsync(receiver.Url);
        var customer = await _client.CreateCustomerOkAsync(ContractClient.UniqueExternalId("hook-signed"));

        var received = (await receiver.WaitForAsync(1)).Single();
        using var feed = await _client.GetAsync(EventClient.EventsPath);
        var feedEvent = (await feed.ReadArrayAsync()).Single()!;

        Assert.Multiple(() =>
        {
            Assert.That(received.IsSignedWith(endpoint.Text("secret")), Is.True, $"signature {received.Signature}");
            Assert.That(received.Id, Is.EqualTo(feedEvent.Text("id")));
            Assert.That(JsonNode.DeepEquals(JsonNode.Parse(received.Body), feedEvent), Is.True, received.Body);
            Assert.That(received.ContentType, Does.StartWith("application/json"));
            Assert.That(long.Parse(received.Timestamp, System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo(DateTimeOffset.UtcNow.ToUnixTimeSeconds()).Within(60));
            Assert.That(feedEvent["data"]!["customer"].Id(), Is.EqualTo(customer.Id()));
        });
    }

    [Test]
    public async Task A_receiver_that_fails_twice_gets_the_event_three_times_with_the_same_webhook_id_and_then_no_more()
    {
        var receiver = await Receiver((_, count) => count <= 2 ? 500 : 200);
        var endpoint = await _client.RegisterEndpointAsync(receiver.Url);
        await _client.CreateCustomerOkAsync(ContractClient.UniqueExternalId("hook-retry"));

        await receiver.WaitForAsync(3);
        await Task.Delay(Quiet);
        var received = receiver.Received;
        var attempts = await _client.ListDeliveriesAsync(endpoint.Id());

        Assert.Multiple(() =>
        {
            Assert.That(received, Has.Count.EqualTo(3));
            Assert.That(received.Select(r => r.Id).Distinct().Count(), Is.EqualTo(1));
            Assert.That(received.Select(r => r.Body).Distinct().Count(), Is.EqualTo(1));
            Assert.That(attempts.Select(a => a!["attempt"]!.GetValue<int>()), Is.EqualTo(new[] { 3, 2, 1 }), "newest first");
            Assert.That(attempts.Select(a => a!["succeeded"]!.GetValue<bool>()), Is.EqualTo(new[] { true, false, false }));
            Assert.That(attempts.Select(a => a!["statusCode"]!.GetValue<int>()), Is.EqualTo(new[] { 200, 500, 500 }));
            Assert.That(attempts.Select(a => a.Text("eventId")), Is.All.EqualTo(received[0].Id));
            Assert.That(attempts[0]!.AsObject().ContainsKey("error"), Is.False);
            Assert.That(attempts[1].Text("error"), Is.Not.Empty);
        });
    }

    [Test]
    public async Task A_disabled_endpoint_gets_nothing_and_after_enabling_only_what_happened_since()
    {
        var receiver = await Receiver();
        var endpoint = await _client.RegisterEndpointAsync(receiver.Url);
        await _client.SetEnabledAsync(endpoint.Id(), false);
        await _client.CreateCustomerOkAsync(ContractClient.UniqueExternalId("hook-off"));
        await Task.Delay(Quiet);
        Assert.That(receiver.Received, Is.Empty);

        await _client.SetEnabledAsync(endpoint.Id(), true);
        var later = await _client.CreateCustomerOkAsync(ContractClient.UniqueExternalId("hook-on"));

        var received = await receiver.WaitForAsync(1);
        await Task.Delay(Quiet);
        Assert.That(receiver.Received, Has.Count.EqualTo(1));
        Assert.That(JsonNode.Parse(received[0].Body)!["customerId"]!.GetValue<string>(), Is.EqualTo(later.Id()));
    }

    [Test]
    public async Task Another_participants_endpoint_never_receives_this_participants_events()
    {
        var mine = await Receiver();
        var theirs = await Receiver();
        await _client.RegisterEndpointAsync(mine.Url);
        using var stranger = _factory.ClientWithEveryScope("participant-stranger");
        await stranger.RegisterEndpointAsync(theirs.Url);

        await _client.CreateCustomerOkAsync(ContractClient.UniqueExternalId("hook-tenant"));

        await mine.WaitForAsync(1);
        await Task.Delay(Quiet);
        Assert.That(theirs.Received, Is.Empty);
    }

    [Test]
    public async Task An_endpoint_receives_only_the_types_it_takes()
    {
        var receiver = await Receiver();
        await _client.RegisterEndpointAsync(receiver.Url, "customer.status_changed");
        var customer = await _client.CreateCustomerOkAsync(ContractClient.UniqueExternalId("hook-types"));
        using (await _client.UpdateStatusAsync(customer.Id(), "suspended"))
        {
        }

        var received = await receiver.WaitForAsync(1);
        await Task.Delay(Quiet);
        Assert.That(receiver.Received.Select(r => JsonNode.Parse(r.Body)!["type"]!.GetValue<string>()), Is.EqualTo(new[] { "customer.status_changed" }));
        Assert.That(received, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task A_customers_later_event_waits_until_the_earlier_one_is_delivered()
    {
        string? firstId = null;
        var receiver = await Receiver((id, count) =>
        {
            Interlocked.CompareExchange(ref firstId, id, null);
            return id == firstId && count == 1 ? 503 : 200;
        });
        await _client.RegisterEndpointAsync(receiver.Url);
        var customer = await _client.CreateCustomerOkAsync(ContractClient.UniqueExternalId("hook-order"));
        using (await _client.UpdateStatusAsync(customer.Id(), "suspended"))
        using (await _client.UpdateStatusAsync(customer.Id(), "active"))
        {
        }

        var received = await receiver.WaitForAsync(4);
        var types = received.Select(r => JsonNode.Parse(r.Body)!["type"]!.GetValue<string>()).ToList();
        var statuses = received.Skip(2).Select(r => JsonNode.Parse(r.Body)!["data"]!["customer"].Text("status"));

        Assert.Multiple(() =>
        {
            Assert.That(types, Is.EqualTo(new[] { "customer.created", "customer.created", "customer.status_changed", "customer.status_changed" }));
            Assert.That(statuses, Is.EqualTo(new[] { "suspended", "active" }));
        });
    }

    [Test]
    public async Task An_endpoint_whose_retries_are_exhausted_is_disabled_and_says_why()
    {
        var receiver = await Receiver((_, _) => 500);
        var endpoint = await _client.RegisterEndpointAsync(receiver.Url);
        await _client.CreateCustomerOkAsync(ContractClient.UniqueExternalId("hook-exhausted"));

        await receiver.WaitForAsync(4);
        await Task.Delay(Quiet);
        var disabled = await _client.GetEndpointOkAsync(endpoint.Id());

        Assert.Multiple(() =>
        {
            Assert.That(receiver.Received, Has.Count.EqualTo(4), "three delays configured mean four attempts");
            Assert.That(disabled["enabled"]!.GetValue<bool>(), Is.False);
            Assert.That(disabled.Text("disabledReason"), Does.Contain("HTTP 500"));
        });
    }

    [Test]
    public async Task Re_enabling_an_endpoint_disabled_by_failures_delivers_what_it_was_owed()
    {
        var failing = true;
        var receiver = await Receiver((_, _) => Volatile.Read(ref failing) ? 500 : 200);
        var endpoint = await _client.RegisterEndpointAsync(receiver.Url);
        var customer = await _client.CreateCustomerOkAsync(ContractClient.UniqueExternalId("hook-owed"));
        await receiver.WaitForAsync(4);
        await Task.Delay(Quiet);
        Assert.That((await _client.GetEndpointOkAsync(endpoint.Id()))["enabled"]!.GetValue<bool>(), Is.False);

        Volatile.Write(ref failing, false);
        await _client.SetEnabledAsync(endpoint.Id(), true);

        var received = await receiver.WaitForAsync(5);
        Assert.That(received[^1].Id, Is.EqualTo(received[0].Id));
        Assert.That(JsonNode.Parse(received[^1].Body)!["customerId"]!.GetValue<string>(), Is.EqualTo(customer.Id()));
    }

    [Test]
    public async Task A_deleted_endpoint_is_owed_nothing_more()
    {
        var receiver = await Receiver((_, _) => 500);
        var endpoint = await _client.RegisterEndpointAsync(receiver.Url);
        await _client.CreateCustomerOkAsync(ContractClient.UniqueExternalId("hook-deleted"));
        await receiver.WaitForAsync(1);

        using var deleted = await _client.DeleteAsync($"{WebhookEndpointsClient.EndpointsPath}/{endpoint.Id()}");
        Assert.That(deleted.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        var count = receiver.Received.Count;
        await Task.Delay(Quiet);

        Assert.That(receiver.Received, Has.Count.EqualTo(count));
    }

    [Test]
    public async Task Deliveries_of_an_unknown_endpoint_are_404_and_a_bad_cursor_is_400()
    {
        var receiver = await Receiver();
        var endpoint = await _client.RegisterEndpointAsync(receiver.Url);

        using var unknown = await _client.GetAsync($"{WebhookEndpointsClient.EndpointsPath}/{Guid.NewGuid()}/deliveries");
        using var badAfter = await _client.GetAsync($"{WebhookEndpointsClient.EndpointsPath}/{endpoint.Id()}/deliveries?after={Guid.NewGuid()}");
        using var badLimit = await _client.GetAsync($"{WebhookEndpointsClient.EndpointsPath}/{endpoint.Id()}/deliveries?limit=0");
        using var reader = _factory.CreateClient();
        using var forbidden = await reader.GetAsync($"{WebhookEndpointsClient.EndpointsPath}/{endpoint.Id()}/deliveries");

        await unknown.AssertErrorAsync(404, "NOT_FOUND");
        await badAfter.AssertValidationErrorAsync("after");
        await badLimit.AssertValidationErrorAsync("limit");
        await forbidden.AssertErrorAsync(403, "FORBIDDEN");
    }

    [Test]
    public async Task Delivery_attempts_page_newest_first_with_a_next_link()
    {
        var receiver = await Receiver();
        var endpoint = await _client.RegisterEndpointAsync(receiver.Url);
        for (var i = 0; i < 3; i++)
        {
            await _client.CreateCustomerOkAsync(ContractClient.UniqueExternalId($"hook-page-{i}"));
        }

        await receiver.WaitForAsync(3);
        await Task.Delay(TimeSpan.FromMilliseconds(300));
        var all = await _client.ListDeliveriesAsync(endpoint.Id());
        using var first = await _client.GetAsync($"{WebhookEndpointsClient.EndpointsPath}/{endpoint.Id()}/deliveries?limit=2");
        var firstPage = await first.ReadArrayAsync();
        var next = first.NextLink();
        using var second = await _client.GetAsync(next);
        var secondPage = await second.ReadArrayAsync();

        Assert.Multiple(() =>
        {
            Assert.That(all, Has.Count.EqualTo(3));
            Assert.That(all.Select(a => a.Text("attemptedAt")), Is.Ordered.Descending);
            Assert.That(firstPage.Concat(secondPage).Select(a => a.Id()), Is.EqualTo(all.Select(a => a.Id())));
            Assert.That(second.NextLink(), Is.Null);
        });
    }

    private async Task<WebhookReceiver> Receiver(Func<string, int, int>? answer = null)
    {
        var receiver = await WebhookReceiver.StartAsync(answer);
        _receivers.Add(receiver);
        return receiver;
    }
}
