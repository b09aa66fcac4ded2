using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using CustomerService.Application.Common.Errors;

namespace CustomerService.Api.IntegrationTests;

/// <summary>
/// The error answers as the client reads them, to the byte (docs/contract.md, section 4): the status,
/// the media type and the whole body of the errors the registry declares, whichever part of the
/// service gives them.
/// </summary>
public sealed partial class ErrorAnswerTests : ServiceFixture
{
    [Test]
    public async Task A_path_nothing_serves_is_the_bare_not_found()
    {
        using var response = await Client.GetAsync("/api/v1/account-manager/nothing-here");

        await AssertBodyAsync(response, 404, """{"error":{"code":"NOT_FOUND","message":"No resource exists at this path.","details":[]}}""");
    }

    [Test]
    public async Task An_unknown_customer_is_not_found_by_that_name()
    {
        using var response = await Client.GetCustomerAsync(Guid.NewGuid().ToString());

        await AssertBodyAsync(response, 404, """{"error":{"code":"NOT_FOUND","message":"Customer not found.","details":[]}}""");
    }

    [Test]
    public async Task An_unknown_account_of_a_known_customer_is_not_found_by_that_name()
    {
        var customer = await Client.CreateCustomerOkAsync(ContractClient.UniqueExternalId("errors-account"));

        using var response = await Client.GetAsync($"{ContractClient.CustomerPath(customer.Id())}/accounts/{Guid.NewGuid()}");

        await AssertBodyAsync(response, 404, """{"error":{"code":"NOT_FOUND","message":"Account not found.","details":[]}}""");
    }

    [Test]
    public async Task A_path_value_that_cannot_be_bound_is_a_validation_error_naming_it()
    {
        using var response = await Client.GetCustomerAsync("not-a-uuid");

        await AssertBodyAsync(response, 400, """{"error":{"code":"VALIDATION_ERROR","message":"Validation failed.","details":[{"field":"id","message":"id must be a UUID."}]}}""");
    }

    [Test]
    public async Task A_body_that_is_not_json_is_invalid_json()
    {
        using var response = await Client.PostJsonAsync(ContractClient.CustomersPath, "{");

        await AssertBodyAsync(response, 400, """{"error":{"code":"INVALID_JSON","message":"The request body is not valid JSON.","details":[]}}""");
    }

    [Test]
    public async Task A_version_the_api_does_not_have_is_unsupported()
    {
        using var response = await Client.GetAsync("/api/v2/account-manager/customers");

        await AssertBodyAsync(response, 400, """{"error":{"code":"UNSUPPORTED_API_VERSION","message":"The API version in the URL is not supported. Supported versions: 1.","details":[]}}""");
    }

    [Test]
    public async Task A_request_without_a_token_is_unauthorized()
    {
        using var anonymous = Factory.CreateAnonymousClient();

        using var response = await anonymous.ListCustomersAsync("?limit=1");

        await AssertBodyAsync(response, 401, """{"error":{"code":"UNAUTHORIZED","message":"A valid bearer token is required.","details":[]}}""");
    }

    [Test]
    public async Task A_write_with_a_read_only_token_is_forbidden()
    {
        using var reader = Factory.CreateAnonymousClient();
        reader.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.Mint(Factory.ParticipantId, "customers:read"));

        using var response = await reader.CreateCustomerAsync(ContractClient.UniqueExternalId("errors-forbidden"));

        await AssertBodyAsync(response, 403, """{"error":{"code":"FORBIDDEN","message":"The token does not grant the scope this operation needs.","details":[]}}""");
    }

    [Test]
    public async Task A_delete_is_not_allowed_and_says_nothing_is_deleted()
    {
        using var response = await Client.DeleteAsync(ContractClient.CustomerPath(Guid.NewGuid().ToString()));

        await AssertBodyAsync(response, 405, """{"error":{"code":"METHOD_NOT_ALLOWED","message":"Deletion is not permitted for this resource.","details":[]}}""");
        Assert.That(response.Content.Headers.Allow, Is.EquivalentTo(new[] { "GET", "PUT" }));
    }

    [Test]
    public async Task Another_method_a_path_does_not_serve_is_not_allowed()
    {
        using var response = await Client.PatchAsync(ContractClient.CustomerPath(Guid.NewGuid().ToString()), ContractClient.Json("{}"));

        await AssertBodyAsync(response, 405, """{"error":{"code":"METHOD_NOT_ALLOWED","message":"This method is not allowed on this resource.","details":[]}}""");
    }

    [Test]
    public async Task A_second_customer_with_one_external_id_is_a_duplicate()
    {
        var externalId = ContractClient.UniqueExternalId("errors-duplicate");
        await Client.CreateCustomerOkAsync(externalId);

        using var response = await Client.CreateCustomerAsync(externalId);

        await AssertBodyAsync(response, 409, """{"error":{"code":"DUPLICATE_EXTERNAL_ID","message":"A customer with this externalId already exists.","details":[]}}""");
    }

    [Test]
    public async Task A_stale_if_match_fails_the_precondition()
    {
        var (customer, _) = await Client.CreateCustomerWithETagAsync(ContractClient.UniqueExternalId("errors-precondition"));

        using var response = await Client.UpdateStatusAsync(customer.Id(), "suspended", ifMatch: "\"99\"");

        await AssertBodyAsync(response, 412, """{"error":{"code":"PRECONDITION_FAILED","message":"The customer has changed since the version named in If-Match; read it again and retry.","details":[]}}""");
    }

    [Test]
    public async Task An_idempotency_key_sent_again_with_another_body_is_reused()
    {
        var key = Guid.NewGuid().ToString();
        using var first = await PostWithKeyAsync(key, ContractClient.CreateBody(ContractClient.UniqueExternalId("errors-key"), "active"));
        Assert.That((int)first.StatusCode, Is.EqualTo(201));

        using var response = await PostWithKeyAsync(key, ContractClient.CreateBody(ContractClient.UniqueExternalId("errors-key"), "active"));

        await AssertBodyAsync(response, 422, """{"error":{"code":"IDEMPOTENCY_KEY_REUSED","message":"This Idempotency-Key was already used for a different request; use a new key for a new request.","details":[]}}""");
    }

    [Test]
    public async Task A_body_over_the_limit_is_too_large()
    {
        var externalId = new string('a', 65 * 1024);

        using var response = await Client.CreateCustomerAsync(externalId);

        await AssertBodyAsync(response, 413, """{"error":{"code":"PAYLOAD_TOO_LARGE","message":"The request body is too large.","details":[]}}""");
    }

    [Test]
    public async Task A_body_that_is_not_json_by_its_media_type_is_unsupported()
    {
        using var response = await Client.PostAsync(ContractClient.CustomersPath, ContractClient.PlainText("{}"));

        await AssertBodyAsync(response, 415, """{"error":{"code":"UNSUPPORTED_MEDIA_TYPE","message":"The request body must be sent as application/json.","details":[]}}""");
    }

    /// <summary>
    /// Every error the registry declares is answered, in some test of this suite, through HTTP with
    /// the status the test expects: a new error in the registry needs a test that provokes it.
    /// </summary>
    [Test]
    public void Every_error_of_the_registry_is_provoked_through_http_by_a_test_that_expects_its_status()
    {
        var expected = Directory.EnumerateFiles(SuiteDirectory(), "*.cs", SearchOption.AllDirectories)
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(file => ExpectedError().Matches(File.ReadAllText(file)))
            .Select(match => (Code: match.Groups["code"].Value, Status: int.Parse(match.Groups["status"].Value, System.Globalization.CultureInfo.InvariantCulture)))
            .ToHashSet();

        Assert.That(
            ContractErrors.All.Where(error => !expected.Contains((error.Code, error.Status))).Select(error => $"{error.Code} {error.Status}"),
            Is.Empty,
            "errors no test provokes through HTTP with their status");
    }

    /// <summary>The status, the contract's media type, and the body to the byte.</summary>
    private static async Task AssertBodyAsync(HttpResponseMessage response, int status, string body)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.Multiple(() =>
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(status), text);
            Assert.That(response.Content.Headers.ContentType?.ToString(), Is.EqualTo(ContractAssert.JsonContentType));
            Assert.That(text, Is.EqualTo(body));
        });
    }

    private async Task<HttpResponseMessage> PostWithKeyAsync(string key, string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, ContractClient.CustomersPath) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
        return await Client.SendAsync(request);
    }

    private static string SuiteDirectory()
    {
        var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Api.IntegrationTests.csproj")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("The suite's directory (Api.IntegrationTests.csproj) was not found.");
    }

    /// <summary>A test's expectation of an error answer: <c>AssertErrorAsync(404, "NOT_FOUND")</c>, or a body asserted here.</summary>
    [GeneratedRegex(@"(?:AssertErrorAsync\((?<status>\d{3}), ""(?<code>[A-Z_]+)""|AssertBodyAsync\(response, (?<status>\d{3}), """"""\{""error"":\{""code"":""(?<code>[A-Z_]+)"")")]
    private static partial Regex ExpectedError();
}
