using static CustomerService.Api.IntegrationTests.Webhooks.WebhookEndpointsClient;

namespace CustomerService.Api.IntegrationTests.Webhooks;

/// <summary>
/// The webhook endpoints of docs/contract.md, section 9, through HTTP: each test is a participant of
/// its own, so each starts with no endpoints. The limit is set to 3 here.
/// </summary>
public sealed class WebhookEndpointsTests : ServiceFixture
{
    private const int Limit = 3;

    private static readonly string[] EveryType = ["customer.created", "customer.status_changed", "account.created"];

    [Test]
    public async Task Create_answers_201_with_location_every_event_type_by_default_and_a_secret_of_32_random_bytes()
    {
        using var client = Factory.ClientFor(NewParticipant());

        using var response = await client.CreateEndpointAsync($$"""{"url":"{{PublicUrl}}","description":"back office"}""");

        Assert.That((int)response.StatusCode, Is.EqualTo(201), await response.Content.ReadAsStringAsync());
        var endpoint = await response.ReadObjectAsync();
        var secret = endpoint.Text("secret");
        Assert.Multiple(() =>
        {
            Assert.That(endpoint.Keys(), Is.EqualTo(new[] { "id", "url", "eventTypes", "description", "enabled", "secret", "createdAt", "updatedAt" }));
            Assert.That(endpoint.Id(), Does.Match(ContractAssert.LowercaseUuid()));
            Assert.That(response.Headers.Location?.ToString(), Is.EqualTo(EndpointPath(endpoint.Id())));
            Assert.That(endpoint.Text("url"), Is.EqualTo(PublicUrl));
            Assert.That(endpoint["eventTypes"].Strings(), Is.EqualTo(EveryType));
            Assert.That(endpoint.Text("description"), Is.EqualTo("back office"));
            Assert.That(endpoint["enabled"]!.GetValue<bool>(), Is.True);
            Assert.That(endpoint.Text("createdAt"), Does.Match(ContractAssert.Timestamp()));
            Assert.That(endpoint.Text("updatedAt"), Is.EqualTo(endpoint.Text("createdAt")));
            Assert.That(secret, Does.StartWith("whsec_"));
            Assert.That(Convert.FromBase64String(secret["whsec_".Length..]), Has.Length.EqualTo(32));
        });
    }

    [Test]
    public async Task Two_endpoints_get_different_secrets()
    {
        using var client = Factory.ClientFor(NewParticipant());

        var first = await client.CreateEndpointOkAsync();
        var second = await client.CreateEndpointOkAsync();

        Assert.That(second.Text("secret"), Is.Not.EqualTo(first.Text("secret")));
    }

    [Test]
    public async Task Event_types_are_kept_each_once_in_the_contracts_order()
    {
        using var client = Factory.ClientFor(NewParticipant());

        using var response = await client.CreateEndpointAsync(
            $$"""{"url":"{{PublicUrl}}","eventTypes":["account.created","customer.created","account.created"]}""");

        Assert.That((int)response.StatusCode, Is.EqualTo(201), await response.Content.ReadAsStringAsync());
        Assert.That((await response.ReadObjectAsync())["eventTypes"].Strings(), Is.EqualTo(new[] { "customer.created", "account.created" }));
    }

    [Test]
    public async Task Get_and_list_answer_without_the_secret_and_without_an_absent_description()
    {
        using var client = Factory.ClientFor(NewParticipant());
        var created = await client.CreateEndpointOkAsync();

        var read = await client.GetEndpointOkAsync(created.Id());
        using var list = await client.GetAsync(EndpointsPath);

        Assert.That((int)list.StatusCode, Is.EqualTo(200));
        var listed = (await list.ReadArrayAsync()).Single()!.AsObject();
        string[] fields = ["id", "url", "eventTypes", "enabled", "createdAt", "updatedAt"];
        Assert.Multiple(() =>
        {
            Assert.That(read.Keys(), Is.EqualTo(fields));
            Assert.That(listed.Keys(), Is.EqualTo(fields));
            ContractAssert.SameJson(listed, read);
            Assert.That(read.Text("createdAt"), Is.EqualTo(created.Text("createdAt")));
            Assert.That(read["eventTypes"].Strings(), Is.EqualTo(EveryType));
        });
    }

    [Test]
    public async Task List_is_oldest_first()
    {
        using var client = Factory.ClientFor(NewParticipant());
        var first = await client.CreateEndpointOkAsync();
        var second = await client.CreateEndpointOkAsync("https://1.1.1.1/second");

        using var response = await client.GetAsync(EndpointsPath);

        Assert.That((await response.ReadArrayAsync()).Ids(), Is.EqualTo(new[] { first.Id(), second.Id() }));
    }

    [Test]
    public async Task Put_changes_the_fields_given_and_keeps_the_others()
    {
        using var client = Factory.ClientFor(NewParticipant());
        var created = await client.CreateEndpointOkAsync();

        using var response = await client.UpdateEndpointAsync(
            created.Id(),
            """{"url":"https://[2606:4700:4700::1111]/moved","eventTypes":["customer.status_changed"],"enabled":false}""");

        Assert.That((int)response.StatusCode, Is.EqualTo(200), await response.Content.ReadAsStringAsync());
        var updated = await response.ReadObjectAsync();
        Assert.Multiple(() =>
        {
            Assert.That(updated.Text("url"), Is.EqualTo("https://[2606:4700:4700::1111]/moved"));
            Assert.That(updated["eventTypes"].Strings(), Is.EqualTo(new[] { "customer.status_changed" }));
            Assert.That(updated["enabled"]!.GetValue<bool>(), Is.False);
            Assert.That(updated.Keys(), Does.Not.Contain("disabledReason").And.Not.Contain("secret"));
            Assert.That(updated.Text("createdAt"), Is.EqualTo(created.Text("createdAt")));
            Assert.That(DateTime.Parse(updated.Text("updatedAt"), System.Globalization.CultureInfo.InvariantCulture), Is.GreaterThanOrEqualTo(DateTime.Parse(created.Text("updatedAt"), System.Globalization.CultureInfo.InvariantCulture)));
        });
        ContractAssert.SameJson(await client.GetEndpointOkAsync(created.Id()), updated);
    }

    [Test]
    public async Task Put_of_the_values_it_already_has_changes_nothing_and_an_empty_description_removes_it()
    {
        using var client = Factory.ClientFor(NewParticipant());
        using var created = await client.CreateEndpointAsync($$"""{"url":"{{PublicUrl}}","description":"note"}""");
        var id = (await created.ReadObjectAsync()).Id();
        var before = await client.GetEndpointOkAsync(id);

        using var same = await client.UpdateEndpointAsync(id, $$"""{"url":"{{PublicUrl}}","enabled":true,"description":"note"}""");
        using var cleared = await client.UpdateEndpointAsync(id, """{"description":""}""");

        ContractAssert.SameJson(await same.ReadObjectAsync(), before);
        Assert.That((await cleared.ReadObjectAsync()).Keys(), Does.Not.Contain("description"));
    }

    [Test]
    public async Task Delete_answers_204_and_then_the_endpoint_is_404_everywhere()
    {
        using var client = Factory.ClientFor(NewParticipant());
        var id = (await client.CreateEndpointOkAsync()).Id();

        using var deleted = await client.DeleteAsync(EndpointPath(id));

        Assert.That((int)deleted.StatusCode, Is.EqualTo(204));
        Assert.That(await deleted.Content.ReadAsStringAsync(), Is.Empty);
        using var get = await client.GetAsync(EndpointPath(id));
        using var put = await client.UpdateEndpointAsync(id, """{"enabled":true}""");
        using var again = await client.DeleteAsync(EndpointPath(id));
        using var rotate = await client.RotateSecretAsync(id);
        using var list = await client.GetAsync(EndpointsPath);
        await get.AssertErrorAsync(404, "NOT_FOUND");
        await put.AssertErrorAsync(404, "NOT_FOUND");
        await again.AssertErrorAsync(404, "NOT_FOUND");
        await rotate.AssertErrorAsync(404, "NOT_FOUND");
        Assert.That(await list.ReadArrayAsync(), Is.Empty);
    }

    [Test]
    public async Task Rotation_answers_200_with_only_a_new_secret_which_reads_never_show()
    {
        using var client = Factory.ClientFor(NewParticipant());
        var created = await client.CreateEndpointOkAsync();

        using var response = await client.RotateSecretAsync(created.Id());

        Assert.That((int)response.StatusCode, Is.EqualTo(200), await response.Content.ReadAsStringAsync());
        var rotated = await response.ReadObjectAsync();
        Assert.Multiple(() =>
        {
            Assert.That(rotated.Keys(), Is.EqualTo(new[] { "secret" }));
            Assert.That(rotated.Text("secret"), Does.StartWith("whsec_").And.Not.EqualTo(created.Text("secret")));
            Assert.That(Convert.FromBase64String(rotated.Text("secret")["whsec_".Length..]), Has.Length.EqualTo(32));
        });
        Assert.That((await client.GetEndpointOkAsync(created.Id())).Keys(), Does.Not.Contain("secret"));
    }

    [Test]
    public async Task Endpoints_up_to_the_limit_are_created_and_the_one_over_it_is_409_WEBHOOK_ENDPOINT_LIMIT_REACHED()
    {
        using var client = Factory.ClientFor(NewParticipant());
        for (var i = 0; i < Limit; i++)
        {
            await client.CreateEndpointOkAsync();
        }

        using var refused = await client.CreateEndpointAsync($$"""{"url":"{{PublicUrl}}"}""");

        Assert.That(await refused.AssertErrorAsync(409, "WEBHOOK_ENDPOINT_LIMIT_REACHED"), Is.Empty);
        using var list = await client.GetAsync(EndpointsPath);
        Assert.That(await list.ReadArrayAsync(), Has.Count.EqualTo(Limit));
    }

    [Test]
    public async Task The_limit_is_per_participant_and_a_deleted_endpoint_frees_its_place()
    {
        using var full = Factory.ClientFor(NewParticipant());
        var ids = new List<string>();
        for (var i = 0; i < Limit; i++)
        {
            ids.Add((await full.CreateEndpointOkAsync()).Id());
        }

        using var other = Factory.ClientFor(NewParticipant());
        await other.CreateEndpointOkAsync();
        using var deleted = await full.DeleteAsync(EndpointPath(ids[0]));
        Assert.That((int)deleted.StatusCode, Is.EqualTo(204));
        await full.CreateEndpointOkAsync();
    }

    [TestCase("http://8.8.8.8/hooks", TestName = "Plain http is refused")]
    [TestCase("https://127.0.0.1/hooks", TestName = "A loopback address is refused")]
    [TestCase("https://localhost:8443/hooks", TestName = "A name that resolves to loopback is refused")]
    [TestCase("https://10.1.2.3/hooks", TestName = "A private address is refused")]
    [TestCase("https://192.168.0.10/hooks", TestName = "Another private address is refused")]
    [TestCase("https://169.254.169.254/latest/meta-data", TestName = "The link-local metadata address is refused")]
    [TestCase("https://100.64.0.1/hooks", TestName = "A carrier-grade NAT address is refused")]
    [TestCase("https://[::1]/hooks", TestName = "IPv6 loopback is refused")]
    [TestCase("https://[fd00::1]/hooks", TestName = "An IPv6 unique-local address is refused")]
    [TestCase("https://[::ffff:127.0.0.1]/hooks", TestName = "IPv4 loopback written as IPv6 is refused")]
    [TestCase("https://0.0.0.0/hooks", TestName = "The unspecified address is refused")]
    [TestCase("https://host.invalid/hooks", TestName = "A host that does not resolve is refused")]
    [TestCase("/hooks", TestName = "A relative url is refused")]
    [TestCase("ftp://8.8.8.8/hooks", TestName = "Another scheme is refused")]
    [TestCase("https://user:password@8.8.8.8/hooks", TestName = "Credentials in the url are refused")]
    public async Task Unsafe_or_malformed_url_is_400_for_the_field_url(string url)
    {
        using var client = Factory.ClientFor(NewParticipant());

        using var created = await client.CreateEndpointAsync($$"""{"url":"{{url}}"}""");
        var existing = (await client.CreateEndpointOkAsync()).Id();
        using var updated = await client.UpdateEndpointAsync(existing, $$"""{"url":"{{url}}"}""");

        await created.AssertValidationErrorAsync("url");
        await updated.AssertValidationErrorAsync("url");
        Assert.That((await client.GetEndpointOkAsync(existing)).Text("url"), Is.EqualTo(PublicUrl));
    }

    [TestCase("""{"url":"https://8.8.8.8/h","eventTypes":["customer.deleted"]}""", new[] { "eventTypes" }, TestName = "An unknown event type is refused")]
    [TestCase("""{"url":"https://8.8.8.8/h","eventTypes":[]}""", new[] { "eventTypes" }, TestName = "No event type at all is refused")]
    [TestCase("""{"url":"https://8.8.8.8/h","eventTypes":"customer.created"}""", new[] { "eventTypes" }, TestName = "Event types that are not an array are refused")]
    [TestCase("""{"url":"https://8.8.8.8/h","eventTypes":[null]}""", new[] { "eventTypes" }, TestName = "A null event type is refused")]
    [TestCase("""{"eventTypes":["customer.created"]}""", new[] { "url" }, TestName = "A missing url is refused")]
    [TestCase("""{"url":"http://127.0.0.1/h","eventTypes":["nope"],"description":"a\u0000b"}""", new[] { "url", "eventTypes", "description" }, TestName = "Every field at fault is reported at once")]
    public async Task Invalid_create_is_400_naming_each_field_at_fault(string json, string[] fields)
    {
        using var client = Factory.ClientFor(NewParticipant());

        using var response = await client.CreateEndpointAsync(json);

        await response.AssertValidationErrorAsync(fields);
    }

    [Test]
    public async Task A_description_over_256_characters_is_400_for_the_field_description()
    {
        using var client = Factory.ClientFor(NewParticipant());
        var id = (await client.CreateEndpointOkAsync()).Id();

        using var created = await client.CreateEndpointAsync($$"""{"url":"{{PublicUrl}}","description":"{{new string('d', 257)}}"}""");
        using var updated = await client.UpdateEndpointAsync(id, $$"""{"description":"{{new string('d', 257)}}"}""");

        await created.AssertValidationErrorAsync("description");
        await updated.AssertValidationErrorAsync("description");
    }

    [Test]
    public async Task Enabled_that_is_not_a_boolean_is_400_for_the_field_enabled()
    {
        using var client = Factory.ClientFor(NewParticipant());
        var id = (await client.CreateEndpointOkAsync()).Id();

        using var response = await client.UpdateEndpointAsync(id, """{"enabled":"yes"}""");

        await response.AssertValidationErrorAsync("enabled");
    }

    [Test]
    public async Task A_path_id_that_is_not_a_uuid_is_400_for_the_field_id()
    {
        using var client = Factory.ClientFor(NewParticipant());

        using var response = await client.GetAsync(EndpointPath("not-a-uuid"));

        await response.AssertValidationErrorAsync("id");
    }

    [Test]
    public async Task Another_participants_endpoint_is_404_to_read_change_rotate_and_delete_and_stays_as_it_was()
    {
        using var owner = Factory.ClientFor(NewParticipant());
        using var stranger = Factory.ClientFor(NewParticipant());
        var id = (await owner.CreateEndpointOkAsync()).Id();
        var before = await owner.GetEndpointOkAsync(id);

        using var get = await stranger.GetAsync(EndpointPath(id));
        using var put = await stranger.UpdateEndpointAsync(id, """{"enabled":false}""");
        using var rotate = await stranger.RotateSecretAsync(id);
        using var delete = await stranger.DeleteAsync(EndpointPath(id));
        using var list = await stranger.GetAsync(EndpointsPath);

        await get.AssertErrorAsync(404, "NOT_FOUND");
        await put.AssertErrorAsync(404, "NOT_FOUND");
        await rotate.AssertErrorAsync(404, "NOT_FOUND");
        await delete.AssertErrorAsync(404, "NOT_FOUND");
        Assert.That(await list.ReadArrayAsync(), Is.Empty);
        ContractAssert.SameJson(await owner.GetEndpointOkAsync(id), before);
    }

    [Test]
    public async Task Without_a_token_every_operation_is_401()
    {
        using var anonymous = Factory.CreateAnonymousClient();
        var id = Guid.NewGuid().ToString();

        foreach (var request in EveryOperation(id))
        {
            using (request)
            using (var response = await anonymous.SendAsync(request))
            {
                await response.AssertErrorAsync(401, "UNAUTHORIZED");
            }
        }
    }

    [Test]
    public async Task The_customers_scopes_grant_nothing_here()
    {
        using var client = Factory.ClientFor(NewParticipant(), TestTokens.AllScopes);

        foreach (var request in EveryOperation(Guid.NewGuid().ToString()))
        {
            using (request)
            using (var response = await client.SendAsync(request))
            {
                await response.AssertErrorAsync(403, "FORBIDDEN");
            }
        }
    }

    [Test]
    public async Task Webhooks_write_alone_changes_endpoints_but_cannot_read_them()
    {
        var participant = NewParticipant();
        using var writer = Factory.ClientFor(participant, "webhooks:write");

        var id = (await writer.CreateEndpointOkAsync()).Id();
        using var put = await writer.UpdateEndpointAsync(id, """{"enabled":false}""");
        using var rotate = await writer.RotateSecretAsync(id);
        using var get = await writer.GetAsync(EndpointPath(id));
        using var list = await writer.GetAsync(EndpointsPath);
        using var delete = await writer.DeleteAsync(EndpointPath(id));

        Assert.Multiple(() =>
        {
            Assert.That((int)put.StatusCode, Is.EqualTo(200));
            Assert.That((int)rotate.StatusCode, Is.EqualTo(200));
            Assert.That((int)delete.StatusCode, Is.EqualTo(204));
        });
        await get.AssertErrorAsync(403, "FORBIDDEN");
        await list.AssertErrorAsync(403, "FORBIDDEN");
    }

    [Test]
    public async Task Webhooks_read_alone_reads_endpoints_but_cannot_change_them()
    {
        var participant = NewParticipant();
        var id = (await Factory.ClientFor(participant).CreateEndpointOkAsync()).Id();
        using var reader = Factory.ClientFor(participant, "webhooks:read");

        await reader.GetEndpointOkAsync(id);
        using var list = await reader.GetAsync(EndpointsPath);
        Assert.That((int)list.StatusCode, Is.EqualTo(200));
        foreach (var request in EveryOperation(id).Where(request => request.Method != HttpMethod.Get))
        {
            using (request)
            using (var response = await reader.SendAsync(request))
            {
                await response.AssertErrorAsync(403, "FORBIDDEN");
            }
        }
    }

    protected override CustomerServiceFactory CreateFactory() =>
        new(settings: new Dictionary<string, string?> { ["Webhooks:MaxEndpoints"] = Limit.ToString(System.Globalization.CultureInfo.InvariantCulture) });

    private static HttpRequestMessage[] EveryOperation(string id) =>
    [
        ContractClient.Request(HttpMethod.Post, EndpointsPath, $$"""{"url":"{{PublicUrl}}"}"""),
        ContractClient.Request(HttpMethod.Get, EndpointsPath),
        ContractClient.Request(HttpMethod.Get, EndpointPath(id)),
        ContractClient.Request(HttpMethod.Put, EndpointPath(id), """{"enabled":true}"""),
        ContractClient.Request(HttpMethod.Delete, EndpointPath(id)),
        ContractClient.Request(HttpMethod.Post, $"{EndpointPath(id)}/secret"),
    ];
}
