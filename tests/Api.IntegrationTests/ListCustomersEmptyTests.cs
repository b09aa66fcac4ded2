using System.Net;

namespace CustomerService.Api.IntegrationTests;

/// <summary>GET /customers for a participant without customers.</summary>
public sealed class ListCustomersEmptyTests : ServiceFixture
{
    [Test]
    public async Task List_without_customers_returns_empty_array()
    {
        using var response = await Client.ListCustomersAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("[]"));
    }

    [Test]
    public async Task List_with_limit_and_without_customers_returns_empty_array_and_no_Link()
    {
        using var response = await Client.ListCustomersAsync("?limit=5");

        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("[]"));
        Assert.That(response.Headers.Contains("Link"), Is.False);
    }
}
