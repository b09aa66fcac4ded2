using System.Data.Common;
using System.Text.Json;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CustomerService.Api.IntegrationTests.Accounts;

/// <summary>Listing customers loads their accounts in the same query, never one query per customer.</summary>
public sealed class ListQueryCountTests
{
    private const int Customers = 200;

    private readonly CountingInterceptor _queries = new();
    private CustomerServiceFactory _factory = null!;
    private HttpClient _client = null!;

    [OneTimeSetUp]
    public async Task SeedCustomersWithAccounts()
    {
        // The webhook dispatcher polls the same database in the background; it is off here, so only the list's queries are counted.
        _factory = new CustomerServiceFactory(
            participantId: "participant-query-count",
            settings: new Dictionary<string, string?> { ["Webhooks:DispatcherEnabled"] = "false" });
        _client = _factory
            .WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
                Engine.ConfigureDbContext(services, options => options.AddInterceptors(_queries))))
            .CreateClient();

        for (var i = 0; i < Customers; i++)
        {
            var customer = await _client.CreateCustomerOkAsync($"query-count-{i:D3}");
            using var account = await _client.PostAsync(
                $"{ContractClient.CustomersPath}/{customer["id"]}/accounts",
                ContractClient.Json(JsonSerializer.Serialize(new { network = "solana", address = SolanaKey(i) })));
            Assert.That((int)account.StatusCode, Is.EqualTo(201), await account.Content.ReadAsStringAsync());
        }
    }

    [OneTimeTearDown]
    public void StopService()
    {
        _client.Dispose();
        _factory.Dispose();
        CustomerServiceFactory.DeleteDatabase(_factory.Database);
    }

    [Test]
    public async Task Listing_200_customers_with_accounts_issues_one_query()
    {
        _queries.Reset();

        using var response = await _client.GetAsync(ContractClient.CustomersPath);
        var customers = await response.ReadArrayAsync();

        Assert.Multiple(() =>
        {
            Assert.That(customers, Has.Count.EqualTo(Customers));
            Assert.That(customers.Select(customer => customer!["accounts"]!.AsArray().Count), Has.All.EqualTo(1));
            Assert.That(_queries.Count, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task A_page_of_customers_with_accounts_issues_one_query()
    {
        _queries.Reset();

        using var response = await _client.GetAsync($"{ContractClient.CustomersPath}?limit=50");
        var customers = await response.ReadArrayAsync();

        Assert.Multiple(() =>
        {
            Assert.That(customers, Has.Count.EqualTo(50));
            Assert.That(_queries.Count, Is.EqualTo(1));
        });
    }

    /// <summary>A distinct, valid Solana key: 32 bytes whose last two carry the index, in base58.</summary>
    private static string SolanaKey(int index)
    {
        var bytes = new byte[32];
        bytes[0] = 1;
        bytes[30] = (byte)(index >> 8);
        bytes[31] = (byte)index;
        return Base58.Encode(bytes);
    }

    private sealed class CountingInterceptor : DbCommandInterceptor
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public void Reset() => Interlocked.Exchange(ref _count, 0);

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command,
            CommandEventData eventData,
            InterceptionResult<DbDataReader> result,
            CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _count);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}
