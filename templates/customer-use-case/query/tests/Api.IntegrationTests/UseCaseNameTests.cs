using System.Net;

namespace CustomerService.Api.IntegrationTests;

/// <summary>GET /customers/{id}/use-case-name, through the real pipeline.</summary>
public sealed class UseCaseNameTests : ServiceFixture
{
    [Test]
    public async Task UseCaseName_answers_200_with_the_customer_and_its_etag()
    {
        var (created, createETag) = await Client.CreateCustomerWithETagAsync(ContractClient.UniqueExternalId("use-case-name"));

        using var response = await Client.GetAsync($"{ContractClient.CustomerPath(created.Id())}/use-case-name");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        ContractAssert.SameJson(await response.ReadObjectAsync(), created);
        Assert.That(response.ETag(), Is.EqualTo(createETag));
    }

    [Test]
    public async Task UseCaseName_of_an_unknown_customer_is_404()
    {
        using var response = await Client.GetAsync($"{ContractClient.CustomerPath(Guid.CreateVersion7().ToString())}/use-case-name");

        Assert.That(await response.AssertErrorAsync(404, "NOT_FOUND"), Is.Empty);
    }
}
