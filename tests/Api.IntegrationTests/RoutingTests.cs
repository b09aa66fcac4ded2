using System.Text.RegularExpressions;

namespace CustomerService.Api.IntegrationTests;

/// <summary>Paths, API versions, and what every response carries (docs/contract.md, sections 1 and 4).</summary>
public sealed partial class RoutingTests : ServiceFixture
{
    [TestCase("/api/v1/account-manager/unknown")]
    [TestCase("/api/v1/account-manager")]
    [TestCase("/nothing-here")]
    [TestCase("/api/v1/account-manager/customers/0193a6f4-8a1e-7c3b-9d2e-5f6a7b8c9d0e/unknown")]
    public async Task Unknown_path_returns_404_NOT_FOUND(string path)
    {
        using var response = await Client.GetAsync(new Uri(path, UriKind.Relative));

        var details = await response.AssertErrorAsync(404, "NOT_FOUND");
        Assert.That(details, Is.Empty);
    }

    [TestCase("/api/v2/account-manager/customers")]
    [TestCase("/api/v2/account-manager/customers/0193a6f4-8a1e-7c3b-9d2e-5f6a7b8c9d0e")]
    [TestCase("/api/v0/account-manager/customers")]
    public async Task Get_on_a_version_that_does_not_exist_returns_400_UNSUPPORTED_API_VERSION(string path)
    {
        using var response = await Client.GetAsync(new Uri(path, UriKind.Relative));

        await response.AssertErrorAsync(400, "UNSUPPORTED_API_VERSION");
    }

    [Test]
    public async Task Created_resources_are_located_in_the_version_as_urls_spell_it_whatever_spelling_the_request_used()
    {
        using var customer = await Client.PostJsonAsync("/api/v1.0/account-manager/customers", ContractClient.CreateBody(ContractClient.UniqueExternalId("v1.0"), "active"));
        var id = (await customer.ReadObjectAsync()).Id();
        using var account = await Client.PostJsonAsync(
            $"/api/v1.0/account-manager/customers/{id}/accounts",
            """{"network":"ethereum","address":"0x742d35Cc6634C0532925a3b844Bc454e4438f44e"}""");
        var accountId = (await account.ReadObjectAsync()).Id();

        Assert.Multiple(() =>
        {
            Assert.That(customer.Headers.Location?.OriginalString, Is.EqualTo($"/api/v1/account-manager/customers/{id}"));
            Assert.That(account.Headers.Location?.OriginalString, Is.EqualTo($"/api/v1/account-manager/customers/{id}/accounts/{accountId}"));
        });
    }

    [Test]
    public async Task Create_on_a_version_that_does_not_exist_returns_400_UNSUPPORTED_API_VERSION()
    {
        var body = ContractClient.CreateBody(ContractClient.UniqueExternalId("v2"), "active");

        using var response = await Client.PostJsonAsync("/api/v2/account-manager/customers", body);

        await response.AssertErrorAsync(400, "UNSUPPORTED_API_VERSION");
    }

    [Test]
    public async Task Create_on_a_version_that_does_not_exist_creates_nothing()
    {
        var externalId = ContractClient.UniqueExternalId("v2-nothing");

        using var response = await Client.PostJsonAsync("/api/v2/account-manager/customers", ContractClient.CreateBody(externalId, "active"));

        Assert.That(await Client.ListCustomersOkAsync($"?externalId={externalId}"), Is.Empty);
    }

    [TestCase("/api/v1/account-manager/customers/not-a-uuid", 400)]
    [TestCase("/api/v1/account-manager/customers/0193a6f4-8a1e-7c3b-9d2e-5f6a7b8c9d0e", 404)]
    [TestCase("/nothing-here", 404)]
    [TestCase("/api/v2/account-manager/customers", 400)]
    public async Task Error_responses_are_json_utf8(string path, int status)
    {
        using var response = await Client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.That((int)response.StatusCode, Is.EqualTo(status));
        ContractAssert.JsonUtf8(response.Content.Headers);
    }

    [Test]
    public async Task Response_echoes_a_sane_X_Request_Id()
    {
        const string RequestId = "trace-abc.123_XYZ";
        using var request = ContractClient.Request(HttpMethod.Get, ContractClient.CustomersPath);
        request.Headers.Add("X-Request-Id", RequestId);

        using var response = await Client.SendAsync(request);

        Assert.That(RequestIds(response), Is.EqualTo(new[] { RequestId }));
    }

    [Test]
    public async Task Response_without_caller_request_id_carries_a_generated_X_Request_Id()
    {
        using var response = await Client.ListCustomersAsync();

        AssertOneSaneRequestId(response);
    }

    [TestCase("has spaces in it")]
    [TestCase("semi;colon")]
    public async Task Response_replaces_an_insane_X_Request_Id_with_a_generated_one(string callerId)
    {
        using var request = ContractClient.Request(HttpMethod.Get, ContractClient.CustomersPath);
        request.Headers.TryAddWithoutValidation("X-Request-Id", callerId);

        using var response = await Client.SendAsync(request);

        AssertOneSaneRequestId(response, callerId);
    }

    [Test]
    public async Task Response_replaces_a_too_long_X_Request_Id_with_a_generated_one()
    {
        var callerId = new string('a', 129);
        using var request = ContractClient.Request(HttpMethod.Get, ContractClient.CustomersPath);
        request.Headers.Add("X-Request-Id", callerId);

        using var response = await Client.SendAsync(request);

        AssertOneSaneRequestId(response, callerId);
    }

    [Test]
    public async Task Error_response_carries_X_Request_Id()
    {
        using var response = await Client.GetCustomerAsync(Guid.NewGuid().ToString());

        AssertOneSaneRequestId(response);
    }

    private static void AssertOneSaneRequestId(HttpResponseMessage response, string? notThis = null)
    {
        var ids = RequestIds(response);
        Assert.That(ids, Has.Length.EqualTo(1), "exactly one X-Request-Id");
        Assert.That(ids[0], Does.Match(SaneRequestId()).And.Not.EqualTo(notThis));
    }

    private static string[] RequestIds(HttpResponseMessage response) =>
        response.Headers.TryGetValues("X-Request-Id", out var values) ? [.. values] : [];

    [GeneratedRegex("^[A-Za-z0-9._-]{1,128}$")]
    private static partial Regex SaneRequestId();
}
