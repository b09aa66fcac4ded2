namespace CustomerService.Api.IntegrationTests;

/// <summary>Data written before a restart is there after it (docs/contract.md, section 5): two hosts, one database, one after the other.</summary>
public sealed class RestartTests
{
    private string _database = null!;

    [SetUp]
    public void NewDatabase() => _database = CustomerServiceFactory.NewDatabase();

    [TearDown]
    public void DeleteDatabase() => CustomerServiceFactory.DeleteDatabase(_database);

    [Test]
    public async Task Customer_written_before_a_restart_reads_back_identical_after_it()
    {
        var (before, beforeETag, id) = await WithServiceAsync(async client =>
        {
            var created = await client.CreateCustomerOkAsync(ContractClient.UniqueExternalId("restart"), "suspended");
            var (read, etag) = await client.GetCustomerOkAsync(created.Id());
            return (read.ToJsonString(), etag, created.Id());
        });

        var (after, afterETag) = await WithServiceAsync(async client =>
        {
            var (read, etag) = await client.GetCustomerOkAsync(id);
            return (read.ToJsonString(), etag);
        });

        Assert.That(after, Is.EqualTo(before));
        Assert.That(afterETag, Is.EqualTo(beforeETag));
    }

    [Test]
    public async Task Updated_customer_and_list_survive_a_restart()
    {
        var (listBefore, etag, id) = await WithServiceAsync(async client =>
        {
            var created = await client.CreateCustomerOkAsync(ContractClient.UniqueExternalId("restart-update"));
            await client.CreateCustomerOkAsync(ContractClient.UniqueExternalId("restart-other"));
            using var updated = await client.UpdateStatusAsync(created.Id(), "inactive");
            return ((await client.ListCustomersOkAsync()).ToJsonString(), updated.ETag(), created.Id());
        });

        var (listAfter, stillAccepted) = await WithServiceAsync(async client =>
        {
            var list = (await client.ListCustomersOkAsync()).ToJsonString();
            using var update = await client.UpdateStatusAsync(id, "active", etag);
            return (list, (int)update.StatusCode);
        });

        Assert.That(listAfter, Is.EqualTo(listBefore));
        Assert.That(stillAccepted, Is.EqualTo(200), "the ETag issued before the restart is still current after it");
    }

    [Test]
    public async Task Unique_externalId_holds_across_a_restart()
    {
        var externalId = ContractClient.UniqueExternalId("restart-unique");
        await WithServiceAsync(client => client.CreateCustomerOkAsync(externalId));

        var status = await WithServiceAsync(async client =>
        {
            using var response = await client.CreateCustomerAsync(externalId);
            return (int)response.StatusCode;
        });

        Assert.That(status, Is.EqualTo(409));
    }

    /// <summary>Starts the service on this test's database, runs the work, and stops the service.</summary>
    private async Task<T> WithServiceAsync<T>(Func<HttpClient, Task<T>> work)
    {
        using var factory = new CustomerServiceFactory(_database);
        using var client = factory.CreateClient();
        return await work(client);
    }
}
