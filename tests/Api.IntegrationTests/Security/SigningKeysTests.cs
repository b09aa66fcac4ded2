using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using CustomerService.Api.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace CustomerService.Api.IntegrationTests.Security;

/// <summary>
/// Every configured signing key of a valid issuer is trusted for that issuer's tokens only: two for
/// one issuer while a key is rotated, a broken or short entry left out without breaking the
/// others, keys added on reload.
/// </summary>
public sealed class SigningKeysTests
{
    private const string KeysPath = "Authentication:Schemes:Bearer:SigningKeys";
    private const string PartnerIssuer = "partner-b";
    private static readonly string NextKey = Convert.ToBase64String("the-next-integration-signing-key"u8.ToArray());
    private static readonly string UnknownKey = Convert.ToBase64String("a-key-that-nobody-has-configured"u8.ToArray());
    private static readonly string PartnerKey = Convert.ToBase64String("the-signing-key-of-the-partner-b"u8.ToArray());

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
    public async Task A_key_verifies_only_the_tokens_of_the_issuer_it_is_configured_for()
    {
        using var factory = Factory(new()
        {
            ["Authentication:Schemes:Bearer:ValidIssuers:0"] = PartnerIssuer,
            [$"{KeysPath}:1:Issuer"] = PartnerIssuer,
            [$"{KeysPath}:1:Value"] = PartnerKey,
        });

        await Assert.MultipleAsync(async () =>
        {
            Assert.That(await ListStatusAsync(factory, PartnerIssuer, PartnerKey), Is.EqualTo(HttpStatusCode.OK), "the partner's token, the partner's key");
            Assert.That(await ListStatusAsync(factory, TestTokens.Issuer, TestTokens.TrustedKey), Is.EqualTo(HttpStatusCode.OK), "the tests' token, the tests' key");
            Assert.That(await ListStatusAsync(factory, PartnerIssuer, TestTokens.TrustedKey), Is.EqualTo(HttpStatusCode.Unauthorized), "the partner's token, the tests' key");
            Assert.That(await ListStatusAsync(factory, TestTokens.Issuer, PartnerKey), Is.EqualTo(HttpStatusCode.Unauthorized), "the tests' token, the partner's key");
        });
    }

    [Test]
    public async Task An_identity_providers_keys_verify_only_the_tokens_of_the_issuer_its_metadata_names()
    {
        const string provider = "https://login.example.test/";
        using var rsa = RSA.Create(2048);
        var providerKey = new RsaSecurityKey(rsa) { KeyId = "provider-key" };
        using var factory = Factory([]);
        using var withProvider = factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.Configure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, options =>
                options.Configuration = new OpenIdConnectConfiguration { Issuer = provider, SigningKeys = { providerKey } })));

        await Assert.MultipleAsync(async () =>
        {
            Assert.That(await StatusAsync(withProvider, MintRs256(provider, providerKey)), Is.EqualTo(HttpStatusCode.OK), "the provider's token, the provider's key");
            Assert.That(await StatusAsync(withProvider, TestTokens.Mint("p-keys")), Is.EqualTo(HttpStatusCode.OK), "the tests' token, the tests' key");
            Assert.That(await StatusAsync(withProvider, MintRs256(TestTokens.Issuer, providerKey)), Is.EqualTo(HttpStatusCode.Unauthorized), "the tests' token, the provider's key");
        });
    }

    [Test]
    public async Task A_symmetric_key_under_256_bits_is_refused_at_start_with_one_error_naming_its_issuer_but_not_its_value()
    {
        const string shortIssuer = "partner-short";
        var shortKey = Convert.ToBase64String("a-128-bit-key!!!"u8.ToArray());
        var logs = new CapturedLogs();
        using var factory = Factory(new()
        {
            ["Authentication:Schemes:Bearer:ValidIssuers:0"] = shortIssuer,
            [$"{KeysPath}:1:Issuer"] = shortIssuer,
            [$"{KeysPath}:1:Value"] = shortKey,
        });
        using var logged = factory.WithWebHostBuilder(logs.AddTo);

        using var client = logged.CreateClient();
        var errorsAtStart = logs.Lines.Where(line => line.Level >= LogLevel.Error).ToList();

        Assert.That(errorsAtStart, Has.Count.EqualTo(1));
        Assert.That(errorsAtStart[0].Message, Does.Contain(shortIssuer).And.Contain("256").And.Not.Contain(shortKey));
        Assert.That(await StatusAsync(logged, SignedBy(shortIssuer, shortKey)), Is.EqualTo(HttpStatusCode.Unauthorized));
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
        Assert.That(ring.KeysFor(TestTokens.Issuer), Has.Count.EqualTo(1));

        configuration[$"{KeysPath}:1:Issuer"] = TestTokens.Issuer;
        configuration[$"{KeysPath}:1:Value"] = NextKey;
        configuration.Reload();

        Assert.That(
            ring.KeysFor(TestTokens.Issuer).OfType<SymmetricSecurityKey>().Select(key => Convert.ToBase64String(key.Key)),
            Is.EquivalentTo(new[] { TestTokens.TrustedKey, NextKey }));
    }

    private static CustomerServiceFactory Factory(Dictionary<string, string?> settings)
    {
        settings["RateLimiting:TokenLimit"] = "1000000";
        settings["RateLimiting:TokensPerPeriod"] = "1000000";
        return new CustomerServiceFactory(settings: settings);
    }

    private static Task<HttpStatusCode> ListStatusAsync(CustomerServiceFactory factory, string signingKey) =>
        StatusAsync(factory, TestTokens.Mint("p-keys", signingKey: signingKey));

    private static Task<HttpStatusCode> ListStatusAsync(CustomerServiceFactory factory, string issuer, string signingKey) =>
        StatusAsync(factory, SignedBy(issuer, signingKey));

    private static string SignedBy(string issuer, string signingKey)
    {
        var claims = TestTokens.Claims("p-keys");
        claims["iss"] = issuer;
        return TestTokens.Sign(TestTokens.Header(), claims, signingKey);
    }

    private static string MintRs256(string issuer, SecurityKey key) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = TestTokens.Audience,
            Claims = new Dictionary<string, object> { ["participant_id"] = "p-keys", ["scope"] = TestTokens.AllScopes },
            IssuedAt = DateTime.UtcNow,
            Expires = DateTime.UtcNow.AddHours(1),
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
        });

    private static async Task<HttpStatusCode> StatusAsync(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> factory, string token)
    {
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.GetAsync(ContractClient.CustomersPath);
        return response.StatusCode;
    }

    private sealed class SchemeSections(IConfiguration configuration) : IAuthenticationConfigurationProvider
    {
        public IConfiguration AuthenticationConfiguration => configuration.GetSection("Authentication");
    }
}
