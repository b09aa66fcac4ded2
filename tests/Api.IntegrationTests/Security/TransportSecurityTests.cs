using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CustomerService.Api.IntegrationTests.Security;

public sealed class TransportSecurityTests
{
    [Test]
    public async Task Plain_http_without_a_tls_endpoint_is_served_not_redirected()
    {
        using var factory = new CustomerServiceFactory();
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        try
        {
            using var response = await client.GetAsync("/health/live");

            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }
        finally
        {
            factory.Dispose();
            CustomerServiceFactory.DeleteDatabase(factory.Database);
        }
    }

    [Test]
    public async Task Plain_http_with_a_tls_endpoint_is_redirected_to_https()
    {
        using var factory = new CustomerServiceFactory(settings: new Dictionary<string, string?> { ["https_port"] = "8443" });
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        try
        {
            using var response = await client.GetAsync("/health/live");

            Assert.Multiple(() =>
            {
                Assert.That((int)response.StatusCode, Is.EqualTo(307));
                Assert.That(response.Headers.Location?.Scheme, Is.EqualTo("https"));
                Assert.That(response.Headers.Location?.Port, Is.EqualTo(8443));
            });
        }
        finally
        {
            factory.Dispose();
            CustomerServiceFactory.DeleteDatabase(factory.Database);
        }
    }
}
