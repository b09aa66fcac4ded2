using CustomerService.Infrastructure.Persistence;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using CustomerService.Application.Customers.ListCustomers;
using Microsoft.Data.Sqlite;

namespace CustomerService.Api.IntegrationTests;

/// <summary>
/// GET /customers without <c>limit</c> on a list far larger than any transport buffer: it is read
/// from the database a page at a time, so a client that stops reading holds no database read open,
/// and what it streams is exactly what the paged list gives.
/// </summary>
public sealed class ListCustomersStreamingTests : ServiceFixture
{
    /// <summary>About 400 KB of JSON: several pages, and far more than the response pipe holds unread.</summary>
    private const int CustomerCount = 1500;

    private List<string> _seededIds = null!;

    [OneTimeSetUp]
    public async Task Seed()
    {
        var created = await StreamingSeed.CreateCustomersAsync(Client, CustomerCount, "stream");
        await StreamingSeed.AddAccountsAsync(Client, [.. created.Where(customer => customer.Text("status") == "active").Take(40).Ids()]);
        _seededIds = [.. created.OrderBy(customer => customer.Text("createdAt"), StringComparer.Ordinal).ThenBy(customer => customer.Id(), Engine.IdOrder).Ids()];
    }

    [Test]
    public async Task A_client_that_stops_reading_the_full_list_holds_no_database_read_so_a_checkpoint_empties_the_log()
    {
        Engine.Require(DatabaseProvider.Sqlite, "the write-ahead log's checkpoint is SQLite's");
        using var response = await Client.GetAsync(ContractClient.CustomersPath, HttpCompletionOption.ResponseHeadersRead);
        await using var body = await response.Content.ReadAsStreamAsync();
        var start = new byte[4096];
        await body.ReadExactlyAsync(start);

        // A write after the stream began: the log now holds pages that a read begun before it
        // would keep from being checkpointed.
        using var other = OtherParticipantClient();
        await other.CreateCustomerOkAsync(ContractClient.UniqueExternalId("while-streaming"));

        var checkpoint = await CheckpointUntilCompleteAsync(Factory.Database, TimeSpan.FromSeconds(10));

        Assert.That(checkpoint.Busy, Is.Zero, "a database read stayed open while the client was not reading");
        using var rest = new MemoryStream();
        await rest.WriteAsync(start);
        await body.CopyToAsync(rest);
        var listed = JsonNode.Parse(rest.ToArray())!.AsArray();
        Assert.That(listed.Ids(), Is.EqualTo(_seededIds), "the rest of the list still arrives whole and in order");
    }

    [TestCase(1000)]
    [TestCase(333)]
    public async Task The_full_list_is_byte_for_byte_the_pages_of_the_paged_list_joined(int limit)
    {
        var full = await Client.GetStringAsync(ContractClient.CustomersPath);

        var pages = await RawPagesAsync(Client, $"?limit={limit}");

        Assert.That(pages, Has.Count.GreaterThan(1), "the premise: the paged list has several pages");
        Assert.That(full, Is.EqualTo(Join(pages)));
    }

    [Test]
    public async Task A_stream_that_runs_past_Limits_MaxStreamDuration_is_aborted_rather_than_ended_like_a_whole_array()
    {
        await using var limited = new CustomerServiceFactory(
            Factory.Database,
            settings: new Dictionary<string, string?> { ["Limits:MaxStreamDuration"] = "00:00:01" });
        using var client = limited.CreateClient();
        using var response = await client.GetAsync(ContractClient.CustomersPath, HttpCompletionOption.ResponseHeadersRead);
        Assert.That((int)response.StatusCode, Is.EqualTo(200));
        await using var body = await response.Content.ReadAsStreamAsync();
        await body.ReadExactlyAsync(new byte[4096]);

        await Task.Delay(TimeSpan.FromSeconds(3));

        Assert.That(async () => await body.CopyToAsync(Stream.Null), Throws.InstanceOf<IOException>());
    }

    /// <summary>Every page of the paged list, as the exact text each response carried.</summary>
    internal static async Task<List<string>> RawPagesAsync(HttpClient client, string query)
    {
        var pages = new List<string>();
        string? next = ContractClient.CustomersPath + query;
        while (next is not null)
        {
            using var response = await client.GetAsync(new Uri(next, UriKind.Relative));
            Assert.That((int)response.StatusCode, Is.EqualTo(200));
            pages.Add(await response.Content.ReadAsStringAsync());
            next = response.NextLink();
        }

        return pages;
    }

    /// <summary>JSON arrays joined into one, without reformatting a byte of their items.</summary>
    internal static string Join(IEnumerable<string> pages) =>
        $"[{string.Join(",", pages.Select(page => page[1..^1]).Where(items => items.Length > 0))}]";

    private HttpClient OtherParticipantClient()
    {
        var client = Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.Mint("participant-other-writer"));
        return client;
    }

    /// <summary>
    /// Runs <c>PRAGMA wal_checkpoint(TRUNCATE)</c> on a connection of its own until it reports that
    /// it was not blocked (a read of the server may be running at that instant), or time is up.
    /// </summary>
    private static async Task<(long Busy, long Log, long Checkpointed)> CheckpointUntilCompleteAsync(string file, TimeSpan patience)
    {
        await using var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        await connection.OpenAsync();
        var deadline = DateTime.UtcNow + patience;
        while (true)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            await using var reader = await command.ExecuteReaderAsync();
            await reader.ReadAsync();
            var result = (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
            if (result.Item1 == 0 || DateTime.UtcNow > deadline)
            {
                return result;
            }

            await Task.Delay(50);
        }
    }
}

/// <summary>
/// The full list when every customer was created in the same millisecond and there are more of
/// them than one database page of the stream: the pages meet inside a run of equal createdAt.
/// </summary>
public sealed class ListCustomersStreamedAcrossEqualTimestampsTests : ServiceFixture
{
    private const int CustomerCount = (ListCustomersHandler.StreamPageSize * 2) + 7;

    private List<string> _idsInOrder = null!;

    [OneTimeSetUp]
    public async Task Seed()
    {
        var created = await StreamingSeed.CreateCustomersAsync(Client, CustomerCount, "tie");
        Assert.That(created.Select(customer => customer.Text("createdAt")).Distinct().Count(), Is.EqualTo(1), "the premise: one createdAt for all");
        _idsInOrder = [.. created.Ids().Order(Engine.IdOrder)];
    }

    [Test]
    public async Task The_full_list_across_page_boundaries_of_equal_createdAt_has_every_customer_once_in_id_order()
    {
        var listed = await Client.ListCustomersOkAsync();

        Assert.That(listed.Ids(), Is.EqualTo(_idsInOrder));
    }

    [Test]
    public async Task The_full_list_across_equal_createdAt_is_byte_for_byte_the_paged_list()
    {
        var full = await Client.GetStringAsync(ContractClient.CustomersPath);

        var pages = await ListCustomersStreamingTests.RawPagesAsync(Client, "?limit=100");

        Assert.That(full, Is.EqualTo(ListCustomersStreamingTests.Join(pages)));
    }

    protected override CustomerServiceFactory CreateFactory() =>
        new(clock: new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2025, 11, 18, 12, 34, 56, 789, TimeSpan.Zero)));
}

/// <summary>Creates many customers through the API, a few requests at a time.</summary>
internal static class StreamingSeed
{
    public static async Task<List<JsonObject>> CreateCustomersAsync(HttpClient client, int count, string prefix)
    {
        var created = new JsonObject[count];
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, _) =>
            created[i] = await client.CreateCustomerOkAsync(ContractClient.UniqueExternalId($"{prefix}-{i}"), i % 5 == 0 ? "inactive" : "active"));
        return [.. created];
    }

    /// <summary>Gives each of the customers two accounts, so that listed customers carry some.</summary>
    public static async Task AddAccountsAsync(HttpClient client, IEnumerable<string> customerIds)
    {
        foreach (var id in customerIds)
        {
            for (var i = 0; i < 2; i++)
            {
                var body = $$"""{"network":"ethereum","address":"{{RandomEvm()}}","label":"seed-{{i}}"}""";
                using var response = await client.PostJsonAsync($"{ContractClient.CustomerPath(id)}/accounts", body);
                Assert.That((int)response.StatusCode, Is.EqualTo(201), await response.Content.ReadAsStringAsync());
            }
        }
    }

    private static string RandomEvm() => $"0x{Convert.ToHexStringLower(Guid.NewGuid().ToByteArray())}{Convert.ToHexStringLower(BitConverter.GetBytes(Random.Shared.Next()))}";
}
