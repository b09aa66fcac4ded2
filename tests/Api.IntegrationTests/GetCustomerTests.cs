using System.Net;

namespace CustomerService.Api.IntegrationTests;

/// <summary>GET /customers/{id}.</summary>
public sealed class GetCustomerTests : ServiceFixture
{
    [Test]
    public async Task Get_returns_200_with_the_created_customer()
    {
        var created = await Client.CreateCustomerOkAsync(ContractClient.UniqueExternalId("get-200"), "suspended");

        using var response = await Client.GetCustomerAsync(created.Id());

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        ContractAssert.JsonUtf8(response.Content.Headers);
        ContractAssert.SameJson(await response.ReadObjectAsync(), created);
    }

    [Test]
    public async Task Get_returns_the_etag_the_create_returned()
    {
        var (created, createETag) = await Client.CreateCustomerWithETagAsync(ContractClient.UniqueExternalId("get-etag"));

        using var response = await Client.GetCustomerAsync(created.Id());

        Assert.That(response.ETag(), Is.EqualTo(createETag));
    }

    [Test]
    public async Task Get_returns_exactly_the_timestamps_returned_at_creation()
    {
        var created = await Client.CreateCustomerOkAsync(ContractClient.UniqueExternalId("get-timestamps"));

        var (read, _) = await Client.GetCustomerOkAsync(created.Id());

        Assert.Multiple(() =>
        {
            Assert.That(read.Text("createdAt"), Is.EqualTo(created.Text("createdAt")));
            Assert.That(read.Text("updatedAt"), Is.EqualTo(created.Text("updatedAt")));
        });
    }

    [Test]
    public async Task Get_with_uppercase_id_returns_the_customer()
    {
        var created = await Client.CreateCustomerOkAsync(ContractClient.UniqueExternalId("get-upper"));

        using var response = await Client.GetCustomerAsync(created.Id().ToUpperInvariant());

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await response.ReadObjectAsync()).Id(), Is.EqualTo(created.Id()));
    }

    [Test]
    public async Task Get_with_unknown_id_returns_404()
    {
        using var response = await Client.GetCustomerAsync(Guid.NewGuid().ToString());

        var details = await response.AssertErrorAsync(404, "NOT_FOUND");
        Assert.That(details, Is.Empty);
    }

    [TestCase("not-a-uuid")]
    [TestCase("12345")]
    [TestCase("0193a6f4-8a1e-7c3b-9d2e-5f6a7b8c9d0")]
    [TestCase("0193a6f4-8a1e-7c3b-9d2e-5f6a7b8c9d0g")]
    public async Task Get_with_non_uuid_id_returns_400_for_id(string id)
    {
        using var response = await Client.GetCustomerAsync(id);

        await response.AssertValidationErrorAsync("id");
    }

    [Test]
    public async Task Get_response_carries_api_supported_versions()
    {
        var created = await Client.CreateCustomerOkAsync(ContractClient.UniqueExternalId("get-versions"));

        using var response = await Client.GetCustomerAsync(created.Id());

        Assert.That(response.Headers.Contains("api-supported-versions"), Is.True);
    }
}
