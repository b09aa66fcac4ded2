using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Http;

namespace CustomerService.Api.IntegrationTests.Security;

/// <summary>
/// docs/contract.md, section 10: what no participant answers for (health, the OpenAPI document, the reference
/// page, refused tokens) is limited per client address, before authentication; a valid token is not.
/// Each test has its own service, so its bucket starts full; the bucket never refills during a test.
/// </summary>
public sealed class AnonymousRateLimitTests
{
    private const int Burst = 3;

    [Test]
    public async Task Anonymous_requests_over_the_address_burst_get_429_with_retry_after()
    {
        using var factory = LimitedFactory();
        using var anonymous = factory.CreateAnonymousClient();

        var served = new List<HttpStatusCode>();
        foreach (var path in new[] { "/health/live", "/openapi/v1.json", "/scalar/" })
        {
            using var response = await anonymous.GetAsync(path);
            served.Add(response.StatusCode);
        }

        using var refused = await anonymous.GetAsync("/health/ready");

        Assert.That(served, Is.All.EqualTo(HttpStatusCode.OK));
        await refused.AssertErrorAsync(429, "RATE_LIMITED");
        Assert.That(refused.Headers.RetryAfter?.Delta?.TotalSeconds, Is.GreaterThanOrEqualTo(1));
        CustomerServiceFactory.DeleteDatabase(factory.Database);
    }

    [Test]
    public async Task Requests_with_a_refused_token_count_and_get_429_once_the_bucket_is_empty()
    {
        using var factory = LimitedFactory();
        using var forged = factory.CreateAnonymousClient();
        forged.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.Mint("p-forged", signingKey: Convert.ToBase64String(new byte[32])));

        var refused = await StatusesAsync(forged, ContractClient.CustomersPath, Burst);
        using var limited = await forged.GetAsync(ContractClient.CustomersPath);

        Assert.That(refused, Is.All.EqualTo(HttpStatusCode.Unauthorized));
        await limited.AssertErrorAsync(429, "RATE_LIMITED");
        CustomerServiceFactory.DeleteDatabase(factory.Database);
    }

    [Test]
    public async Task Requests_without_the_scope_count_and_get_429_once_the_bucket_is_empty()
    {
        using var factory = LimitedFactory();
        using var writeOnly = factory.CreateAnonymousClient();
        writeOnly.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.Mint("p-write-only", scope: "customers:write"));

        var forbidden = await StatusesAsync(writeOnly, ContractClient.CustomersPath, Burst);
        using var limited = await writeOnly.GetAsync(ContractClient.CustomersPath);

        Assert.That(forbidden, Is.All.EqualTo(HttpStatusCode.Forbidden));
        await limited.AssertErrorAsync(429, "RATE_LIMITED");
        CustomerServiceFactory.DeleteDatabase(factory.Database);
    }

    [Test]
    public async Task A_junk_token_does_not_let_anonymous_endpoints_escape_the_limit()
    {
        using var factory = LimitedFactory();
        using var junk = factory.CreateAnonymousClient();
        junk.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "junk");

        var served = await StatusesAsync(junk, "/openapi/v1.json", Burst);
        using var limited = await junk.GetAsync("/openapi/v1.json");

        Assert.That(served, Is.All.EqualTo(HttpStatusCode.OK));
        await limited.AssertErrorAsync(429, "RATE_LIMITED");
        CustomerServiceFactory.DeleteDatabase(factory.Database);
    }

    [Test]
    public async Task A_valid_token_is_served_when_its_address_has_spent_the_anonymous_bucket()
    {
        using var factory = LimitedFactory();
        using var anonymous = factory.CreateAnonymousClient();
        using var participant = factory.CreateClient();
        await StatusesAsync(anonymous, "/health/live", Burst);
        using var limited = await anonymous.GetAsync("/health/live");

        var served = await StatusesAsync(participant, ContractClient.CustomersPath, Burst + 2);

        Assert.That(limited.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(served, Is.All.EqualTo(HttpStatusCode.OK));
        CustomerServiceFactory.DeleteDatabase(factory.Database);
    }

    [Test]
    public async Task Each_client_address_has_its_own_bucket_and_an_ipv6_client_is_its_64_prefix()
    {
        using var factory = LimitedFactory();

        var first = await HealthFromAsync(factory, "203.0.113.10", Burst + 1);
        var second = await HealthFromAsync(factory, "203.0.113.11", 1);
        var ipv6 = await HealthFromAsync(factory, "2001:db8:0:7::1", Burst);
        var samePrefix = await HealthFromAsync(factory, "2001:db8:0:7::ffff", 1);
        var otherPrefix = await HealthFromAsync(factory, "2001:db8:0:8::1", 1);

        Assert.Multiple(() =>
        {
            Assert.That(first[..Burst], Is.All.EqualTo(StatusCodes.Status200OK));
            Assert.That(first[Burst], Is.EqualTo(StatusCodes.Status429TooManyRequests));
            Assert.That(second, Is.EqualTo(new[] { StatusCodes.Status200OK }), "another IPv4 address");
            Assert.That(ipv6, Is.All.EqualTo(StatusCodes.Status200OK));
            Assert.That(samePrefix, Is.EqualTo(new[] { StatusCodes.Status429TooManyRequests }), "the same /64");
            Assert.That(otherPrefix, Is.EqualTo(new[] { StatusCodes.Status200OK }), "another /64");
        });
        CustomerServiceFactory.DeleteDatabase(factory.Database);
    }

    private static CustomerServiceFactory LimitedFactory() => new(settings: new Dictionary<string, string?>
    {
        ["RateLimiting:Anonymous:TokenLimit"] = Burst.ToString(CultureInfo.InvariantCulture),
        ["RateLimiting:Anonymous:TokensPerPeriod"] = "1",
        ["RateLimiting:Anonymous:ReplenishmentPeriod"] = "01:00:00",
    });

    private static async Task<List<HttpStatusCode>> StatusesAsync(HttpClient client, string path, int count)
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < count; i++)
        {
            using var response = await client.GetAsync(path);
            statuses.Add(response.StatusCode);
        }

        return statuses;
    }

    /// <summary>Requests sent as if from the given address (the in-process server has none of its own).</summary>
    private static async Task<int[]> HealthFromAsync(CustomerServiceFactory factory, string address, int count)
    {
        var statuses = new int[count];
        for (var i = 0; i < count; i++)
        {
            var context = await factory.Server.SendAsync(request =>
            {
                request.Request.Method = HttpMethods.Get;
                request.Request.Path = "/health/live";
                request.Connection.RemoteIpAddress = IPAddress.Parse(address);
            });
            statuses[i] = context.Response.StatusCode;
        }

        return statuses;
    }
}
