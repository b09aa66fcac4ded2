using Microsoft.Extensions.Time.Testing;

namespace CustomerService.Api.IntegrationTests;

/// <summary>
/// GET /customers when every customer was created in the same millisecond (a frozen clock): the
/// order falls to the id, and paging neither skips nor repeats across equal timestamps.
/// </summary>
public sealed class ListCustomersWithEqualTimestampsTests : ServiceFixture
{
    private const string FrozenAt = "2025-11-18T12:34:56.789Z";

    private List<string> _idsInOrder = null!;

    [OneTimeSetUp]
    public async Task Seed()
    {
        var ids = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            ids.Add((await Client.CreateCustomerOkAsync(ContractClient.UniqueExternalId($"tie-{i}"))).Id());
        }

        _idsInOrder = [.. ids.Order(Engine.IdOrder)];
    }

    [Test]
    public async Task List_orders_customers_with_equal_createdAt_by_id()
    {
        var listed = await Client.ListCustomersOkAsync();

        Assert.That(listed.Select(customer => customer.Text("createdAt")), Is.All.EqualTo(FrozenAt), "the premise: one createdAt for all");
        Assert.That(listed.Ids(), Is.EqualTo(_idsInOrder));
    }

    [Test]
    public async Task List_paging_across_equal_createdAt_returns_every_customer_once()
    {
        var pages = await Client.ListAllPagesAsync("?limit=4");

        Assert.That(pages.SelectMany(page => page.Ids()), Is.EqualTo(_idsInOrder));
    }

    protected override CustomerServiceFactory CreateFactory() =>
        new(clock: new FakeTimeProvider(new DateTimeOffset(2025, 11, 18, 12, 34, 56, 789, TimeSpan.Zero)));
}
