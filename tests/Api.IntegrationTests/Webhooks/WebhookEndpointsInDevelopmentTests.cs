using static CustomerService.Api.IntegrationTests.Webhooks.WebhookEndpointsClient;

namespace CustomerService.Api.IntegrationTests.Webhooks;

/// <summary>
/// <c>Webhooks:AllowInsecureUrls</c> and <c>Webhooks:AllowPrivateNetworks</c> lift the URL checks of
/// docs/contract.md, section 9, for development and tests; the URL must still be a URL.
/// </summary>
public sealed class WebhookEndpointsInDevelopmentTests : ServiceFixture
{
    [TestCase("http://127.0.0.1:5080/hooks")]
    [TestCase("http://localhost/hooks")]
    [TestCase("https://[::1]/hooks")]
    [TestCase("https://10.1.2.3/hooks")]
    public async Task Plain_http_and_private_hosts_are_accepted_when_allowed(string url)
    {
        using var client = Factory.ClientFor(NewParticipant());

        var endpoint = await client.CreateEndpointOkAsync(url);

        Assert.That(endpoint.Text("url"), Is.EqualTo(url));
    }

    [Test]
    public async Task Another_scheme_is_still_refused()
    {
        using var client = Factory.ClientFor(NewParticipant());

        using var response = await client.CreateEndpointAsync("""{"url":"ftp://127.0.0.1/hooks"}""");

        await response.AssertValidationErrorAsync("url");
    }

    protected override CustomerServiceFactory CreateFactory() =>
        new(settings: new Dictionary<string, string?>
        {
            ["Webhooks:AllowInsecureUrls"] = "true",
            ["Webhooks:AllowPrivateNetworks"] = "true",
        });
}
