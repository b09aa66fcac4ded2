using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;

namespace CustomerService.Api.IntegrationTests;

/// <summary>PUT /customers/{id}. The clock moves a second whenever it is read, so a change always moves updatedAt.</summary>
public sealed class UpdateCustomerTests : ServiceFixture
{
    private static readonly string[] Statuses = ["active", "inactive", "deleted", "suspended"];

    [Test]
    public async Task Update_returns_200_with_new_status_moved_updatedAt_same_createdAt_and_new_etag()
    {
        var (created, createETag) = await Client.CreateCustomerWithETagAsync(ContractClient.UniqueExternalId("update-200"));

        using var response = await Client.UpdateStatusAsync(created.Id(), "suspended");
        var updated = await response.ReadObjectAsync();

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            ContractAssert.JsonUtf8(response.Content.Headers);
            ContractAssert.Customer(updated, created.Text("externalId"), "suspended", CustomerServiceFactory.DefaultParticipant);
            Assert.That(updated.Id(), Is.EqualTo(created.Id()));
            Assert.That(updated.Text("createdAt"), Is.EqualTo(created.Text("createdAt")));
            Assert.That(string.CompareOrdinal(updated.Text("updatedAt"), created.Text("updatedAt")), Is.Positive, "updatedAt must move forward");
            Assert.That(response.ETag(), Is.Not.EqualTo(createETag));
        });
    }

    [Test]
    public async Task Update_is_what_a_later_read_returns()
    {
        var created = await Client.CreateCustomerOkAsync(ContractClient.UniqueExternalId("update-read"));
        using var response = await Client.UpdateStatusAsync(created.Id(), "inactive");
        var updated = await response.ReadObjectAsync();

        var (read, readETag) = await Client.GetCustomerOkAsync(created.Id());

        ContractAssert.SameJson(read, updated);
        Assert.That(readETag, Is.EqualTo(response.ETag()));
    }

    [TestCaseSource(nameof(Transitions))]
    public async Task Update_moves_any_status_to_any_other(string from, string to)
    {
        var created = await Client.CreateCustomerOkAsync(ContractClient.UniqueExternalId("update-move"), from);

        using var response = await Client.UpdateStatusAsync(created.Id(), to);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        Assert.That((await response.ReadObjectAsync()).Text("status"), Is.EqualTo(to));
    }

    [Test]
    public async Task Update_to_the_same_status_returns_200_and_changes_nothing()
    {
        var (created, createETag) = await Client.CreateCustomerWithETagAsync(ContractClient.UniqueExternalId("update-same"), "inactive");

        using var response = await Client.UpdateStatusAsync(created.Id(), "inactive");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        ContractAssert.SameJson(await response.ReadObjectAsync(), created);
        Assert.That(response.ETag(), Is.EqualTo(createETag));
    }

    [Test]
    public async Task Update_to_the_same_status_leaves_the_stored_customer_unchanged()
    {
        var (created, createETag) = await Client.CreateCustomerWithETagAsync(ContractClient.UniqueExternalId("update-same-read"), "deleted");
        using var response = await Client.UpdateStatusAsync(created.Id(), "deleted");

        var (read, readETag) = await Client.GetCustomerOkAsync(created.Id());

        ContractAssert.SameJson(read, created);
        Assert.That(readETag, Is.EqualTo(createETag));
    }

    [TestCase("ACTIVE")]
    [TestCase("bogus")]
    [TestCase("")]
    public async Task Update_with_invalid_status_returns_400_for_status(string status)
    {
        var created = await Client.CreateCustomerOkAsync(ContractClient.UniqueExternalId("update-bad"));

        using var response = await Client.UpdateStatusAsync(created.Id(), status);

        await response.AssertValidationErrorAsync("status");
    }

    [TestCase("{}")]
    [TestCase("""{"status":null}""")]
    [TestCase("""{"status":2}""")]
    [TestCase("""{"externalId":"only-this"}""")]
    public async Task Update_without_a_valid_status_value_returns_400_for_status(string body)
    {
        var created = await Client.CreateCustomerOkAsync(ContractClient.UniqueExternalId("update-missing"));

        using var response = await Client.UpdateCustomerAsync(created.Id(), body);

        await response.AssertValidationErrorAsync("status");
    }

    [Test]
    public async Task Update_rejected_for_validation_changes_nothing()
    {
        var (created, createETag) = await Client.CreateCustomerWithETagAsync(ContractClient.UniqueExternalId("update-bad-nothing"));
        using var response = await Client.UpdateStatusAsync(created.Id(), "bogus");

        var (read, readETag) = await Client.GetCustomerOkAsync(created.Id());

        ContractAssert.SameJson(read, created);
        Assert.That(readETag, Is.EqualTo(createETag));
    }

    [Test]
    public async Task Update_with_status_given_twice_returns_400_for_status_and_changes_nothing()
    {
        var (created, createETag) = await Client.CreateCustomerWithETagAsync(ContractClient.UniqueExternalId("update-status-twice"));

        using var response = await Client.UpdateCustomerAsync(created.Id(), """{"status":"active","status":"suspended"}""");

        await response.AssertValidationErrorAsync("status");
        var (read, readETag) = await Client.GetCustomerOkAsync(created.Id());
        ContractAssert.SameJson(read, created);
        Assert.That(readETag, Is.EqualTo(createETag));
    }

    [Test]
    public async Task Update_of_unknown_customer_returns_404()
    {
        using var response = await Client.UpdateStatusAsync(Guid.NewGuid().ToString(), "inactive");

        await response.AssertErrorAsync(404, "NOT_FOUND");
    }

    [TestCase("not-a-uuid")]
    [TestCase("42")]
    public async Task Update_with_non_uuid_id_returns_400_for_id(string id)
    {
        using var response = await Client.UpdateStatusAsync(id, "inactive");

        await response.AssertValidationErrorAsync("id");
    }

    [Test]
    public async Task Update_with_uppercase_id_updates_the_customer()
    {
        var created = await Client.CreateCustomerOkAsync(ContractClient.UniqueExternalId("update-upper"));

        using var response = await Client.UpdateStatusAsync(created.Id().ToUpperInvariant(), "suspended");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await response.ReadObjectAsync()).Id(), Is.EqualTo(created.Id()));
    }

    [Test]
    public async Task Update_with_stale_If_Match_returns_412()
    {
        var (created, staleETag) = await Client.CreateCustomerWithETagAsync(ContractClient.UniqueExternalId("update-412"));
        await UpdateOkAsync(created.Id(), "inactive");

        using var response = await Client.UpdateStatusAsync(created.Id(), "suspended", staleETag);

        await response.AssertErrorAsync(412, "PRECONDITION_FAILED");
    }

    [Test]
    public async Task Update_with_stale_If_Match_changes_nothing()
    {
        var (created, staleETag) = await Client.CreateCustomerWithETagAsync(ContractClient.UniqueExternalId("update-412-nothing"));
        var (current, currentETag) = await UpdateOkAsync(created.Id(), "inactive");
        using var response = await Client.UpdateStatusAsync(created.Id(), "suspended", staleETag);

        var (read, readETag) = await Client.GetCustomerOkAsync(created.Id());

        ContractAssert.SameJson(read, current);
        Assert.That(readETag, Is.EqualTo(currentETag));
    }

    [Test]
    public async Task Update_with_an_If_Match_that_was_never_issued_returns_412()
    {
        var created = await Client.CreateCustomerOkAsync(ContractClient.UniqueExternalId("update-412-unknown"));

        using var response = await Client.UpdateStatusAsync(created.Id(), "suspended", "\"no-such-version\"");

        await response.AssertErrorAsync(412, "PRECONDITION_FAILED");
    }

    [Test]
    public async Task Update_with_current_If_Match_returns_200()
    {
        var (created, etag) = await Client.CreateCustomerWithETagAsync(ContractClient.UniqueExternalId("update-if-match"));

        using var response = await Client.UpdateStatusAsync(created.Id(), "suspended", etag);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        Assert.That((await response.ReadObjectAsync()).Text("status"), Is.EqualTo("suspended"));
    }

    [Test]
    public async Task Update_with_If_Match_from_the_last_update_returns_200()
    {
        var created = await Client.CreateCustomerOkAsync(ContractClient.UniqueExternalId("update-if-match-chain"));
        var (_, etag) = await UpdateOkAsync(created.Id(), "inactive");

        using var response = await Client.UpdateStatusAsync(created.Id(), "deleted", etag);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task Update_with_If_Match_star_returns_200()
    {
        var created = await Client.CreateCustomerOkAsync(ContractClient.UniqueExternalId("update-star"));
        await UpdateOkAsync(created.Id(), "inactive");

        using var response = await Client.UpdateStatusAsync(created.Id(), "active", "*");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task Update_without_If_Match_lets_the_last_write_win()
    {
        var created = await Client.CreateCustomerOkAsync(ContractClient.UniqueExternalId("update-last-wins"));
        await UpdateOkAsync(created.Id(), "inactive");

        using var response = await Client.UpdateStatusAsync(created.Id(), "deleted");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await Client.GetCustomerOkAsync(created.Id())).Customer.Text("status"), Is.EqualTo("deleted"));
    }

    [Test]
    public async Task Update_ignores_externalId_in_the_body()
    {
        var created = await Client.CreateCustomerOkAsync(ContractClient.UniqueExternalId("update-external"));

        using var response = await Client.UpdateCustomerAsync(created.Id(), """{"status":"inactive","externalId":"changed-by-update"}""");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        Assert.That((await Client.GetCustomerOkAsync(created.Id())).Customer.Text("externalId"), Is.EqualTo(created.Text("externalId")));
        Assert.That(await Client.ListCustomersOkAsync("?externalId=changed-by-update"), Is.Empty);
    }

    [Test]
    public async Task Update_with_text_plain_body_returns_415()
    {
        var created = await Client.CreateCustomerOkAsync(ContractClient.UniqueExternalId("update-415"));

        using var response = await Client.PutAsync(ContractClient.CustomerPath(created.Id()), ContractClient.PlainText(ContractClient.StatusBody("inactive")));

        await response.AssertErrorAsync(415, "UNSUPPORTED_MEDIA_TYPE");
    }

    [TestCase("{\"status\":")]
    [TestCase("status=inactive")]
    [TestCase("")]
    public async Task Update_with_malformed_or_empty_body_returns_400_INVALID_JSON(string body)
    {
        var created = await Client.CreateCustomerOkAsync(ContractClient.UniqueExternalId("update-invalid-json"));

        using var response = await Client.UpdateCustomerAsync(created.Id(), body);

        await response.AssertErrorAsync(400, "INVALID_JSON");
    }

    protected override CustomerServiceFactory CreateFactory() =>
        new(clock: new FakeTimeProvider(new DateTimeOffset(2025, 11, 18, 12, 0, 0, TimeSpan.Zero)) { AutoAdvanceAmount = TimeSpan.FromSeconds(1) });

    private static IEnumerable<TestCaseData> Transitions() =>
        from source in Statuses
        from target in Statuses
        where source != target
        select new TestCaseData(source, target);

    private async Task<(JsonObject Customer, string ETag)> UpdateOkAsync(string id, string status)
    {
        using var response = await Client.UpdateStatusAsync(id, status);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        return (await response.ReadObjectAsync(), response.ETag());
    }
}
