namespace CustomerService.Api.IntegrationTests;

/// <summary>Methods a known path does not serve: 405 METHOD_NOT_ALLOWED with <c>Allow</c>.</summary>
public sealed class MethodNotAllowedTests : ServiceFixture
{
    private const string SomeId = "0193a6f4-8a1e-7c3b-9d2e-5f6a7b8c9d0e";

    [Test]
    public async Task Delete_of_an_existing_customer_returns_405_with_allow_header()
    {
        var customer = await Client.CreateCustomerOkAsync(ContractClient.UniqueExternalId("delete-existing"));

        using var response = await Client.DeleteAsync(ContractClient.CustomerPath(customer.Id()));

        await response.AssertMethodNotAllowedAsync("GET", "PUT");
    }

    [Test]
    public async Task Delete_leaves_the_customer_in_place()
    {
        var customer = await Client.CreateCustomerOkAsync(ContractClient.UniqueExternalId("delete-kept"));
        using var response = await Client.DeleteAsync(ContractClient.CustomerPath(customer.Id()));

        var (read, _) = await Client.GetCustomerOkAsync(customer.Id());

        ContractAssert.SameJson(read, customer);
    }

    [TestCase(SomeId)]
    [TestCase("0193A6F4-8A1E-7C3B-9D2E-5F6A7B8C9D0E")]
    [TestCase("not-a-uuid")]
    [TestCase("42")]
    public async Task Delete_with_any_id_returns_405_with_allow_header(string id)
    {
        using var response = await Client.DeleteAsync(ContractClient.CustomerPath(id));

        await response.AssertMethodNotAllowedAsync("GET", "PUT");
    }

    [TestCase("PATCH")]
    [TestCase("POST")]
    public async Task Other_methods_on_a_customer_return_405_with_allow_header(string method)
    {
        using var response = await Client.SendAsync(new HttpMethod(method), ContractClient.CustomerPath(SomeId), """{"status":"active"}""");

        await response.AssertMethodNotAllowedAsync("GET", "PUT");
    }

    [TestCase("PUT")]
    [TestCase("PATCH")]
    [TestCase("DELETE")]
    public async Task Other_methods_on_the_customer_collection_return_405_with_allow_header(string method)
    {
        using var response = await Client.SendAsync(new HttpMethod(method), ContractClient.CustomersPath, """{"status":"active"}""");

        await response.AssertMethodNotAllowedAsync("GET", "POST");
    }

    [TestCase("POST")]
    [TestCase("PUT")]
    [TestCase("DELETE")]
    public async Task Other_methods_on_addresses_return_405_with_allow_header(string method)
    {
        using var response = await Client.SendAsync(new HttpMethod(method), ContractClient.AddressesPath(SomeId), "{}");

        await response.AssertMethodNotAllowedAsync("GET");
    }
}
