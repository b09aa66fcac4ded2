using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace CustomerService.Api.IntegrationTests;

/// <summary>POST /customers.</summary>
public sealed class CreateCustomerTests : ServiceFixture
{
    [Test]
    public async Task Create_returns_201_with_the_customer_location_and_etag()
    {
        var externalId = ContractClient.UniqueExternalId("create-201");

        using var response = await Client.CreateCustomerAsync(externalId);
        var customer = await response.ReadObjectAsync();

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(response.Headers.Location?.OriginalString, Is.EqualTo($"/api/v1/account-manager/customers/{customer.Id()}"));
            Assert.That(response.Headers.ETag, Is.Not.Null);
            ContractAssert.JsonUtf8(response.Content.Headers);
            ContractAssert.Customer(customer, externalId, "active", CustomerServiceFactory.DefaultParticipant);
            Assert.That(customer["accounts"]!.AsArray(), Is.Empty);
            Assert.That(customer.Text("updatedAt"), Is.EqualTo(customer.Text("createdAt")));
        });
    }

    [TestCase("active")]
    [TestCase("inactive")]
    [TestCase("deleted")]
    [TestCase("suspended")]
    public async Task Create_accepts_each_status(string status)
    {
        var externalId = ContractClient.UniqueExternalId("create-status");

        using var response = await Client.CreateCustomerAsync(externalId, status);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        ContractAssert.Customer(await response.ReadObjectAsync(), externalId, status, CustomerServiceFactory.DefaultParticipant);
    }

    [Test]
    public async Task Create_location_leads_to_the_created_customer()
    {
        using var created = await Client.CreateCustomerAsync(ContractClient.UniqueExternalId("create-location"));
        var customer = await created.ReadObjectAsync();

        using var read = await Client.GetAsync(created.Headers.Location);

        Assert.That(read.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        ContractAssert.SameJson(await read.ReadObjectAsync(), customer);
    }

    [Test]
    public async Task Create_with_neither_field_reports_externalId_and_status_at_once()
    {
        using var response = await Client.PostJsonAsync(ContractClient.CustomersPath, "{}");

        await response.AssertValidationErrorAsync("externalId", "status");
    }

    [Test]
    public async Task Create_with_invalid_externalId_and_status_reports_both_at_once()
    {
        using var response = await Client.CreateCustomerAsync(" padded ", "bogus");

        await response.AssertValidationErrorAsync("externalId", "status");
    }

    [Test]
    public async Task Create_without_status_returns_400_for_status()
    {
        var body = JsonSerializer.Serialize(new { externalId = ContractClient.UniqueExternalId("create-no-status") });

        using var response = await Client.PostJsonAsync(ContractClient.CustomersPath, body);

        await response.AssertValidationErrorAsync("status");
    }

    [Test]
    public async Task Create_without_externalId_returns_400_for_externalId()
    {
        using var response = await Client.PostJsonAsync(ContractClient.CustomersPath, """{"status":"active"}""");

        await response.AssertValidationErrorAsync("externalId");
    }

    [TestCase("ACTIVE")]
    [TestCase("Active")]
    [TestCase("bogus")]
    [TestCase("")]
    public async Task Create_with_invalid_status_returns_400_for_status(string status)
    {
        using var response = await Client.CreateCustomerAsync(ContractClient.UniqueExternalId("create-bad-status"), status);

        await response.AssertValidationErrorAsync("status");
    }

    [Test]
    public async Task Create_with_null_status_returns_400_for_status()
    {
        var body = $$"""{"externalId":"{{ContractClient.UniqueExternalId("create-null-status")}}","status":null}""";

        using var response = await Client.PostJsonAsync(ContractClient.CustomersPath, body);

        await response.AssertValidationErrorAsync("status");
    }

    [TestCase("")]
    [TestCase(" leading-space")]
    [TestCase("trailing-space ")]
    [TestCase("trailing-tab\t")]
    [TestCase("   ")]
    [TestCase("control\u0001char")]
    [TestCase("new\nline")]
    [TestCase("delete\u007Fchar")]
    public async Task Create_with_invalid_externalId_returns_400_for_externalId(string externalId)
    {
        using var response = await Client.CreateCustomerAsync(externalId);

        await response.AssertValidationErrorAsync("externalId");
    }

    [Test]
    public async Task Create_with_externalId_of_256_characters_returns_400_for_externalId()
    {
        using var response = await Client.CreateCustomerAsync(LongExternalId(256));

        await response.AssertValidationErrorAsync("externalId");
    }

    [Test]
    public async Task Create_with_externalId_of_255_characters_returns_201()
    {
        var externalId = LongExternalId(255);

        using var response = await Client.CreateCustomerAsync(externalId);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        Assert.That((await response.ReadObjectAsync()).Text("externalId"), Is.EqualTo(externalId));
    }

    [Test]
    public async Task Create_with_inner_spaces_and_unicode_in_externalId_returns_it_unchanged()
    {
        var externalId = ContractClient.UniqueExternalId("Ünïcode ext id ✓");

        using var response = await Client.CreateCustomerAsync(externalId);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        Assert.That((await response.ReadObjectAsync()).Text("externalId"), Is.EqualTo(externalId));
    }

    [Test]
    public async Task Create_with_number_for_externalId_returns_400_for_externalId()
    {
        using var response = await Client.PostJsonAsync(ContractClient.CustomersPath, """{"externalId":12345,"status":"active"}""");

        await response.AssertValidationErrorAsync("externalId");
    }

    [Test]
    public async Task Create_with_number_for_status_returns_400_for_status()
    {
        var body = $$"""{"externalId":"{{ContractClient.UniqueExternalId("create-int-status")}}","status":1}""";

        using var response = await Client.PostJsonAsync(ContractClient.CustomersPath, body);

        await response.AssertValidationErrorAsync("status");
    }

    [TestCase("{\"externalId\":")]
    [TestCase("{externalId: 'x', status: 'active'}")]
    [TestCase("not json at all")]
    [TestCase("{\"externalId\":\"trailing-comma\",\"status\":\"active\",}")]
    [TestCase("{\"externalId\":\"two-values\",\"status\":\"active\"} {}")]
    [TestCase("")]
    public async Task Create_with_malformed_or_empty_body_returns_400_INVALID_JSON(string body)
    {
        using var response = await Client.PostJsonAsync(ContractClient.CustomersPath, body);

        await response.AssertErrorAsync(400, "INVALID_JSON");
    }

    [Test]
    public async Task Create_with_top_level_array_returns_400_VALIDATION_ERROR()
    {
        var body = $"[{ContractClient.CreateBody(ContractClient.UniqueExternalId("create-array"), "active")}]";

        using var response = await Client.PostJsonAsync(ContractClient.CustomersPath, body);

        await response.AssertErrorAsync(400, "VALIDATION_ERROR");
    }

    [Test]
    public async Task Create_with_text_plain_body_returns_415()
    {
        var body = ContractClient.CreateBody(ContractClient.UniqueExternalId("create-text"), "active");

        using var response = await Client.PostAsync(ContractClient.CustomersPath, ContractClient.PlainText(body));

        await response.AssertErrorAsync(415, "UNSUPPORTED_MEDIA_TYPE");
    }

    [TestCase("application/x-www-form-urlencoded")]
    [TestCase("application/xml")]
    public async Task Create_with_a_body_that_is_not_application_json_returns_415(string mediaType)
    {
        var body = ContractClient.CreateBody(ContractClient.UniqueExternalId("create-media"), "active");

        using var response = await Client.PostAsync(ContractClient.CustomersPath, new StringContent(body, Encoding.UTF8, mediaType));

        await response.AssertErrorAsync(415, "UNSUPPORTED_MEDIA_TYPE");
    }

    [Test]
    public async Task Create_with_a_body_without_content_type_returns_415()
    {
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(ContractClient.CreateBody(ContractClient.UniqueExternalId("create-no-type"), "active")));

        using var response = await Client.PostAsync(ContractClient.CustomersPath, content);

        await response.AssertErrorAsync(415, "UNSUPPORTED_MEDIA_TYPE");
    }

    [Test]
    public async Task Create_with_application_json_without_charset_returns_201()
    {
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(ContractClient.CreateBody(ContractClient.UniqueExternalId("create-bare-json"), "active")));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        using var response = await Client.PostAsync(ContractClient.CustomersPath, content);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task Create_with_bytes_that_are_not_UTF8_returns_400_INVALID_JSON_and_creates_nothing()
    {
        var externalId = ContractClient.UniqueExternalId("create-latin1-bytes");
        var body = Encoding.UTF8.GetBytes($$"""{"externalId":"{{externalId}}","status":"active","note":"caf?"}""");
        body[Array.LastIndexOf(body, (byte)'?')] = 0xE9; // "café" in Latin-1, which is not UTF-8, in a property that is ignored
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        using var response = await Client.PostAsync(ContractClient.CustomersPath, content);

        Assert.That(await response.AssertErrorAsync(400, "INVALID_JSON"), Is.Empty);
        Assert.That(await Client.ListCustomersOkAsync($"?externalId={externalId}"), Is.Empty);
    }

    [Test]
    public async Task Create_with_a_UTF8_byte_order_mark_returns_201()
    {
        var externalId = ContractClient.UniqueExternalId("create-bom");
        using var content = new ByteArrayContent([.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(ContractClient.CreateBody(externalId, "active"))]);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        using var response = await Client.PostAsync(ContractClient.CustomersPath, content);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        Assert.That((await response.ReadObjectAsync()).Text("externalId"), Is.EqualTo(externalId));
    }

    [TestCase("\\ud800")]
    [TestCase("a\\udc00b")]
    [TestCase("\\udc00\\ud800")]
    [TestCase("\\ud800\\u0041")]
    public async Task Create_with_an_unpaired_surrogate_escape_returns_400_INVALID_JSON(string escaped)
    {
        var externalId = ContractClient.UniqueExternalId("create-surrogate");
        var body = $$"""{"externalId":"{{externalId}}","status":"active","note":"{{escaped}}"}""";

        using var response = await Client.PostJsonAsync(ContractClient.CustomersPath, body);

        Assert.That(await response.AssertErrorAsync(400, "INVALID_JSON"), Is.Empty);
        Assert.That(await Client.ListCustomersOkAsync($"?externalId={externalId}"), Is.Empty);
    }

    [Test]
    public async Task Create_with_an_escaped_surrogate_pair_keeps_the_character()
    {
        var suffix = Guid.NewGuid().ToString("N");
        var body = $$"""{"externalId":"smile-\ud83d\ude00-{{suffix}}","status":"active","note":"\\ud800 is plain text here"}""";

        using var response = await Client.PostJsonAsync(ContractClient.CustomersPath, body);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        Assert.That((await response.ReadObjectAsync()).Text("externalId"), Is.EqualTo($"smile-\U0001F600-{suffix}"));
    }

    [Test]
    public async Task Create_with_status_given_twice_returns_400_for_status_and_creates_nothing()
    {
        var externalId = ContractClient.UniqueExternalId("create-status-twice");
        var body = $$"""{"externalId":"{{externalId}}","status":"active","status":"deleted"}""";

        using var response = await Client.PostJsonAsync(ContractClient.CustomersPath, body);

        var details = await response.AssertErrorAsync(400, "VALIDATION_ERROR");
        Assert.That(
            details.Select(detail => (detail.Text("field"), detail.Text("message"))),
            Is.EqualTo(new[] { ("status", "status appears more than once; send each property once.") }));
        Assert.That(await Client.ListCustomersOkAsync($"?externalId={externalId}"), Is.Empty);
    }

    [Test]
    public async Task Create_with_externalId_given_twice_in_different_case_returns_400_naming_the_second_spelling()
    {
        var externalId = ContractClient.UniqueExternalId("create-case-twice");
        var body = $$"""{"externalId":"{{externalId}}","status":"active","EXTERNALID":"{{externalId}}-other"}""";

        using var response = await Client.PostJsonAsync(ContractClient.CustomersPath, body);

        await response.AssertValidationErrorAsync("EXTERNALID");
        Assert.That(await Client.ListCustomersOkAsync($"?externalId={externalId}-other"), Is.Empty);
    }

    [TestCase("application/json; charset=latin1")]
    [TestCase("application/json; charset=utf-16")]
    [TestCase("application/json; charset")]
    [TestCase("application/json; charset=\"utf-8")]
    [TestCase("application/json, text/plain")]
    public async Task Create_with_a_content_type_that_is_not_one_UTF8_JSON_type_returns_415_and_creates_nothing(string contentType)
    {
        var externalId = ContractClient.UniqueExternalId("create-charset");
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(ContractClient.CreateBody(externalId, "active")));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);

        using var response = await Client.PostAsync(ContractClient.CustomersPath, content);

        await response.AssertErrorAsync(415, "UNSUPPORTED_MEDIA_TYPE");
        Assert.That(await Client.ListCustomersOkAsync($"?externalId={externalId}"), Is.Empty);
    }

    [TestCase("application/json; charset=utf-8")]
    [TestCase("application/json; charset=UTF-8")]
    [TestCase("application/json; charset=\"utf-8\"")]
    public async Task Create_with_a_UTF8_charset_returns_201(string contentType)
    {
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(ContractClient.CreateBody(ContractClient.UniqueExternalId("create-utf8"), "active")));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);

        using var response = await Client.PostAsync(ContractClient.CustomersPath, content);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task Create_with_text_plain_body_creates_nothing()
    {
        var externalId = ContractClient.UniqueExternalId("create-text-nothing");

        using var response = await Client.PostAsync(ContractClient.CustomersPath, ContractClient.PlainText(ContractClient.CreateBody(externalId, "active")));

        Assert.That(await Client.ListCustomersOkAsync($"?externalId={externalId}"), Is.Empty);
    }

    [Test]
    public async Task Create_ignores_unknown_properties()
    {
        var externalId = ContractClient.UniqueExternalId("create-unknown");
        var body = $$"""{"externalId":"{{externalId}}","status":"inactive","nickname":"x","nested":{"a":[1,2]},"accounts":[{"network":"bitcoin"}]}""";

        using var response = await Client.PostJsonAsync(ContractClient.CustomersPath, body);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        ContractAssert.Customer(await response.ReadObjectAsync(), externalId, "inactive", CustomerServiceFactory.DefaultParticipant);
    }

    [Test]
    public async Task Create_ignores_participantId_in_the_body()
    {
        var externalId = ContractClient.UniqueExternalId("create-participant");
        var body = $$"""{"externalId":"{{externalId}}","status":"active","participantId":"someone-else"}""";

        using var response = await Client.PostJsonAsync(ContractClient.CustomersPath, body);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        Assert.That((await response.ReadObjectAsync()).Text("participantId"), Is.EqualTo(CustomerServiceFactory.DefaultParticipant));
    }

    [Test]
    public async Task Create_ignores_id_and_timestamps_in_the_body()
    {
        var externalId = ContractClient.UniqueExternalId("create-id");
        const string ChosenId = "0193a6f4-8a1e-7c3b-9d2e-5f6a7b8c9d0e";
        var body = $$"""{"externalId":"{{externalId}}","status":"active","id":"{{ChosenId}}","createdAt":"2000-01-01T00:00:00.000Z"}""";

        using var response = await Client.PostJsonAsync(ContractClient.CustomersPath, body);
        var customer = await response.ReadObjectAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), customer.ToJsonString());
        Assert.That(customer.Id(), Is.Not.EqualTo(ChosenId));
        Assert.That(customer.Text("createdAt"), Does.Not.StartWith("2000-"));
    }

    [Test]
    public async Task Create_with_duplicate_externalId_returns_409()
    {
        var externalId = ContractClient.UniqueExternalId("create-duplicate");
        await Client.CreateCustomerOkAsync(externalId);

        using var response = await Client.CreateCustomerAsync(externalId, "inactive");

        await response.AssertErrorAsync(409, "DUPLICATE_EXTERNAL_ID");
    }

    [Test]
    public async Task Create_with_duplicate_externalId_leaves_the_first_customer_alone()
    {
        var externalId = ContractClient.UniqueExternalId("create-duplicate-nothing");
        var first = await Client.CreateCustomerOkAsync(externalId);
        var countBefore = (await Client.ListCustomersOkAsync()).Count;

        using var response = await Client.CreateCustomerAsync(externalId, "suspended");

        Assert.That((int)response.StatusCode, Is.EqualTo(409));
        Assert.That((await Client.ListCustomersOkAsync()).Count, Is.EqualTo(countBefore));
        var matches = await Client.ListCustomersOkAsync($"?externalId={externalId}");
        Assert.That(matches, Has.Count.EqualTo(1));
        ContractAssert.SameJson(matches[0], first);
    }

    [Test]
    public async Task Create_rejected_for_validation_writes_nothing()
    {
        var externalId = ContractClient.UniqueExternalId("create-400-nothing");
        var countBefore = (await Client.ListCustomersOkAsync()).Count;

        using var response = await Client.CreateCustomerAsync(externalId, "bogus");

        Assert.That((int)response.StatusCode, Is.EqualTo(400));
        Assert.That((await Client.ListCustomersOkAsync()).Count, Is.EqualTo(countBefore));
        Assert.That(await Client.ListCustomersOkAsync($"?externalId={externalId}"), Is.Empty);
    }

    [Test]
    public async Task Create_treats_externalId_case_sensitively()
    {
        var suffix = Guid.NewGuid().ToString("N");

        using var upper = await Client.CreateCustomerAsync($"Abc-{suffix}");
        using var lower = await Client.CreateCustomerAsync($"abc-{suffix}");

        Assert.Multiple(() =>
        {
            Assert.That(upper.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(lower.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        });
    }

    [Test]
    public async Task Create_response_carries_api_supported_versions()
    {
        using var response = await Client.CreateCustomerAsync(ContractClient.UniqueExternalId("create-versions"));

        Assert.That(response.Headers.TryGetValues("api-supported-versions", out var versions), Is.True);
        Assert.That(string.Join(",", versions!), Does.Contain("1"));
    }

    private static string LongExternalId(int length)
    {
        var prefix = Guid.NewGuid().ToString("N");
        return prefix + new string('x', length - prefix.Length);
    }
}
