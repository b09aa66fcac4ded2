using System.Net;

namespace CustomerService.Api.IntegrationTests.Events;

/// <summary>
/// GET /events and GET /customers/{id}/events (docs/contract.md, section 9): every change is one
/// event, recorded with it; nothing else is. Each test runs on a service with a database of its own,
/// so the feed holds exactly what the test did.
/// </summary>
public sealed class EventFeedTests
{
    private CustomerServiceFactory _factory = null!;
    private HttpClient _client = null!;

    [SetUp]
    public void StartService()
    {
        _factory = new CustomerServiceFactory();
        _client = _factory.CreateClient();
    }

    [TearDown]
    public void StopService()
    {
        _client.Dispose();
        _factory.Dispose();
        CustomerServiceFactory.DeleteDatabase(_factory.Database);
    }

    [Test]
    public async Task A_created_customer_is_one_customer_created_event_carrying_the_customer_as_created()
    {
        var created = await _client.CreateCustomerOkAsync(ContractClient.UniqueExternalId("event-created"));

        var events = await _client.ReadAllAsync();

        Assert.That(events, Has.Count.EqualTo(1));
        var recorded = events[0];
        Assert.Multiple(() =>
        {
            Assert.That(recorded.Select(p => p.Key), Is.EqualTo(new[] { "id", "type", "occurredAt", "customerId", "data" }));
            Assert.That(recorded.Text("id"), Does.Match(ContractAssert.LowercaseUuid()));
            Assert.That(recorded.Text("type"), Is.EqualTo("customer.created"));
            Assert.That(recorded.Text("occurredAt"), Is.EqualTo(created.Text("createdAt")));
            Assert.That(recorded.Text("customerId"), Is.EqualTo(created.Id()));
            Assert.That(recorded["data"]!.AsObject().Select(p => p.Key), Is.EqualTo(new[] { "customer" }));
        });
        ContractAssert.SameJson(recorded["data"]!["customer"], created);
    }

    [Test]
    public async Task A_status_change_is_one_event_with_the_previous_status_and_the_customer_after_it()
    {
        var created = await _client.CreateCustomerOkAsync(ContractClient.UniqueExternalId("event-status"));
        using var response = await _client.UpdateStatusAsync(created.Id(), "suspended");
        var updated = await response.ReadObjectAsync();

        var events = await _client.ReadAllAsync();

        Assert.That(events.Types(), Is.EqualTo(new[] { "customer.created", "customer.status_changed" }));
        var changed = events[1];
        Assert.Multiple(() =>
        {
            Assert.That(changed["data"]!.AsObject().Select(p => p.Key), Is.EqualTo(new[] { "previousStatus", "customer" }));
            Assert.That(changed["data"].Text("previousStatus"), Is.EqualTo("active"));
            Assert.That(changed.Text("occurredAt"), Is.EqualTo(updated.Text("updatedAt")));
        });
        ContractAssert.SameJson(changed["data"]!["customer"], updated);
    }

    [Test]
    public async Task A_status_update_to_the_status_the_customer_has_records_nothing()
    {
        var created = await _client.CreateCustomerOkAsync(ContractClient.UniqueExternalId("event-noop"), "inactive");
        using var response = await _client.UpdateStatusAsync(created.Id(), "inactive");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));

        Assert.That((await _client.ReadAllAsync()).Types(), Is.EqualTo(new[] { "customer.created" }));
    }

    [Test]
    public async Task A_registered_account_is_one_account_created_event_carrying_the_account()
    {
        var created = await _client.CreateCustomerOkAsync(ContractClient.UniqueExternalId("event-account"));
        using var response = await _client.PostJsonAsync(
            $"{ContractClient.CustomerPath(created.Id())}/accounts",
            """{"network":"ethereum","address":"0x52908400098527886E0F7030069857D2E4169EE7","label":"treasury"}""");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        var account = await response.ReadObjectAsync();

        var events = await _client.ReadAllAsync();

        Assert.That(events.Types(), Is.EqualTo(new[] { "customer.created", "account.created" }));
        Assert.Multiple(() =>
        {
            Assert.That(events[1].Text("customerId"), Is.EqualTo(created.Id()));
            Assert.That(events[1].Text("occurredAt"), Is.EqualTo(account.Text("createdAt")));
            Assert.That(events[1]["data"]!.AsObject().Select(p => p.Key), Is.EqualTo(new[] { "account" }));
        });
        ContractAssert.SameJson(events[1]["data"]!["account"], account);
    }

    [Test]
    public async Task A_refused_change_records_nothing()
    {
        var externalId = ContractClient.UniqueExternalId("event-refused");
        await _client.CreateCustomerOkAsync(externalId);
        using var duplicate = await _client.CreateCustomerAsync(externalId);
        await duplicate.AssertErrorAsync(409, "DUPLICATE_EXTERNAL_ID");

        Assert.That(await _client.ReadAllAsync(), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task An_idempotent_replay_records_nothing()
    {
        var body = ContractClient.CreateBody(ContractClient.UniqueExternalId("event-replay"), "active");
        for (var i = 0; i < 2; i++)
        {
            using var request = ContractClient.Request(HttpMethod.Post, ContractClient.CustomersPath, body);
            request.Headers.Add("Idempotency-Key", "event-replay-key");
            using var response = await _client.SendAsync(request);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        }

        Assert.That(await _client.ReadAllAsync(), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Pages_follow_each_other_in_commit_order_and_Link_appears_exactly_while_more_remain()
    {
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add((await _client.CreateCustomerOkAsync(ContractClient.UniqueExternalId($"event-page-{i}"))).Id());
        }

        var (first, firstNext) = await _client.ReadPageAsync($"{EventClient.EventsPath}?limit=2");
        var all = await _client.ReadAllAsync($"{EventClient.EventsPath}?limit=2");
        var (exact, exactNext) = await _client.ReadPageAsync($"{EventClient.EventsPath}?limit=5");
        var (tail, tailNext) = await _client.ReadPageAsync($"{EventClient.EventsPath}?after={all[^1].Text("id")}");

        Assert.Multiple(() =>
        {
            Assert.That(first, Has.Count.EqualTo(2));
            Assert.That(firstNext, Is.EqualTo($"{EventClient.EventsPath}?after={first[1].Text("id")}&limit=2"));
            Assert.That(all.Select(e => e.Text("customerId")), Is.EqualTo(ids));
            Assert.That(all.Select(e => e.Text("id")), Is.Unique);
            Assert.That(exact, Has.Count.EqualTo(5));
            Assert.That(exactNext, Is.Null, "no Link when nothing follows, even on a full page");
            Assert.That(tail, Is.Empty);
            Assert.That(tailNext, Is.Null);
        });
    }

    [Test]
    public async Task The_default_page_is_100_events()
    {
        var created = await _client.CreateCustomerOkAsync(ContractClient.UniqueExternalId("event-default"));
        for (var i = 0; i < 50; i++)
        {
            using var a = await _client.UpdateStatusAsync(created.Id(), "suspended");
            using var b = await _client.UpdateStatusAsync(created.Id(), "active");
        }

        var (page, next) = await _client.ReadPageAsync(EventClient.EventsPath);

        Assert.That(page, Has.Count.EqualTo(100));
        Assert.That(next, Is.EqualTo($"{EventClient.EventsPath}?after={page[99].Text("id")}"));
    }

    [Test]
    public async Task The_type_filter_keeps_only_that_type_and_carries_into_the_next_link()
    {
        var first = await _client.CreateCustomerOkAsync(ContractClient.UniqueExternalId("event-type-1"));
        using (await _client.UpdateStatusAsync(first.Id(), "inactive"))
        {
        }

        await _client.CreateCustomerOkAsync(ContractClient.UniqueExternalId("event-type-2"));

        var (page, next) = await _client.ReadPageAsync($"{EventClient.EventsPath}?type=customer.created&limit=1");
        var all = await _client.ReadAllAsync($"{EventClient.EventsPath}?type=customer.created&limit=1");

        Assert.Multiple(() =>
        {
            Assert.That(next, Does.Contain("type=customer.created"));
            Assert.That(all.Types(), Is.EqualTo(new[] { "customer.created", "customer.created" }));
            Assert.That(page[0]!.Text("customerId"), Is.EqualTo(first.Id()));
        });
    }

    [Test]
    public async Task A_customers_events_are_only_its_own_in_order()
    {
        var one = await _client.CreateCustomerOkAsync(ContractClient.UniqueExternalId("event-one"));
        var other = await _client.CreateCustomerOkAsync(ContractClient.UniqueExternalId("event-other"));
        using (await _client.UpdateStatusAsync(one.Id(), "suspended"))
        using (await _client.UpdateStatusAsync(other.Id(), "suspended"))
        using (await _client.UpdateStatusAsync(one.Id(), "active"))
        {
        }

        var events = await _client.ReadAllAsync($"{EventClient.CustomerEventsPath(one.Id())}?limit=1");

        Assert.Multiple(() =>
        {
            Assert.That(events.Types(), Is.EqualTo(new[] { "customer.created", "customer.status_changed", "customer.status_changed" }));
            Assert.That(events.Select(e => e.Text("customerId")), Is.All.EqualTo(one.Id()));
            Assert.That(events.Select(e => e["data"].Text("previousStatus") ?? string.Empty).Skip(1), Is.EqualTo(new[] { "active", "suspended" }));
        });
    }

    [Test]
    public async Task An_unknown_customers_events_are_404()
    {
        using var response = await _client.GetAsync(EventClient.CustomerEventsPath(Guid.NewGuid().ToString()));

        await response.AssertErrorAsync(404, "NOT_FOUND");
    }

    [TestCase("limit=0", "limit")]
    [TestCase("limit=1001", "limit")]
    [TestCase("limit=ten", "limit")]
    [TestCase("type=customer.deleted", "type")]
    [TestCase("type=CUSTOMER.CREATED", "type")]
    [TestCase("after=not-an-id", "after")]
    [TestCase("after=0193a6f6-1d22-7b33-8c44-5d55e66f7788", "after")]
    public async Task A_bad_query_value_is_400_naming_it(string query, string field)
    {
        await _client.CreateCustomerOkAsync(ContractClient.UniqueExternalId("event-bad"));

        using var response = await _client.GetAsync($"{EventClient.EventsPath}?{query}");

        await response.AssertValidationErrorAsync(field);
    }

    [Test]
    public async Task After_must_be_an_event_of_the_customer_whose_events_are_read()
    {
        var one = await _client.CreateCustomerOkAsync(ContractClient.UniqueExternalId("event-after-1"));
        var other = await _client.CreateCustomerOkAsync(ContractClient.UniqueExternalId("event-after-2"));
        var otherEvent = (await _client.ReadAllAsync(EventClient.CustomerEventsPath(other.Id())))[0];

        using var response = await _client.GetAsync($"{EventClient.CustomerEventsPath(one.Id())}?after={otherEvent.Text("id")}");

        await response.AssertValidationErrorAsync("after");
    }

    [Test]
    public async Task Another_participant_sees_none_of_the_events_and_cannot_page_from_them()
    {
        await _client.CreateCustomerOkAsync(ContractClient.UniqueExternalId("event-tenant"));
        var mine = await _client.ReadAllAsync();
        using var stranger = _factory.CreateClient();
        stranger.DefaultRequestHeaders.Authorization = new("Bearer", TestTokens.Mint("participant-stranger"));

        var theirs = await stranger.ReadAllAsync();
        using var paging = await stranger.GetAsync($"{EventClient.EventsPath}?after={mine[0].Text("id")}");

        Assert.That(theirs, Is.Empty);
        await paging.AssertValidationErrorAsync("after");
    }

    [Test]
    public async Task Reading_events_needs_the_read_scope()
    {
        using var writer = _factory.CreateClient();
        writer.DefaultRequestHeaders.Authorization = new("Bearer", TestTokens.Mint(_factory.ParticipantId, scope: "customers:write"));

        using var response = await writer.GetAsync(EventClient.EventsPath);

        await response.AssertErrorAsync(403, "FORBIDDEN");
    }
}
