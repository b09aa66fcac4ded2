using System.Net;

namespace CustomerService.Api.IntegrationTests;

/// <summary>Two participants on one database: neither sees, changes nor collides with the other's customers.</summary>
public sealed class TenancyTests : ServiceFixture
{
    private const string OtherParticipant = "participant-other";

    private CustomerServiceFactory _otherFactory = null!;
    private HttpClient _other = null!;

    [OneTimeSetUp]
    public void StartOtherParticipant()
    {
        _otherFactory = new CustomerServiceFactory(Factory.Database, OtherParticipant);
        _other = _otherFactory.CreateClient();
    }

    [OneTimeTearDown]
    public void StopOtherParticipant()
    {
        _other.Dispose();
        _otherFactory.Dispose();
    }

    [Test]
    public async Task Another_participants_customer_is_404()
    {
        var mine = await Client.CreateCustomerOkAsync(ContractClient.UniqueExternalId("tenant-get"));

        using var response = await _other.GetCustomerAsync(mine.Id());

        await response.AssertErrorAsync(404, "NOT_FOUND");
    }

    [Test]
    public async Task Another_participants_customer_is_absent_from_the_list()
    {
        var mine = await Client.CreateCustomerOkAsync(ContractClient.UniqueExternalId("tenant-list"));

        var theirs = await _other.ListCustomersOkAsync();

        Assert.That(theirs.Ids(), Does.Not.Contain(mine.Id()));
    }

    [Test]
    public async Task Another_participants_customer_is_absent_from_the_externalId_filter()
    {
        var externalId = ContractClient.UniqueExternalId("tenant-filter");
        await Client.CreateCustomerOkAsync(externalId);

        var theirs = await _other.ListCustomersOkAsync($"?externalId={externalId}");

        Assert.That(theirs, Is.Empty);
    }

    [Test]
    public async Task Another_participants_customer_cannot_be_updated()
    {
        var mine = await Client.CreateCustomerOkAsync(ContractClient.UniqueExternalId("tenant-put"));

        using var response = await _other.UpdateStatusAsync(mine.Id(), "deleted");

        await response.AssertErrorAsync(404, "NOT_FOUND");
        ContractAssert.SameJson((await Client.GetCustomerOkAsync(mine.Id())).Customer, mine);
    }

    [Test]
    public async Task Another_participants_customer_addresses_are_404()
    {
        var mine = await Client.CreateCustomerOkAsync(ContractClient.UniqueExternalId("tenant-addresses"));

        using var response = await _other.GetAsync(ContractClient.AddressesPath(mine.Id()));

        await response.AssertErrorAsync(404, "NOT_FOUND");
    }

    [Test]
    public async Task Another_participant_may_create_the_same_externalId()
    {
        var externalId = ContractClient.UniqueExternalId("tenant-same");
        await Client.CreateCustomerOkAsync(externalId);

        using var response = await _other.CreateCustomerAsync(externalId);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        ContractAssert.Customer(await response.ReadObjectAsync(), externalId, "active", OtherParticipant);
    }

    [Test]
    public async Task Each_participant_lists_only_its_own_customer_with_a_shared_externalId()
    {
        var externalId = ContractClient.UniqueExternalId("tenant-shared");
        var mine = await Client.CreateCustomerOkAsync(externalId);
        var theirs = await _other.CreateCustomerOkAsync(externalId, "inactive");

        var myList = await Client.ListCustomersOkAsync($"?externalId={externalId}");
        var theirList = await _other.ListCustomersOkAsync($"?externalId={externalId}");

        Assert.That(myList.Ids(), Is.EqualTo(new[] { mine.Id() }));
        Assert.That(theirList.Ids(), Is.EqualTo(new[] { theirs.Id() }));
    }
}
