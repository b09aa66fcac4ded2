using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;

namespace CustomerService.Api.IntegrationTests.Security;

/// <summary>Without a valid token nothing under /api answers but 401; with the wrong scope, 403.</summary>
public sealed class AuthenticationTests : ServiceFixture
{
    private static readonly string OtherKey = Convert.ToBase64String("a-key-the-service-does-not-trust"u8.ToArray());

    private static IEnumerable<TestCaseData> RejectedTokens()
    {
        yield return new TestCaseData((string?)null).SetName("No_token_returns_401");
        yield return new TestCaseData("not-a-jwt").SetName("Malformed_token_returns_401");
        yield return new TestCaseData(TestTokens.Mint("p-1", expires: DateTime.UtcNow.AddMinutes(-5))).SetName("Expired_token_returns_401");
        yield return new TestCaseData(TestTokens.Mint("p-1", signingKey: OtherKey)).SetName("Token_signed_by_an_untrusted_key_returns_401");
        yield return new TestCaseData(TestTokens.MintUnsigned("p-1")).SetName("Unsigned_alg_none_token_returns_401");
        yield return new TestCaseData(TestTokens.Mint(participantId: null)).SetName("Token_without_participant_id_returns_401");
        yield return new TestCaseData(TestTokens.Mint("")).SetName("Token_with_empty_participant_id_returns_401");
    }

    [TestCaseSource(nameof(RejectedTokens))]
    public async Task Rejected_token_gets_401_with_the_error_body_and_bearer_challenge(string? token)
    {
        foreach (var (method, path, body) in EveryRoute())
        {
            using var request = ContractClient.Request(method, path, body);
            request.Headers.Authorization = token is null ? null : new AuthenticationHeaderValue("Bearer", token);
            using var anonymous = Factory.CreateAnonymousClient();

            using var response = await anonymous.SendAsync(request);

            await response.AssertErrorAsync(401, "UNAUTHORIZED");
            Assert.That(response.Headers.WwwAuthenticate.Select(challenge => challenge.Scheme), Does.Contain("Bearer"), $"{method} {path}");
        }
    }

    [TestCase("customers:read")]
    [TestCase("openid profile")]
    public async Task Token_without_the_write_scope_gets_403_on_post_and_put(string scope)
    {
        var id = (await Client.CreateCustomerOkAsync(ContractClient.UniqueExternalId("scope"))).Id();
        using var readOnly = ClientWith(TestTokens.Mint(Factory.ParticipantId, scope));

        using var post = await readOnly.PostAsync(ContractClient.CustomersPath, ContractClient.Json("""{"externalId":"x","status":"active"}"""));
        using var put = await readOnly.PutAsync($"{ContractClient.CustomersPath}/{id}", ContractClient.Json("""{"status":"inactive"}"""));
        using var account = await readOnly.PostAsync($"{ContractClient.CustomersPath}/{id}/accounts", ContractClient.Json("""{"network":"solana","address":"11111111111111111111111111111111"}"""));

        await post.AssertErrorAsync(403, "FORBIDDEN");
        await put.AssertErrorAsync(403, "FORBIDDEN");
        await account.AssertErrorAsync(403, "FORBIDDEN");
    }

    [Test]
    public async Task Token_without_the_read_scope_gets_403_on_get()
    {
        using var writeOnly = ClientWith(TestTokens.Mint(Factory.ParticipantId, "customers:write"));

        using var response = await writeOnly.GetAsync(ContractClient.CustomersPath);

        await response.AssertErrorAsync(403, "FORBIDDEN");
    }

    [Test]
    public async Task Scopes_may_come_as_repeated_claims()
    {
        var token = TestTokens.Mint(
            Factory.ParticipantId,
            scope: null,
            extraClaims: [new Claim("scope", "customers:read"), new Claim("scope", "customers:write")]);
        using var client = ClientWith(token);

        using var created = await client.CreateCustomerAsync(ContractClient.UniqueExternalId("repeated-scopes"));
        using var listed = await client.GetAsync(ContractClient.CustomersPath);

        Assert.Multiple(() =>
        {
            Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(listed.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        });
    }

    [Test]
    public async Task A_participantId_in_the_body_never_overrides_the_token()
    {
        using var response = await Client.PostAsync(
            ContractClient.CustomersPath,
            ContractClient.Json($$"""{"externalId":"{{ContractClient.UniqueExternalId("spoof")}}","status":"active","participantId":"someone-else"}"""));

        Assert.That((await response.ReadObjectAsync())["participantId"]!.GetValue<string>(), Is.EqualTo(Factory.ParticipantId));
    }

    [Test]
    public async Task Api_responses_are_hardened()
    {
        using var ok = await Client.GetAsync(ContractClient.CustomersPath);
        using var anonymous = Factory.CreateAnonymousClient();
        using var unauthorized = await anonymous.GetAsync(ContractClient.CustomersPath);

        foreach (var response in new[] { ok, unauthorized })
        {
            Assert.Multiple(() =>
            {
                Assert.That(response.Headers.GetValues("X-Content-Type-Options"), Is.EqualTo(new[] { "nosniff" }));
                Assert.That(response.Headers.CacheControl?.NoStore, Is.True);
                Assert.That(response.Headers.Contains("Server"), Is.False);
            });
        }
    }

    private static IEnumerable<(HttpMethod Method, string Path, string? Body)> EveryRoute()
    {
        var id = Guid.NewGuid();
        yield return (HttpMethod.Get, ContractClient.CustomersPath, null);
        yield return (HttpMethod.Post, ContractClient.CustomersPath, """{"externalId":"x","status":"active"}""");
        yield return (HttpMethod.Get, $"{ContractClient.CustomersPath}/{id}", null);
        yield return (HttpMethod.Put, $"{ContractClient.CustomersPath}/{id}", """{"status":"active"}""");
        yield return (HttpMethod.Delete, $"{ContractClient.CustomersPath}/{id}", null);
        yield return (HttpMethod.Get, $"{ContractClient.CustomersPath}/{id}/accounts", null);
        yield return (HttpMethod.Post, $"{ContractClient.CustomersPath}/{id}/accounts", """{"network":"solana","address":"x"}""");
        yield return (HttpMethod.Get, $"{ContractClient.CustomersPath}/{id}/accounts/{Guid.NewGuid()}", null);
        yield return (HttpMethod.Get, $"{ContractClient.CustomersPath}/{id}/accounts/addresses", null);
    }

    private HttpClient ClientWith(string token)
    {
        var client = Factory.CreateAnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
