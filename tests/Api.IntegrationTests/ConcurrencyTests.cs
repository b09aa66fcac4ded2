using System.Net;

namespace CustomerService.Api.IntegrationTests;

/// <summary>Many simultaneous requests against one service: uniqueness and If-Match hold, nothing fails with 500.</summary>
public sealed class ConcurrencyTests : ServiceFixture
{
    private const int Parallel = 24;

    [Test]
    public async Task Concurrent_creates_with_one_externalId_give_one_201_and_409_for_all_others()
    {
        var externalId = ContractClient.UniqueExternalId("race");

        var responses = await Task.WhenAll(Enumerable.Range(0, Parallel).Select(_ => Client.CreateCustomerAsync(externalId)));
        try
        {
            Assert.That(responses.Select(response => (int)response.StatusCode), Is.EquivalentTo(Statuses(201, 409, Parallel)));
            foreach (var conflict in responses.Where(response => response.StatusCode == HttpStatusCode.Conflict))
            {
                await conflict.AssertErrorAsync(409, "DUPLICATE_EXTERNAL_ID");
            }
        }
        finally
        {
            DisposeAll(responses);
        }
    }

    [Test]
    public async Task Concurrent_creates_with_one_externalId_leave_exactly_one_customer()
    {
        var externalId = ContractClient.UniqueExternalId("race-list");

        var responses = await Task.WhenAll(Enumerable.Range(0, Parallel).Select(_ => Client.CreateCustomerAsync(externalId)));
        var winner = responses.SingleOrDefault(response => response.StatusCode == HttpStatusCode.Created);
        var winnerId = winner is null ? null : (await winner.ReadObjectAsync()).Id();
        DisposeAll(responses);

        var listed = await Client.ListCustomersOkAsync($"?externalId={externalId}");
        Assert.That(listed.Ids(), Is.EqualTo(new[] { winnerId }));
    }

    [Test]
    public async Task Concurrent_creates_with_distinct_externalIds_all_return_201()
    {
        var externalIds = Enumerable.Range(0, Parallel).Select(i => ContractClient.UniqueExternalId($"parallel-{i}")).ToList();

        var responses = await Task.WhenAll(externalIds.Select(externalId => Client.CreateCustomerAsync(externalId)));
        var statuses = responses.Select(response => (int)response.StatusCode).ToList();
        DisposeAll(responses);

        Assert.That(statuses, Is.All.EqualTo(201));
    }

    [Test]
    public async Task Concurrent_updates_with_the_same_If_Match_let_exactly_one_win()
    {
        var (customer, etag) = await Client.CreateCustomerWithETagAsync(ContractClient.UniqueExternalId("race-update"));
        string[] targets = ["inactive", "suspended", "deleted"];

        var responses = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => Client.UpdateStatusAsync(customer.Id(), targets[i % targets.Length], etag)));
        var statuses = responses.Select(response => (int)response.StatusCode).ToList();
        DisposeAll(responses);

        Assert.That(statuses, Is.EquivalentTo(Statuses(200, 412, 12)));
    }

    /// <summary>One winner and every other request refused.</summary>
    private static IEnumerable<int> Statuses(int winner, int others, int total) =>
        Enumerable.Repeat(others, total - 1).Prepend(winner);

    private static void DisposeAll(IEnumerable<HttpResponseMessage> responses)
    {
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }
}
