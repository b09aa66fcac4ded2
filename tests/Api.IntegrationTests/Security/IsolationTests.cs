using System.Net;
using System.Net.Http.Headers;

namespace CustomerService.Api.IntegrationTests.Security;

/// <summary>Two participants on one service: each one's world is exactly its own data.</summary>
public sealed class IsolationTests : ServiceFixture
{
    private HttpClient _other = null!;

    [OneTimeSetUp]
    public void SecondParticipant()
    {
        _other = Factory.CreateAnonymousClient();
        _other.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.Mint($"participant-b-{Guid.NewGuid():N}"));
    }

    [OneTimeTearDown]
    public void DisposeSecondParticipant() => _other.Dispose();

    [Test]
    public async Task Another_participants_customer_is_404_for_reads_and_writes()
    {
        var id = (await Client.CreateCustomerOkAsync(ContractClient.UniqueExternalId("isolated"))).Id();

        using var get = await _other.GetAsync($"{ContractClient.CustomersPath}/{id}");
        using var put = await _other.PutAsync($"{ContractClient.CustomersPath}/{id}", ContractClient.Json("""{"status":"deleted"}"""));
        using var accounts = await _other.GetAsync($"{ContractClient.CustomersPath}/{id}/accounts");
        using var addresses = await _other.GetAsync($"{ContractClient.CustomersPath}/{id}/accounts/addresses");
        using var addAccount = await _other.PostAsync(
            $"{ContractClient.CustomersPath}/{id}/accounts",
            ContractClient.Json("""{"network":"solana","address":"11111111111111111111111111111111"}"""));
        using var ownersView = await Client.GetAsync($"{ContractClient.CustomersPath}/{id}");

        await get.AssertErrorAsync(404, "NOT_FOUND");
        await put.AssertErrorAsync(404, "NOT_FOUND");
        await accounts.AssertErrorAsync(404, "NOT_FOUND");
        await addresses.AssertErrorAsync(404, "NOT_FOUND");
        await addAccount.AssertErrorAsync(404, "NOT_FOUND");
        Assert.That((await ownersView.ReadObjectAsync())["status"]!.GetValue<string>(), Is.EqualTo("active"));
    }

    [Test]
    public async Task Each_participants_list_holds_only_its_own_customers()
    {
        var mine = (await Client.CreateCustomerOkAsync(ContractClient.UniqueExternalId("mine"))).Id();
        var theirs = (await _other.CreateCustomerOkAsync(ContractClient.UniqueExternalId("theirs"))).Id();

        using var myList = await Client.GetAsync(ContractClient.CustomersPath);
        using var theirList = await _other.GetAsync(ContractClient.CustomersPath);
        var myIds = (await myList.ReadArrayAsync()).Select(customer => customer!["id"]!.GetValue<string>()).ToList();
        var theirIds = (await theirList.ReadArrayAsync()).Select(customer => customer!["id"]!.GetValue<string>()).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(myIds, Does.Contain(mine).And.Not.Contain(theirs));
            Assert.That(theirIds, Is.EqualTo(new[] { theirs }));
        });
    }

    [Test]
    public async Task The_same_externalId_may_exist_for_two_participants()
    {
        var externalId = ContractClient.UniqueExternalId("shared");

        using var first = await Client.CreateCustomerAsync(externalId);
        using var second = await _other.CreateCustomerAsync(externalId);

        Assert.Multiple(() =>
        {
            Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        });
    }
}
