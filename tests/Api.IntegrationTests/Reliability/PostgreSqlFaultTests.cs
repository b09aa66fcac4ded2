using System.Net;
using CustomerService.Infrastructure.Persistence;
using Npgsql;

namespace CustomerService.Api.IntegrationTests.Reliability;

/// <summary>
/// The ways a PostgreSQL server refuses to serve: each is a 503 with Retry-After and writes
/// nothing, or is retried away unseen; never a 500 (docs/contract.md, section 4).
/// </summary>
public sealed class PostgreSqlFaultTests
{
    [OneTimeSetUp]
    public void OnPostgreSqlOnly() => Engine.Require(DatabaseProvider.PostgreSql, "these are states of a PostgreSQL server");

    [Test]
    public async Task Database_missing_on_the_server_returns_503_with_retry_after()
    {
        var missing = Engine.ConnectionString($"customer_service_test_missing_{Guid.NewGuid():N}");

        using var response = await SendToServiceOnAsync(missing);

        await response.AssertErrorAsync(503, "SERVICE_UNAVAILABLE");
        Assert.That(response.Headers.RetryAfter?.Delta, Is.GreaterThan(TimeSpan.Zero));
    }

    [Test]
    public async Task Login_the_server_refuses_is_a_configuration_error_said_once_at_critical_and_named_by_readiness()
    {
        var database = Engine.NewDatabase();
        var refused = new NpgsqlConnectionStringBuilder(Engine.ConnectionString(database))
        {
            Username = $"no_such_role_{Guid.NewGuid():N}",
            Password = "wrong",
        }.ConnectionString;
        var logs = new CapturedLogs();
        using var factory = new CustomerServiceFactory(database, settings: new Dictionary<string, string?>
        {
            ["ConnectionStrings:CustomerService"] = refused,
            ["Database:MigrateOnStartup"] = "false",
        });
        using var service = factory.WithWebHostBuilder(logs.AddTo);
        using var client = service.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", TestTokens.Mint(factory.ParticipantId));
        try
        {
            using var first = await client.GetAsync(ContractClient.CustomersPath);
            using var second = await client.CreateCustomerAsync(ContractClient.UniqueExternalId("refused-login"));
            using var ready = await client.GetAsync("/health/ready");

            await first.AssertErrorAsync(500, "INTERNAL_ERROR");
            await second.AssertErrorAsync(500, "INTERNAL_ERROR");
            var notReady = await ready.AssertErrorAsync(503, "SERVICE_UNAVAILABLE");
            Assert.Multiple(() =>
            {
                Assert.That(first.Headers.RetryAfter, Is.Null, "waiting mends no refused login");
                Assert.That(notReady.Select(detail => detail!["message"]!.GetValue<string>()), Has.Some.Contains("refused the service's login"));
                Assert.That(notReady.ToJsonString(), Does.Not.Contain("no_such_role"), "readiness never quotes the database's own error");
                Assert.That(logs.Lines.Count(line => line.Level == Microsoft.Extensions.Logging.LogLevel.Critical), Is.EqualTo(1), "said once, however often it happens");
                Assert.That(logs.Lines.Single(line => line.Level == Microsoft.Extensions.Logging.LogLevel.Critical).Message, Does.Contain("ConnectionStrings:CustomerService"));
            });
        }
        finally
        {
            Engine.DeleteDatabase(database);
        }
    }

    [Test]
    public async Task Server_with_no_connection_left_returns_503_with_retry_after()
    {
        var database = Engine.NewDatabase();
        var role = $"no_connections_left_{Guid.NewGuid():N}";
        await ExecuteAsync(database, $"""CREATE ROLE "{role}" LOGIN CONNECTION LIMIT 0""");
        try
        {
            // The server refuses every connection of this role as it would any over max_connections (53300).
            var full = new NpgsqlConnectionStringBuilder(Engine.ConnectionString(database)) { Username = role }.ConnectionString;

            using var response = await SendToServiceOnAsync(full);

            await response.AssertErrorAsync(503, "SERVICE_UNAVAILABLE");
            Assert.That(response.Headers.RetryAfter?.Delta, Is.GreaterThan(TimeSpan.Zero));
        }
        finally
        {
            await ExecuteAsync(database, $"""DROP ROLE "{role}" """);
            Engine.DeleteDatabase(database);
        }
    }

    [Test]
    public async Task Connections_the_server_ended_are_retried_and_the_request_succeeds()
    {
        using var factory = new CustomerServiceFactory();
        using var client = factory.CreateClient();
        try
        {
            var id = (await client.CreateCustomerOkAsync(ContractClient.UniqueExternalId("before-restart"))).Id();

            // What a server restart or a fail-over does to the pooled connections of the service.
            var ended = await ExecuteScalarAsync<long>(
                factory.Database,
                "SELECT COUNT(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()");
            using var read = await client.GetAsync($"{ContractClient.CustomersPath}/{id}");
            using var created = await client.CreateCustomerAsync(ContractClient.UniqueExternalId("after-restart"));

            Assert.Multiple(() =>
            {
                Assert.That(ended, Is.GreaterThan(0), "the service held pooled connections");
                Assert.That(read.StatusCode, Is.EqualTo(HttpStatusCode.OK));
                Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            });
        }
        finally
        {
            factory.Dispose();
            Engine.DeleteDatabase(factory.Database);
        }
    }

    [Test]
    public async Task Table_locked_past_the_command_timeout_returns_503_and_writes_nothing_then_recovers()
    {
        var database = Engine.NewDatabase();
        var oneSecond = new NpgsqlConnectionStringBuilder(Engine.ConnectionString(database)) { CommandTimeout = 1 }.ConnectionString;
        using var factory = new CustomerServiceFactory(database, settings: new Dictionary<string, string?>
        {
            ["ConnectionStrings:CustomerService"] = oneSecond,
        });
        using var client = factory.CreateClient();
        try
        {
            var existing = (await client.CreateCustomerOkAsync(ContractClient.UniqueExternalId("before-lock"))).Id();
            var externalId = ContractClient.UniqueExternalId("while-locked");

            HttpResponseMessage create;
            HttpResponseMessage update;
            await using (var blocker = OwnConnection(database))
            {
                await blocker.OpenAsync();
                await using var transaction = await blocker.BeginTransactionAsync();
                await using (var command = new NpgsqlCommand("""LOCK TABLE "Customers" IN ACCESS EXCLUSIVE MODE""", blocker, transaction))
                {
                    await command.ExecuteNonQueryAsync();
                }

                create = await client.CreateCustomerAsync(externalId);
                update = await client.PutAsync($"{ContractClient.CustomersPath}/{existing}", ContractClient.Json("""{"status":"suspended"}"""));
            }

            using (create)
            using (update)
            {
                await create.AssertErrorAsync(503, "SERVICE_UNAVAILABLE");
                await update.AssertErrorAsync(503, "SERVICE_UNAVAILABLE");
            }

            var listed = await client.ListCustomersOkAsync($"?externalId={externalId}");
            var (current, _) = await client.GetCustomerOkAsync(existing);
            using var retried = await client.CreateCustomerAsync(externalId);

            Assert.Multiple(() =>
            {
                Assert.That(listed, Is.Empty, "the refused create wrote nothing");
                Assert.That(current["status"]!.GetValue<string>(), Is.EqualTo("active"), "the refused update wrote nothing");
                Assert.That(retried.StatusCode, Is.EqualTo(HttpStatusCode.Created), "the retry succeeds once the lock is gone");
            });
        }
        finally
        {
            factory.Dispose();
            Engine.DeleteDatabase(database);
        }
    }

    /// <summary>One request to a service whose connection string is <paramref name="connectionString"/>, which it does not migrate.</summary>
    private static async Task<HttpResponseMessage> SendToServiceOnAsync(string connectionString)
    {
        using var factory = new CustomerServiceFactory(settings: new Dictionary<string, string?>
        {
            ["ConnectionStrings:CustomerService"] = connectionString,
            ["Database:MigrateOnStartup"] = "false",
        });
        using var client = factory.CreateClient();
        try
        {
            return await client.GetAsync(ContractClient.CustomersPath);
        }
        finally
        {
            Engine.DeleteDatabase(factory.Database);
        }
    }

    /// <summary>A connection of the test's own, never one from the service's pool.</summary>
    private static NpgsqlConnection OwnConnection(string database) =>
        new(new NpgsqlConnectionStringBuilder(Engine.ConnectionString(database)) { Pooling = false }.ConnectionString);

    private static async Task ExecuteAsync(string database, string sql)
    {
        await using var connection = OwnConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<T> ExecuteScalarAsync<T>(string database, string sql)
    {
        await using var connection = OwnConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
