using System.Collections.Concurrent;
using System.Data.SqlTypes;
using System.Net;
using System.Net.Sockets;
using CustomerService.Infrastructure.Persistence;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CustomerService.Api.IntegrationTests;

/// <summary>
/// The database engine this run of the integration tests is on: SQLite files of their own unless
/// <c>CUSTOMER_SERVICE_TEST_DATABASE</c> names <c>PostgreSql</c> or <c>SqlServer</c>, in which case
/// <c>CUSTOMER_SERVICE_TEST_CONNECTION</c> is a connection string to that server for a login that
/// may create and drop databases. Every test database is a new one, made here and dropped here:
/// by its test, or at the end of the run (see <see cref="TestRun"/>) if its test left it.
/// </summary>
public static class Engine
{
    public const string EngineVariable = "CUSTOMER_SERVICE_TEST_DATABASE";
    public const string ConnectionVariable = "CUSTOMER_SERVICE_TEST_CONNECTION";

    private const string DatabasePrefix = "customer_service_test_";

    private static readonly Lazy<string> Server = new(() =>
        Environment.GetEnvironmentVariable(ConnectionVariable) is { Length: > 0 } connection
            ? connection
            : throw new InvalidOperationException($"{EngineVariable} is {Current}, so {ConnectionVariable} must be a connection string to that server."));

    /// <summary>The databases made by this run and not yet dropped.</summary>
    private static readonly ConcurrentDictionary<string, byte> Made = new(StringComparer.Ordinal);

    public static DatabaseProvider Current { get; } = FromEnvironment();

    /// <summary>
    /// The order in which this engine sorts ids that tie on everything else: the text order on
    /// SQLite (ids are text) and PostgreSQL (uuid compares its bytes, which is the text order), and
    /// SQL Server's uniqueidentifier order (its last six bytes first), which is not.
    /// </summary>
    public static IComparer<string> IdOrder { get; } = Current == DatabaseProvider.SqlServer
        ? Comparer<string>.Create((left, right) => new SqlGuid(Guid.Parse(left)).CompareTo(new SqlGuid(Guid.Parse(right))))
        : StringComparer.Ordinal;

    /// <summary>Ignores the calling test, with <paramref name="reason"/>, unless this run is on <paramref name="engine"/>.</summary>
    public static void Require(DatabaseProvider engine, string reason)
    {
        if (Current != engine)
        {
            Assert.Ignore($"Runs on {engine} only, this run is on {Current}: {reason}");
        }
    }

    /// <summary>A new, empty database: a file name for SQLite, a database created on the server otherwise.</summary>
    public static string NewDatabase()
    {
        var name = $"{DatabasePrefix}{Guid.NewGuid():N}";
        switch (Current)
        {
            case DatabaseProvider.Sqlite:
                name = Path.Combine(Path.GetTempPath(), $"{name}.db");
                break;
            case DatabaseProvider.PostgreSql:
                ExecutePostgreSql($"""CREATE DATABASE "{name}" TEMPLATE template0 ENCODING 'UTF8'""");
                break;
            default:
                ExecuteSqlServer($"CREATE DATABASE [{name}]");
                break;
        }

        Made.TryAdd(name, 0);
        return name;
    }

    /// <summary>The service's connection string to <paramref name="database"/>.</summary>
    public static string ConnectionString(string database) => Current switch
    {
        DatabaseProvider.Sqlite => $"Data Source={database}",
        DatabaseProvider.PostgreSql => new NpgsqlConnectionStringBuilder(Server.Value) { Database = database }.ConnectionString,
        _ => new SqlConnectionStringBuilder(Server.Value) { InitialCatalog = database }.ConnectionString,
    };

    /// <summary>
    /// A connection string to a database that cannot be reached: for SQLite a file that does not
    /// exist and may not be created; for a server, a local port nothing listens on.
    /// </summary>
    public static string UnreachableConnectionString()
    {
        var name = $"{DatabasePrefix}missing_{Guid.NewGuid():N}";
        return Current switch
        {
            // ReadWrite (not ReadWriteCreate): the file does not exist and may not be created.
            DatabaseProvider.Sqlite => $"Data Source={Path.Combine(Path.GetTempPath(), $"{name}.db")};Mode=ReadWrite",
            DatabaseProvider.PostgreSql => new NpgsqlConnectionStringBuilder(Server.Value)
            {
                Host = IPAddress.Loopback.ToString(),
                Port = ClosedPort(),
                Database = name,
            }.ConnectionString,
            _ => new SqlConnectionStringBuilder(Server.Value)
            {
                DataSource = $"tcp:{IPAddress.Loopback},{ClosedPort()}",
                InitialCatalog = name,
                ConnectTimeout = 2,
            }.ConnectionString,
        };
    }

    /// <summary>Deletes a database made by <see cref="NewDatabase"/>, closing whatever connections are still open to it.</summary>
    public static void DeleteDatabase(string database)
    {
        switch (Current)
        {
            case DatabaseProvider.Sqlite:
                SqliteConnection.ClearAllPools();
                foreach (var path in new[] { database, $"{database}-wal", $"{database}-shm" })
                {
                    File.Delete(path);
                }

                break;
            case DatabaseProvider.PostgreSql:
                using (var connection = new NpgsqlConnection(ConnectionString(database)))
                {
                    NpgsqlConnection.ClearPool(connection);
                }

                ExecutePostgreSql($"""DROP DATABASE IF EXISTS "{database}" WITH (FORCE)""");
                break;
            default:
                using (var connection = new SqlConnection(ConnectionString(database)))
                {
                    SqlConnection.ClearPool(connection);
                }

                ExecuteSqlServer(
                    $"IF DB_ID(N'{database}') IS NOT NULL BEGIN ALTER DATABASE [{database}] SET SINGLE_USER WITH ROLLBACK IMMEDIATE; DROP DATABASE [{database}]; END");
                break;
        }

        Made.TryRemove(database, out _);
    }

    /// <summary>Drops every database this run made that its test did not.</summary>
    public static void DeleteLeftDatabases()
    {
        foreach (var database in Made.Keys)
        {
            DeleteDatabase(database);
        }
    }

    /// <summary>Adds to the options of the service's context, whichever engine's context it is.</summary>
    public static void ConfigureDbContext(IServiceCollection services, Action<DbContextOptionsBuilder> configure)
    {
        switch (Current)
        {
            case DatabaseProvider.Sqlite:
                services.ConfigureDbContext<SqliteCustomerDbContext>(configure);
                break;
            case DatabaseProvider.PostgreSql:
                services.ConfigureDbContext<PostgreSqlCustomerDbContext>(configure);
                break;
            default:
                services.ConfigureDbContext<SqlServerCustomerDbContext>(configure);
                break;
        }
    }

    private static DatabaseProvider FromEnvironment()
    {
        var named = Environment.GetEnvironmentVariable(EngineVariable);
        if (string.IsNullOrWhiteSpace(named))
        {
            return DatabaseProvider.Sqlite;
        }

        return Enum.TryParse<DatabaseProvider>(named, ignoreCase: true, out var engine) && Enum.IsDefined(engine)
            ? engine
            : throw new InvalidOperationException($"{EngineVariable} must be Sqlite, PostgreSql or SqlServer, not '{named}'.");
    }

    /// <summary>A local port that nothing listens on: one the system just gave out and that was closed again.</summary>
    private static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static void ExecutePostgreSql(string sql)
    {
        using var connection = new NpgsqlConnection(Server.Value);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    private static void ExecuteSqlServer(string sql)
    {
        using var connection = new SqlConnection(Server.Value);
        connection.Open();
        using var command = new SqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
