using System.Net;
using System.Text.Json.Nodes;

namespace CustomerService.Api.IntegrationTests.Operations;

public sealed class HealthTests : ServiceFixture
{
    [TestCase("/health/live")]
    [TestCase("/health/ready")]
    public async Task Health_answers_200_with_a_json_status_and_no_token(string path)
    {
        using var anonymous = Factory.CreateAnonymousClient();

        using var response = await anonymous.GetAsync(path);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"));
            Assert.That(body["status"]!.GetValue<string>(), Is.EqualTo("healthy"));
        });
    }

    [Test]
    public async Task Ready_checks_the_database_its_migrations_and_the_webhook_delivery_lag()
    {
        using var response = await Client.GetAsync("/health/ready");
        var checks = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["checks"]!.AsArray();

        Assert.That(checks.Select(check => check!["name"]!.GetValue<string>()), Is.EquivalentTo(new[] { "database", "migrations", "webhook-deliveries" }));
    }

    [Test]
    public async Task Ready_answers_503_in_the_error_format_when_the_database_cannot_be_opened()
    {
        using var unreachable = CustomerServiceFactory.WithUnreachableDatabase();
        using var client = unreachable.CreateAnonymousClient();

        using var ready = await client.GetAsync("/health/ready");
        using var live = await client.GetAsync("/health/live");

        var details = await ready.AssertErrorAsync(503, "SERVICE_UNAVAILABLE");
        Assert.Multiple(() =>
        {
            Assert.That(details.Fields(), Does.Contain("database"));
            Assert.That(ready.Headers.RetryAfter, Is.Not.Null);
            Assert.That(live.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        });
    }
}
