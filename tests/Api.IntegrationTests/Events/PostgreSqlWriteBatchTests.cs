using System.Data.Common;
using CustomerService.Infrastructure.Persistence;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CustomerService.Api.IntegrationTests.Events;

/// <summary>
/// On PostgreSQL a create (its customer, its event, the event's deliveries) is one batch of inserts
/// sent without an explicit transaction, which PostgreSQL runs as one implicit transaction; changes
/// that update rows keep an explicit one (decision 0023).
/// </summary>
public sealed class PostgreSqlWriteBatchTests
{
    [OneTimeSetUp]
    public void OnPostgreSqlOnly() => Engine.Require(DatabaseProvider.PostgreSql, "the implicit transaction of a batch is PostgreSQL's");

    [Test]
    public async Task A_create_whose_event_the_database_refuses_leaves_no_customer()
    {
        using var factory = new CustomerServiceFactory();
        using var client = factory.CreateClient();
        try
        {
            var stored = await client.CreateCustomerOkAsync(ContractClient.UniqueExternalId("before-refusal"));
            await ExecuteAsync(
                factory.Database,
                """
                CREATE FUNCTION refuse_event() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'event refused by the test';
                END
                $$;
                CREATE TRIGGER refuse_marked_events BEFORE INSERT ON "Events"
                    FOR EACH ROW WHEN (NEW."Body" LIKE '%refused-event-%') EXECUTE FUNCTION refuse_event();
                """);

            using var refused = await client.CreateCustomerAsync(ContractClient.UniqueExternalId("refused-event"));
            var afterwards = await client.CreateCustomerOkAsync(ContractClient.UniqueExternalId("after-refusal"));
            var customers = await client.ListCustomersOkAsync();
            var events = await client.ReadAllAsync();

            await refused.AssertErrorAsync(500, "INTERNAL_ERROR");
            Assert.Multiple(() =>
            {
                Assert.That(customers.Ids(), Is.EqualTo(new[] { stored.Id(), afterwards.Id() }), "the refused create's customer was kept without its event");
                Assert.That(events.Select(e => e.Text("customerId")), Is.EqualTo(new[] { stored.Id(), afterwards.Id() }));
            });
        }
        finally
        {
            CustomerServiceFactory.DeleteDatabase(factory.Database);
        }
    }

    [Test]
    public async Task A_create_begins_no_transaction_and_a_status_change_begins_one()
    {
        var transactions = new TransactionCounter();
        using var factory = new CustomerServiceFactory();
        using var service = factory.WithWebHostBuilder(builder =>
            builder.ConfigureTestServices(services => services.AddSingleton<IInterceptor>(transactions)));
        using var client = service.CreateClient();
        try
        {
            // Starting the service migrated the database, in transactions of its own.
            var atStart = transactions.Started;
            var customer = await client.CreateCustomerOkAsync(ContractClient.UniqueExternalId("one-batch"));
            var byCreate = transactions.Started - atStart;
            using (await client.UpdateStatusAsync(customer.Id(), "suspended"))
            {
            }

            var byStatusChange = transactions.Started - atStart - byCreate;
            Assert.Multiple(() =>
            {
                Assert.That(byCreate, Is.Zero, "the create began an explicit transaction");
                Assert.That(byStatusChange, Is.EqualTo(1), "the status change, an update guarded by its version, ran without one");
            });
        }
        finally
        {
            CustomerServiceFactory.DeleteDatabase(factory.Database);
        }
    }

    private static async Task ExecuteAsync(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(Engine.ConnectionString(database));
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
#pragma warning disable CA2100 // The statement is the test's own.
        command.CommandText = sql;
#pragma warning restore CA2100
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Counts the transactions the service's contexts begin.</summary>
    private sealed class TransactionCounter : DbTransactionInterceptor
    {
        private int _started;

        public int Started => Volatile.Read(ref _started);

        public override ValueTask<DbTransaction> TransactionStartedAsync(
            DbConnection connection, TransactionEndEventData eventData, DbTransaction result, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _started);
            return ValueTask.FromResult(result);
        }
    }
}
