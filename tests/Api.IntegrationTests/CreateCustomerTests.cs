using System.Net;
using System.Text.RegularExpressions;

namespace CustomerService.Api.IntegrationTests;

public sealed partial class CreateCustomerTests
{
    private CustomerServiceFactory _factory = null!;
    private HttpClient _client = null!;

    [OneTimeSetUp]
    public void StartService()
    {
        _factory = new CustomerServiceFactory();
        _client = _factory.CreateClient();
    }

    [OneTimeTearDown]
    public void StopService()
    {
        _client.Dispose();
        _factory.Dispose();
        CustomerServiceFactory.DeleteDatabase(_factory.DatabaseFile);
    }

    [Test]
    public async Task Create_returns_201_with_the_customer_location_and_etag()
    {
        using var response = await _client.CreateCustomerAsync("create-201");
        var customer = await response.ReadObjectAsync();

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(response.Headers.Location?.OriginalString, Is.EqualTo($"/api/v1/account-manager/customers/{customer["id"]}"));
            Assert.That(response.Headers.ETag, Is.Not.Null);
            Assert.That(response.Content.Headers.ContentType?.ToString(), Is.EqualTo("application/json; charset=utf-8"));
            Assert.That(customer.Select(property => property.Key), Is.EqualTo(new[] { "id", "externalId", "status", "participantId", "accounts", "createdAt", "updatedAt" }));
            Assert.That(customer["id"]!.GetValue<string>(), Does.Match(LowercaseUuid()));
            Assert.That(customer["externalId"]!.GetValue<string>(), Is.EqualTo("create-201"));
            Assert.That(customer["status"]!.GetValue<string>(), Is.EqualTo("active"));
            Assert.That(customer["participantId"]!.GetValue<string>(), Is.EqualTo(CustomerServiceFactory.DefaultParticipant));
            Assert.That(customer["accounts"]!.AsArray(), Is.Empty);
            Assert.That(customer["createdAt"]!.GetValue<string>(), Does.Match(Timestamp()));
            Assert.That(customer["updatedAt"]!.GetValue<string>(), Is.EqualTo(customer["createdAt"]!.GetValue<string>()));
        });
    }

    [Test]
    public async Task Create_with_duplicate_externalId_returns_409()
    {
        await _client.CreateCustomerOkAsync("create-duplicate");

        using var response = await _client.CreateCustomerAsync("create-duplicate", "inactive");

        await response.AssertErrorAsync(409, "DUPLICATE_EXTERNAL_ID");
    }

    [GeneratedRegex("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")]
    private static partial Regex LowercaseUuid();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$")]
    private static partial Regex Timestamp();
}
