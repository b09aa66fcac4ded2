using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace CustomerService.Api.IntegrationTests.Security;

/// <summary>
/// A signed, unexpired token of a trusted issuer is still refused (401) when its participant_id is
/// not one JSON string of 1–128 characters from <c>A-Za-z0-9._:-</c>, its header carries
/// <c>crit</c> or an unknown <c>typ</c>, or it is valid for longer than the configured maximum.
/// </summary>
public sealed class TokenRulesTests : ServiceFixture
{
    private static IEnumerable<TestCaseData> RefusedParticipantIds()
    {
        yield return new TestCaseData(new JsonArray("participant-a")).SetName("Participant_id_as_an_array_of_one_string_returns_401");
        yield return new TestCaseData(new JsonArray("participant-a", "participant-b")).SetName("Participant_id_as_an_array_of_two_strings_returns_401");
        yield return new TestCaseData(JsonValue.Create(123)).SetName("Participant_id_as_a_number_returns_401");
        yield return new TestCaseData(JsonValue.Create(true)).SetName("Participant_id_as_a_boolean_returns_401");
        yield return new TestCaseData(new JsonObject { ["id"] = "participant-a" }).SetName("Participant_id_as_an_object_returns_401");
        yield return new TestCaseData(null).SetName("Participant_id_as_null_returns_401");
        yield return new TestCaseData(JsonValue.Create(" ")).SetName("Participant_id_of_a_space_returns_401");
        yield return new TestCaseData(JsonValue.Create(new string('p', 129))).SetName("Participant_id_of_129_characters_returns_401");
        yield return new TestCaseData(JsonValue.Create(new string('p', 10_000))).SetName("Participant_id_of_10000_characters_returns_401");
        yield return new TestCaseData(JsonValue.Create("participant a")).SetName("Participant_id_with_a_space_inside_returns_401");
        yield return new TestCaseData(JsonValue.Create("participant/a")).SetName("Participant_id_with_a_slash_returns_401");
        yield return new TestCaseData(JsonValue.Create("participant-\u00e9")).SetName("Participant_id_with_a_non_ascii_letter_returns_401");
        yield return new TestCaseData(JsonValue.Create("participant\n")).SetName("Participant_id_with_a_control_character_returns_401");
    }

    [TestCaseSource(nameof(RefusedParticipantIds))]
    public async Task A_participant_id_that_is_not_one_string_of_the_allowed_characters_is_refused_and_nothing_is_created(JsonNode? participantId)
    {
        var claims = TestTokens.Claims("placeholder");
        claims["participant_id"] = participantId;

        using var response = await CreateWithAsync(TestTokens.Sign(TestTokens.Header(), claims));

        await AssertRefusedAsync(response);
    }

    [Test]
    public async Task A_participant_id_claim_named_twice_is_refused()
    {
        var claims = TestTokens.Claims("participant-first").ToJsonString();
        var payload = claims[..^1] + ""","participant_id":"participant-second"}""";

        using var response = await CreateWithAsync(TestTokens.Sign(TestTokens.Header().ToJsonString(), payload));

        await AssertRefusedAsync(response);
    }

    [TestCase("Aa0._:-")]
    [TestCase("participant-123")]
    public async Task A_participant_id_of_128_allowed_characters_is_the_callers_participant(string pattern)
    {
        var participantId = string.Concat(Enumerable.Repeat(pattern, 128))[..128];

        using var response = await CreateWithAsync(TestTokens.Sign(TestTokens.Header(), TestTokens.Claims(participantId)));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That((await response.ReadObjectAsync()).Text("participantId"), Is.EqualTo(participantId));
    }

    [Test]
    public async Task A_token_whose_header_carries_crit_is_refused()
    {
        var header = TestTokens.Header();
        header["crit"] = new JsonArray("exp");

        using var response = await ListWithAsync(TestTokens.Sign(header, TestTokens.Claims("participant-crit")));

        await AssertRefusedAsync(response);
    }

    [TestCase("JWS")]
    [TestCase("dpop+jwt")]
    [TestCase("secevent+jwt")]
    [TestCase("")]
    public async Task A_token_of_another_typ_is_refused(string type)
    {
        var header = TestTokens.Header();
        header["typ"] = type;

        using var response = await ListWithAsync(TestTokens.Sign(header, TestTokens.Claims("participant-typ")));

        await AssertRefusedAsync(response);
    }

    [Test]
    public async Task A_token_whose_typ_is_not_a_string_is_refused()
    {
        var header = TestTokens.Header();
        header["typ"] = 1;

        using var response = await ListWithAsync(TestTokens.Sign(header, TestTokens.Claims("participant-typ")));

        await AssertRefusedAsync(response);
    }

    [TestCase("JWT")]
    [TestCase("jwt")]
    [TestCase("at+jwt")]
    [TestCase("AT+JWT")]
    [TestCase("application/at+jwt")]
    [TestCase(null)]
    public async Task A_token_typed_JWT_or_at_jwt_in_any_case_or_untyped_is_accepted(string? type)
    {
        var header = TestTokens.Header();
        header.Remove("typ");
        if (type is not null)
        {
            header["typ"] = type;
        }

        using var response = await ListWithAsync(TestTokens.Sign(header, TestTokens.Claims("participant-typ")));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task A_token_issued_for_longer_than_24_hours_is_refused()
    {
        var claims = TestTokens.Claims("participant-lifetime");
        claims["exp"] = claims["iat"]!.GetValue<long>() + (long)TimeSpan.FromHours(24).TotalSeconds + 60;

        using var response = await ListWithAsync(TestTokens.Sign(TestTokens.Header(), claims));

        await AssertRefusedAsync(response);
    }

    [Test]
    public async Task A_token_without_iat_that_expires_more_than_24_hours_from_now_is_refused()
    {
        var claims = TestTokens.Claims("participant-lifetime");
        claims.Remove("iat");
        claims["exp"] = DateTimeOffset.UtcNow.AddHours(25).ToUnixTimeSeconds();

        using var response = await ListWithAsync(TestTokens.Sign(TestTokens.Header(), claims));

        await AssertRefusedAsync(response);
    }

    [Test]
    public async Task A_token_issued_in_the_future_counts_its_lifetime_from_now()
    {
        var claims = TestTokens.Claims("participant-lifetime");
        var issued = DateTimeOffset.UtcNow.AddDays(30).ToUnixTimeSeconds();
        claims["iat"] = issued;
        claims["exp"] = issued + 3600;

        using var response = await ListWithAsync(TestTokens.Sign(TestTokens.Header(), claims));

        await AssertRefusedAsync(response);
    }

    [Test]
    public async Task A_token_whose_iat_is_not_a_number_is_refused()
    {
        var claims = TestTokens.Claims("participant-lifetime");
        claims["iat"] = "yesterday";

        using var response = await ListWithAsync(TestTokens.Sign(TestTokens.Header(), claims));

        await AssertRefusedAsync(response);
    }

    [Test]
    public async Task A_token_issued_for_just_24_hours_is_accepted()
    {
        var claims = TestTokens.Claims("participant-lifetime");
        claims["exp"] = claims["iat"]!.GetValue<long>() + (long)TimeSpan.FromHours(24).TotalSeconds;

        using var response = await ListWithAsync(TestTokens.Sign(TestTokens.Header(), claims));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task The_maximum_lifetime_is_configurable()
    {
        using var factory = new CustomerServiceFactory(settings: new Dictionary<string, string?> { ["Authentication:MaxTokenLifetime"] = "00:10:00" });
        using var client = factory.CreateAnonymousClient();
        var hour = TestTokens.Claims("participant-lifetime");
        var fiveMinutes = TestTokens.Claims("participant-lifetime");
        fiveMinutes["exp"] = fiveMinutes["iat"]!.GetValue<long>() + 300;

        using var refused = await SendAsync(client, HttpMethod.Get, TestTokens.Sign(TestTokens.Header(), hour));
        using var accepted = await SendAsync(client, HttpMethod.Get, TestTokens.Sign(TestTokens.Header(), fiveMinutes));

        await AssertRefusedAsync(refused);
        Assert.That(accepted.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    private static async Task AssertRefusedAsync(HttpResponseMessage response)
    {
        await response.AssertErrorAsync(401, "UNAUTHORIZED");
        Assert.That(response.Headers.WwwAuthenticate.Select(challenge => challenge.Scheme), Does.Contain("Bearer"));
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string token)
    {
        using var request = ContractClient.Request(
            method,
            ContractClient.CustomersPath,
            method == HttpMethod.Post ? ContractClient.CreateBody(ContractClient.UniqueExternalId("token-rules"), "active") : null);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await client.SendAsync(request);
    }

    private async Task<HttpResponseMessage> CreateWithAsync(string token)
    {
        using var client = Factory.CreateAnonymousClient();
        return await SendAsync(client, HttpMethod.Post, token);
    }

    private async Task<HttpResponseMessage> ListWithAsync(string token)
    {
        using var client = Factory.CreateAnonymousClient();
        return await SendAsync(client, HttpMethod.Get, token);
    }
}
