using System.Data;
using CustomerService.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerService.Api.IntegrationTests.Reliability;

/// <summary>
/// SQLite connections are kept open between requests; only a clean one (open, no transaction left
/// on it) is lent again, so no request can inherit another's half-done work.
/// </summary>
public sealed class OpenSqliteConnectionsTests
{
    private string _file = null!;
    private OpenSqliteConnections _connections = null!;

    [OneTimeSetUp]
    public void OnSqliteOnly() => Engine.Require(DatabaseProvider.Sqlite, "the pool of open connections exists for SQLite only");

    [SetUp]
    public void CreateDatabase()
    {
        _file = CustomerServiceFactory.NewDatabase();
        _connections = new OpenSqliteConnections($"Data Source={_file}");
        using var setup = new SqliteConnection($"Data Source={_file}");
        setup.Open();
        using var command = setup.CreateCommand();
        command.CommandText = "CREATE TABLE Notes (Text TEXT NOT NULL);";
        command.ExecuteNonQuery();
    }

    [TearDown]
    public void DeleteDatabase()
    {
        _connections.Dispose();
        CustomerServiceFactory.DeleteDatabase(_file);
    }

    [Test]
    public void A_connection_given_back_open_is_lent_again_still_open()
    {
        var first = _connections.Rent();
        first.Open();
        _connections.Return(first);

        var second = _connections.Rent();

        Assert.That(second, Is.SameAs(first));
        Assert.That(second.State, Is.EqualTo(ConnectionState.Open));
        _connections.Return(second);
    }

    [Test]
    public void A_connection_given_back_inside_a_transaction_is_closed_and_its_writes_rolled_back()
    {
        var connection = _connections.Rent();
        connection.Open();
        var transaction = connection.BeginTransaction();
        Execute(connection, "INSERT INTO Notes (Text) VALUES ('half-written');");

        _connections.Return(connection);

        Assert.That(connection.State, Is.EqualTo(ConnectionState.Closed));
        var next = _connections.Rent();
        Assert.That(next, Is.Not.SameAs(connection));
        next.Open();
        Assert.That(Count(next), Is.Zero);
        _connections.Return(next);
        transaction.Dispose();
    }

    [Test]
    public void A_connection_given_back_with_a_reader_still_open_is_closed_and_not_lent_again()
    {
        var connection = _connections.Rent();
        connection.Open();
        Execute(connection, "INSERT INTO Notes (Text) VALUES ('one'), ('two');");
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT Text FROM Notes;";
        var reader = command.ExecuteReader();
        Assert.That(reader.Read(), Is.True);

        _connections.Return(connection);

        Assert.That(connection.State, Is.EqualTo(ConnectionState.Closed), "its read snapshot must not reach the next request");
        var next = _connections.Rent();
        Assert.That(next, Is.Not.SameAs(connection));
        _connections.Return(next);
    }

    [Test]
    public void A_connection_never_opened_is_not_kept()
    {
        var unused = _connections.Rent();

        _connections.Return(unused);

        var next = _connections.Rent();
        Assert.That(next, Is.Not.SameAs(unused));
        _connections.Return(next);
    }

    [Test]
    public void Idle_connections_are_closed_once_idle_for_the_given_time_and_busy_ones_are_not_touched()
    {
        var idle = _connections.Rent();
        idle.Open();
        var inUse = _connections.Rent();
        inUse.Open();
        _connections.Return(idle);

        Assert.Multiple(() =>
        {
            Assert.That(_connections.CloseIdle(TimeSpan.FromMinutes(10)), Is.Zero, "not idle long enough");
            Assert.That(_connections.CloseIdle(TimeSpan.Zero), Is.EqualTo(1));
            Assert.That(idle.State, Is.EqualTo(ConnectionState.Closed));
            Assert.That(inUse.State, Is.EqualTo(ConnectionState.Open));
        });
        _connections.Return(inUse);
    }

    [Test]
    public void A_connection_that_is_not_the_pools_own_is_closed_not_kept()
    {
        var foreign = new SqliteConnection($"Data Source={_file}");
        foreign.Open();

        _connections.Return(foreign);

        Assert.That(foreign.State, Is.EqualTo(ConnectionState.Closed));
        Assert.That(_connections.Rent(), Is.Not.SameAs(foreign));
    }

    [Test]
    public async Task The_service_lends_its_connection_again_open_with_SQLites_busy_timeout_set()
    {
        await using var factory = new CustomerServiceFactory();
        using var client = factory.CreateClient();
        using var response = await client.GetAsync(ContractClient.CustomersPath);
        Assert.That((int)response.StatusCode, Is.EqualTo(200));

        await using var scope = factory.Services.CreateAsyncScope();
        var connection = scope.ServiceProvider.GetRequiredService<CustomerDbContext>().Database.GetDbConnection();

        Assert.That(connection.State, Is.EqualTo(ConnectionState.Open), "the request's connection was given back open and lent again");
        Assert.That(await ScalarAsync(connection, "PRAGMA busy_timeout;"), Is.EqualTo(30_000));
    }

    [Test]
    public async Task A_context_taken_from_the_pool_without_a_lease_never_gets_the_last_requests_connection()
    {
        await using var factory = new CustomerServiceFactory();
        System.Data.Common.DbConnection leased;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var context = scope.ServiceProvider.GetRequiredService<CustomerDbContext>();
            await context.Database.ExecuteSqlRawAsync("SELECT 1;");
            leased = context.Database.GetDbConnection();
        }

        await using var unleased = await factory.Services.GetRequiredService<IDbContextFactory<SqliteCustomerDbContext>>().CreateDbContextAsync();

        var connection = unleased.Database.GetDbConnection();
        Assert.Multiple(() =>
        {
            Assert.That(connection, Is.Not.SameAs(leased), "the connection went back to the pool, where another request may hold it");
            Assert.That(connection.GetType(), Is.EqualTo(typeof(SqliteConnection)), "a connection of its own, not one the pool keeps open");
        });
    }

    private static async Task<long> ScalarAsync(System.Data.Common.DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static long Count(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM Notes;";
        return (long)command.ExecuteScalar()!;
    }
}
