using System.Net;
using CustomerService.Application.Common.Abstractions;
using CustomerService.Application.Common.Errors;
using CustomerService.Infrastructure.Persistence;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CustomerService.Api.IntegrationTests.Reliability;

/// <summary>A database that cannot serve is a 503 with Retry-After, never a 500, and leaves nothing half-written.</summary>
public sealed class DatabaseFaultTests
{
    private const string SomeId = "0193a6f4-8a1e-7c3b-9d2e-5f6a7b8c9d0e";

    private static IEnumerable<TestCaseData> EveryOperation()
    {
        yield return new TestCaseData("GET", ContractClient.CustomersPath, null).SetName("Unreachable_database_list_returns_503");
        yield return new TestCaseData("GET", $"{ContractClient.CustomersPath}?limit=2", null).SetName("Unreachable_database_list_page_returns_503");
        yield return new TestCaseData("POST", ContractClient.CustomersPath, """{"externalId":"down","status":"active"}""").SetName("Unreachable_database_create_returns_503");
        yield return new TestCaseData("GET", $"{ContractClient.CustomersPath}/{SomeId}", null).SetName("Unreachable_database_get_returns_503");
        yield return new TestCaseData("PUT", $"{ContractClient.CustomersPath}/{SomeId}", """{"status":"inactive"}""").SetName("Unreachable_database_update_returns_503");
        yield return new TestCaseData("POST", $"{ContractClient.CustomersPath}/{SomeId}/accounts", """{"network":"solana","address":"11111111111111111111111111111111"}""").SetName("Unreachable_database_add_account_returns_503");
        yield return new TestCaseData("GET", $"{ContractClient.CustomersPath}/{SomeId}/accounts/addresses", null).SetName("Unreachable_database_addresses_returns_503");
    }

    [TestCaseSource(nameof(EveryOperation))]
    public async Task Unreachable_database_returns_503_with_retry_after(string method, string path, string? body)
    {
        using var factory = CustomerServiceFactory.WithUnreachableDatabase();
        using var client = factory.CreateClient();

        using var response = await client.SendAsync(new HttpMethod(method), path, body);

        await response.AssertErrorAsync(503, "SERVICE_UNAVAILABLE");
        Assert.That(response.Headers.RetryAfter?.Delta, Is.GreaterThan(TimeSpan.Zero));
    }

    [Test]
    public async Task Database_locked_past_the_busy_timeout_returns_503_and_writes_nothing_then_recovers()
    {
        Engine.Require(DatabaseProvider.Sqlite, "an exclusive lock on the file and the busy timeout are SQLite's");
        var file = CustomerServiceFactory.NewDatabase();
        using var factory = new CustomerServiceFactory(file, settings: new Dictionary<string, string?>
        {
            // A one-second busy timeout, so the test does not wait the default 30 s.
            ["ConnectionStrings:CustomerService"] = $"Data Source={file};Default Timeout=1",
        });
        using var client = factory.CreateClient();
        var existing = (await client.CreateCustomerOkAsync(ContractClient.UniqueExternalId("before-lock"))).Id();

        try
        {
            HttpResponseMessage create;
            HttpResponseMessage update;
            using (var blocker = new SqliteConnection($"Data Source={file};Pooling=False"))
            {
                await blocker.OpenAsync();
                using (var begin = blocker.CreateCommand())
                {
                    begin.CommandText = "BEGIN EXCLUSIVE;";
                    await begin.ExecuteNonQueryAsync();
                }

                create = await client.CreateCustomerAsync("while-locked");
                update = await client.PutAsync($"{ContractClient.CustomersPath}/{existing}", ContractClient.Json("""{"status":"suspended"}"""));
            }

            using (create)
            using (update)
            {
                await create.AssertErrorAsync(503, "SERVICE_UNAVAILABLE");
                await update.AssertErrorAsync(503, "SERVICE_UNAVAILABLE");
            }

            using var listed = await client.GetAsync($"{ContractClient.CustomersPath}?externalId=while-locked");
            using var current = await client.GetAsync($"{ContractClient.CustomersPath}/{existing}");
            using var retried = await client.CreateCustomerAsync("while-locked");
            var listedCount = (await listed.ReadArrayAsync()).Count;
            var status = (await current.ReadObjectAsync())["status"]!.GetValue<string>();

            Assert.Multiple(() =>
            {
                Assert.That(listedCount, Is.Zero, "the refused create wrote nothing");
                Assert.That(status, Is.EqualTo("active"), "the refused update wrote nothing");
                Assert.That(retried.StatusCode, Is.EqualTo(HttpStatusCode.Created), "the retry succeeds once the lock is gone");
            });
        }
        finally
        {
            factory.Dispose();
            CustomerServiceFactory.DeleteDatabase(file);
        }
    }

    [Test]
    public async Task Update_that_loses_every_race_returns_503_and_writes_nothing()
    {
        using var factory = new CustomerServiceFactory();
        using var client = factory.CreateClient();
        var id = (await client.CreateCustomerOkAsync(ContractClient.UniqueExternalId("contended"))).Id();
        using var contended = factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
        {
            var real = services.Single(descriptor => descriptor.ServiceType == typeof(IUnitOfWork)).ImplementationType!;
            services.Replace(ServiceDescriptor.Scoped<IUnitOfWork>(provider =>
                new AlwaysConflictingUnitOfWork((IUnitOfWork)ActivatorUtilities.CreateInstance(provider, real))));
        }));
        using var contendedClient = contended.CreateClient();

        try
        {
            using var response = await contendedClient.PutAsync($"{ContractClient.CustomersPath}/{id}", ContractClient.Json("""{"status":"suspended"}"""));
            var (current, _) = await client.GetCustomerOkAsync(id);

            await response.AssertErrorAsync(503, "SERVICE_UNAVAILABLE");
            Assert.Multiple(() =>
            {
                Assert.That(response.Headers.RetryAfter?.Delta, Is.GreaterThan(TimeSpan.Zero));
                Assert.That(current["status"]!.GetValue<string>(), Is.EqualTo("active"));
            });
        }
        finally
        {
            factory.Dispose();
            CustomerServiceFactory.DeleteDatabase(factory.Database);
        }
    }

    /// <summary>Every save loses the race, as if another writer always got there first.</summary>
    private sealed class AlwaysConflictingUnitOfWork(IUnitOfWork real) : IUnitOfWork
    {
        public Task SaveChangesAsync(CancellationToken cancellationToken) =>
            Task.FromException(new ConcurrencyConflictException(new InvalidOperationException("lost the race")));

        public void DiscardChanges() => real.DiscardChanges();
    }
}
