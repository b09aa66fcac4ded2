using System.Net;
using System.Text.Json.Nodes;

namespace CustomerService.Api.IntegrationTests;

/// <summary>
/// GET /customers on a participant seeded once with seven customers; the tests only read, so every
/// count is exact.
/// </summary>
public sealed class ListCustomersTests : ServiceFixture
{
    private static readonly string[] SeedStatuses = ["active", "inactive", "active", "suspended", "deleted", "active", "inactive"];

    private List<JsonObject> _seeded = null!;

    [OneTimeSetUp]
    public async Task Seed()
    {
        _seeded = [];
        foreach (var (status, index) in SeedStatuses.Select((status, index) => (status, index)))
        {
            _seeded.Add(await Client.CreateCustomerOkAsync(ContractClient.UniqueExternalId($"list-{index}"), status));
        }
    }

    [Test]
    public async Task List_without_limit_returns_every_customer_ordered_by_createdAt_then_id()
    {
        var listed = await Client.ListCustomersOkAsync();

        Assert.That(listed.Ids(), Is.EqualTo(ExpectedIds()));
    }

    [Test]
    public async Task List_returns_each_customer_exactly_as_created()
    {
        var listed = await Client.ListCustomersOkAsync();

        foreach (var customer in _seeded)
        {
            ContractAssert.SameJson(listed.Single(item => item.Id() == customer.Id()), customer);
        }
    }

    [Test]
    public async Task List_returns_a_json_array_with_api_supported_versions()
    {
        using var response = await Client.ListCustomersAsync();

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            ContractAssert.JsonUtf8(response.Content.Headers);
            Assert.That(response.Headers.Contains("api-supported-versions"), Is.True);
        });
        Assert.That(await response.ReadArrayAsync(), Has.Count.EqualTo(SeedStatuses.Length));
    }

    [Test]
    public async Task List_without_limit_has_no_Link_header()
    {
        using var response = await Client.ListCustomersAsync();

        Assert.That(response.Headers.Contains("Link"), Is.False);
    }

    [TestCase("active")]
    [TestCase("inactive")]
    [TestCase("suspended")]
    [TestCase("deleted")]
    public async Task List_filtered_by_status_returns_only_that_status_in_order(string status)
    {
        var listed = await Client.ListCustomersOkAsync($"?status={status}");

        Assert.That(listed.Ids(), Is.EqualTo(ExpectedIds(status)));
    }

    [Test]
    public async Task List_filtered_by_externalId_returns_the_one_exact_match()
    {
        var target = _seeded[3];

        var listed = await Client.ListCustomersOkAsync($"?externalId={target.Text("externalId")}");

        Assert.That(listed.Ids(), Is.EqualTo(new[] { target.Id() }));
    }

    [Test]
    public async Task List_filtered_by_externalId_prefix_returns_empty_array()
    {
        var listed = await Client.ListCustomersOkAsync("?externalId=list-3");

        Assert.That(listed, Is.Empty);
    }

    [Test]
    public async Task List_filtered_by_externalId_in_other_case_returns_empty_array()
    {
        var listed = await Client.ListCustomersOkAsync($"?externalId={_seeded[3].Text("externalId").ToUpperInvariant()}");

        Assert.That(listed, Is.Empty);
    }

    [Test]
    public async Task List_filtered_by_status_and_externalId_needs_both_to_match()
    {
        var target = _seeded[3];

        var listed = await Client.ListCustomersOkAsync($"?status=active&externalId={target.Text("externalId")}");

        Assert.That(listed, Is.Empty);
    }

    [Test]
    public async Task List_with_limit_returns_that_many_and_a_next_Link()
    {
        using var response = await Client.ListCustomersAsync("?limit=3");
        var page = await response.ReadArrayAsync();
        var next = response.NextLink();

        Assert.That(page.Ids(), Is.EqualTo(ExpectedIds().Take(3)));
        Assert.That(next, Is.Not.Null, "more remain, so there must be a Link");
        Assert.That(next, Does.StartWith($"{ContractClient.CustomersPath}?").And.Contain("limit=3").And.Contain("after="));
    }

    [Test]
    public async Task List_following_Link_returns_every_customer_once_in_order()
    {
        var pages = await Client.ListAllPagesAsync("?limit=3");

        Assert.That(pages.Select(page => page.Count), Is.EqualTo(new[] { 3, 3, 1 }));
        Assert.That(pages.SelectMany(page => page.Ids()), Is.EqualTo(ExpectedIds()));
    }

    [Test]
    public async Task List_with_limit_one_pages_through_every_customer()
    {
        var pages = await Client.ListAllPagesAsync("?limit=1");

        Assert.That(pages.SelectMany(page => page.Ids()), Is.EqualTo(ExpectedIds()));
    }

    [TestCase(7)]
    [TestCase(1000)]
    public async Task List_with_limit_covering_everything_has_no_Link(int limit)
    {
        using var response = await Client.ListCustomersAsync($"?limit={limit}");
        var page = await response.ReadArrayAsync();

        Assert.That(page.Ids(), Is.EqualTo(ExpectedIds()));
        Assert.That(response.Headers.Contains("Link"), Is.False, "nothing remains, so there must be no Link");
    }

    [Test]
    public async Task List_paging_carries_the_status_filter_through_Link()
    {
        var pages = await Client.ListAllPagesAsync("?status=active&limit=2");

        Assert.That(pages.Select(page => page.Count), Is.EqualTo(new[] { 2, 1 }));
        Assert.That(pages.SelectMany(page => page.Ids()), Is.EqualTo(ExpectedIds("active")));
    }

    [Test]
    public async Task List_Link_repeats_the_filters()
    {
        using var response = await Client.ListCustomersAsync("?status=inactive&limit=1");

        Assert.That(response.NextLink(), Does.Contain("status=inactive").And.Contain("limit=1"));
    }

    [TestCase("?status=bogus", "status")]
    [TestCase("?status=ACTIVE", "status")]
    [TestCase("?limit=0", "limit")]
    [TestCase("?limit=1001", "limit")]
    [TestCase("?limit=-1", "limit")]
    [TestCase("?limit=abc", "limit")]
    [TestCase("?limit=2.5", "limit")]
    [TestCase("?after=garbage", "after")]
    [TestCase("?limit=2&after=garbage", "after")]
    public async Task List_with_invalid_query_returns_400_for_that_parameter(string query, string field)
    {
        using var response = await Client.ListCustomersAsync(query);

        await response.AssertValidationErrorAsync(field);
    }

    [TestCase("?limit=1&limit=2", "limit", "limit must be given at most once.")]
    [TestCase("?status=active&status=inactive", "status", "status must be given at most once.")]
    [TestCase("?externalId=a&externalId=b", "externalId", "externalId must be given at most once.")]
    [TestCase("?externalId=", "externalId", "externalId must have a value when it is given.")]
    [TestCase("?status=", "status", "status must have a value when it is given.")]
    [TestCase("?limit", "limit", "limit must have a value when it is given.")]
    [TestCase("?limit=0x10", "limit", "limit must be a whole number.")]
    [TestCase("?limit=%2B5", "limit", "limit must be a whole number.")]
    [TestCase("?limit=%205", "limit", "limit must be a whole number.")]
    [TestCase("?limit=5%00", "limit", "limit must be a whole number.")]
    [TestCase("?limit=-1", "limit", "limit must be a whole number from 1 to 1000.")]
    public async Task List_with_an_ambiguous_or_malformed_parameter_returns_400_saying_why(string query, string field, string message)
    {
        using var response = await Client.ListCustomersAsync(query);

        var details = await response.AssertErrorAsync(400, "VALIDATION_ERROR");
        Assert.That(details.Select(detail => (detail.Text("field"), detail.Text("message"))), Is.EqualTo(new[] { (field, message) }));
    }

    /// <summary>The seeded customers' ids ordered as the contract orders a list: createdAt, then id.</summary>
    private IEnumerable<string> ExpectedIds(string? status = null) =>
        _seeded
            .Where(customer => status is null || customer.Text("status") == status)
            .OrderBy(customer => customer.Text("createdAt"), StringComparer.Ordinal)
            .ThenBy(customer => customer.Id(), Engine.IdOrder)
            .Ids();
}
