using System.Net;
using System.Text;

namespace CustomerService.Api.IntegrationTests.Security;

/// <summary>Oversized bodies and bursts over the participant's rate are refused in the contract's format.</summary>
public sealed class LimitsTests : ServiceFixture
{
    private const int Burst = 5;

    [Test]
    public async Task Body_over_64_KiB_returns_413()
    {
        var body = $$"""{"externalId":"big","status":"active","padding":"{{new string('x', 70 * 1024)}}"}""";

        using var response = await Client.PostAsync(ContractClient.CustomersPath, ContractClient.Json(body));

        await response.AssertErrorAsync(413, "PAYLOAD_TOO_LARGE");
    }

    [Test]
    public async Task Chunked_body_over_64_KiB_returns_413()
    {
        var bytes = Encoding.UTF8.GetBytes($$"""{"externalId":"big","status":"active","padding":"{{new string('x', 70 * 1024)}}"}""");
        using var content = new StreamContent(new MemoryStream(bytes));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, ContractClient.CustomersPath) { Content = content };
        request.Headers.TransferEncodingChunked = true;

        using var response = await Client.SendAsync(request);

        await response.AssertErrorAsync(413, "PAYLOAD_TOO_LARGE");
    }

    [Test]
    public async Task Burst_over_the_rate_limit_returns_429_with_retry_after_then_recovers()
    {
        using var limited = new CustomerServiceFactory(
            participantId: "participant-rate",
            settings: new Dictionary<string, string?>
            {
                ["RateLimiting:TokenLimit"] = Burst.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["RateLimiting:TokensPerPeriod"] = Burst.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["RateLimiting:ReplenishmentPeriod"] = "00:00:01",
            });
        using var client = limited.CreateClient();
        await WarmUpAsync(limited);

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? rejected = null;
        for (var i = 0; i <= Burst; i++)
        {
            var response = await client.GetAsync(ContractClient.CustomersPath);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                rejected = response;
                break;
            }

            response.Dispose();
        }

        Assert.That(rejected, Is.Not.Null, $"no 429 in {string.Join(", ", statuses)}");
        using (rejected)
        {
            await rejected!.AssertErrorAsync(429, "RATE_LIMITED");
            Assert.That(rejected.Headers.RetryAfter?.Delta?.TotalSeconds, Is.GreaterThanOrEqualTo(1));
        }

        await Task.Delay(rejected.Headers.RetryAfter!.Delta!.Value + TimeSpan.FromMilliseconds(200));
        using var recovered = await client.GetAsync(ContractClient.CustomersPath);
        Assert.That(recovered.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        CustomerServiceFactory.DeleteDatabase(limited.Database);
    }

    /// <summary>
    /// A first request of another participant pays the start-up costs, so that the burst is not
    /// slower than the bucket's refill (which would hide the limit on a loaded machine).
    /// </summary>
    private static async Task WarmUpAsync(CustomerServiceFactory factory)
    {
        using var other = factory.CreateAnonymousClient();
        other.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", TestTokens.Mint("participant-warm-up"));
        using var response = await other.GetAsync(ContractClient.CustomersPath);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }
}
