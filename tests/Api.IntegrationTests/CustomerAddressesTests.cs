using System.Net;

namespace CustomerService.Api.IntegrationTests;

/// <summary>GET /customers/{id}/accounts/addresses.</summary>
public sealed class CustomerAddressesTests : ServiceFixture
{
    [Test]
    public async Task Addresses_of_a_new_customer_is_an_empty_array()
    {
        var customer = await Client.CreateCustomerOkAsync(ContractClient.UniqueExternalId("addresses-empty"));

        using var response = await Client.GetAsync(ContractClient.AddressesPath(customer.Id()));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            ContractAssert.JsonUtf8(response.Content.Headers);
            Assert.That(body, Is.EqualTo("[]"));
        });
    }

    [Test]
    public async Task Addresses_with_uppercase_id_returns_200()
    {
        var customer = await Client.CreateCustomerOkAsync(ContractClient.UniqueExternalId("addresses-upper"));

        using var response = await Client.GetAsync(ContractClient.AddressesPath(customer.Id().ToUpperInvariant()));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Addresses_of_unknown_customer_returns_404()
    {
        using var response = await Client.GetAsync(ContractClient.AddressesPath(Guid.NewGuid().ToString()));

        await response.AssertErrorAsync(404, "NOT_FOUND");
    }

    [Test]
    public async Task Addresses_with_non_uuid_id_returns_400_for_id()
    {
        using var response = await Client.GetAsync(ContractClient.AddressesPath("not-a-uuid"));

        await response.AssertValidationErrorAsync("id");
    }
}
