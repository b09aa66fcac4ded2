using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;

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

    [Test]
    public async Task Outside_development_a_401_does_not_say_which_check_failed()
    {
        foreach (var (check, token, _) in RefusedForOneReason())
        {
            using var client = ClientWith(token);

            using var response = await client.GetAsync(ContractClient.CustomersPath);

            await response.AssertErrorAsync(401, "UNAUTHORIZED");
            var message = (await response.ReadObjectAsync())["error"].Text("message");
            Assert.Multiple(() =>
            {
                Assert.That(response.Headers.WwwAuthenticate.Select(challenge => challenge.ToString()), Is.EqualTo(new[] { "Bearer" }), check);
                Assert.That(message, Is.EqualTo("A valid bearer token is required."), check);
            });
        }
    }

    [Test]
    public async Task The_log_of_a_refused_request_says_which_check_failed_and_never_quotes_the_token()
    {
        var logs = new CapturedLogs();
        using var logged = Factory.WithWebHostBuilder(logs.AddTo);
        using var client = logged.CreateClient();

        foreach (var (check, token, reason) in RefusedForOneReason())
        {
            var requestId = $"refused-{Guid.NewGuid():N}";
            using var request = ContractClient.Request(HttpMethod.Get, ContractClient.CustomersPath);
            request.Headers.Add("X-Request-Id", requestId);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);

            using var response = await client.SendAsync(request);

            var lines = logs.From(".BearerTokenEvents").Where(line => line.Values.GetValueOrDefault("RequestId") as string == requestId).ToList();
            Assert.That(lines, Has.Count.EqualTo(1), check);
            Assert.Multiple(() =>
            {
                Assert.That(lines[0].Level, Is.EqualTo(LogLevel.Information), check);
                Assert.That(lines[0].Values["Reason"], Does.Contain(reason), check);
                Assert.That(logs.Lines.Select(line => line.Message), Has.None.Contains(token), check);
            });
        }
    }

    /// <summary>Tokens that fail exactly one check, and the words the log names that check with.</summary>
    private static IEnumerable<(string Check, string Token, string Reason)> RefusedForOneReason()
    {
        yield return ("untrusted key", TestTokens.Mint("p-1", signingKey: OtherKey), "no key configured for the token's issuer");
        yield return ("expired", TestTokens.Mint("p-1", expires: DateTime.UtcNow.AddMinutes(-5)), "expired");

        var otherIssuer = TestTokens.Claims("p-1");
        otherIssuer["iss"] = "an-issuer-nobody-trusts";
        yield return ("unknown issuer", TestTokens.Sign(TestTokens.Header(), otherIssuer), "no key configured for the token's issuer");

        var otherAudience = TestTokens.Claims("p-1");
        otherAudience["aud"] = "another-service";
        yield return ("audience", TestTokens.Sign(TestTokens.Header(), otherAudience), "audience");

        var longLived = TestTokens.Claims("p-1");
        longLived["exp"] = DateTimeOffset.UtcNow.AddDays(30).ToUnixTimeSeconds();
        yield return ("lifetime", TestTokens.Sign(TestTokens.Header(), longLived), "MaxTokenLifetime");

        var participants = TestTokens.Claims("p-1");
        participants["participant_id"] = new JsonArray("p-1", "p-2");
        yield return ("participant_id", TestTokens.Sign(TestTokens.Header(), participants), "participant_id");

        var critical = TestTokens.Header();
        critical["crit"] = new JsonArray("exp");
        yield return ("crit", TestTokens.Sign(critical, TestTokens.Claims("p-1")), "crit");
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
