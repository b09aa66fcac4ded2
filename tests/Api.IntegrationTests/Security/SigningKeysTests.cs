using System.Net;
using System.Net.Http.Headers;
using CustomerService.Api.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.IdentityModel.Tokens;

namespace CustomerService.Api.IntegrationTests.Security;

/// <summary>
/// Every configured signing key of a valid issuer is trusted: two for one issuer while a key is
/// rotated, a broken entry left out without breaking the others, keys added on reload.
/// </summary>
public sealed class SigningKeysTests
{
    private const string KeysPath = "Authentication:Schemes:Bearer:SigningKeys";
    private static readonly string NextKey = Convert.ToBase64String("the-next-integration-signing-key"u8.ToArray());
    private static readonly string UnknownKey = Convert.ToBase64String("a-key-that-nobody-has-configured"u8.ToArray());

    [Test]
    public async Task Two_keys_of_one_issuer_are_both_trusted_while_a_key_is_rotated()
    {
        using var factory = Factory(new()
        {
            [$"{KeysPath}:1:Issuer"] = TestTokens.Issuer,
            [$"{KeysPath}:1:Value"] = NextKey,
        });

        await Assert.MultipleAsync(async () =>
        {
            Assert.That(await ListStatusAsync(factory, TestTokens.TrustedKey), Is.EqualTo(HttpStatusCode.OK), "the old key");
            Assert.That(await ListStatusAsync(factory, NextKey), Is.EqualTo(HttpStatusCode.OK), "the new key");
            Assert.That(await ListStatusAsync(factory, UnknownKey), Is.EqualTo(HttpStatusCode.Unauthorized), "a key nobody configured");
        });
    }

    [Test]
    public async Task A_signing_key_that_is_not_base64_is_left_out_and_the_others_still_work()
    {
        using var factory = Factory(new()
        {
            [$"{KeysPath}:1:Issuer"] = TestTokens.Issuer,
            [$"{KeysPath}:1:Value"] = "not base64!",
        });

        Assert.That(await ListStatusAsync(factory, TestTokens.TrustedKey), Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task A_key_configured_for_another_issuer_does_not_sign_this_issuers_tokens()
    {
        using var factory = Factory(new()
        {
            [$"{KeysPath}:1:Issuer"] = "someone-else",
            [$"{KeysPath}:1:Value"] = NextKey,
        });

        Assert.That(await ListStatusAsync(factory, NextKey), Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public void A_key_added_to_configuration_joins_the_key_ring_when_configuration_reloads()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Authentication:Schemes:Bearer:ValidIssuer"] = TestTokens.Issuer,
            [$"{KeysPath}:0:Issuer"] = TestTokens.Issuer,
            [$"{KeysPath}:0:Value"] = TestTokens.TrustedKey,
        }).Build();
        using var ring = new SigningKeyRing(configuration, new SchemeSections(configuration), NullLogger<SigningKeyRing>.Instance);
        Assert.That(ring.Count(), Is.EqualTo(1));

        configuration[$"{KeysPath}:1:Issuer"] = TestTokens.Issuer;
        configuration[$"{KeysPath}:1:Value"] = NextKey;
        configuration.Reload();

        Assert.That(
            ring.OfType<SymmetricSecurityKey>().Select(key => Convert.ToBase64String(key.Key)),
            Is.EquivalentTo(new[] { TestTokens.TrustedKey, NextKey }));
    }

    private static CustomerServiceFactory Factory(Dictionary<string, string?> settings)
    {
        settings["RateLimiting:TokenLimit"] = "1000000";
        settings["RateLimiting:TokensPerPeriod"] = "1000000";
        return new CustomerServiceFactory(settings: settings);
    }

    private static async Task<HttpStatusCode> ListStatusAsync(CustomerServiceFactory factory, string signingKey)
    {
        using var client = factory.CreateAnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.Mint("p-keys", signingKey: signingKey));
        using var response = await client.GetAsync(ContractClient.CustomersPath);
        return response.StatusCode;
    }

    private sealed class SchemeSections(IConfiguration configuration) : IAuthenticationConfigurationProvider
    {
        public IConfiguration AuthenticationConfiguration => configuration.GetSection("Authentication");
    }
}
