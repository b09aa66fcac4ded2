using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace CustomerService.Api.IntegrationTests.Operations;

/// <summary>
/// The start says what a person needs (environment, database, migrations, authentication, where
/// to look), and a database that cannot be reached for migrating stops it with one sentence.
/// </summary>
public sealed class StartTests
{
    [Test]
    public void The_start_says_the_environment_database_migrations_authentication_and_where_to_look()
    {
        var database = CustomerServiceFactory.NewDatabase();
        try
        {
            var first = Start(new CustomerServiceFactory(database));
            var again = Start(new CustomerServiceFactory(database));

            Assert.Multiple(() =>
            {
                Assert.That(first.Single(line => line.Message.StartsWith("Environment:", StringComparison.Ordinal)).Message, Is.EqualTo("Environment: Testing"));
                var databaseLine = first.Single(line => line.Message.StartsWith("Database:", StringComparison.Ordinal));
                Assert.That(databaseLine.Values["Provider"], Is.EqualTo(Engine.Current.ToString()));
                Assert.That(databaseLine.Values["DatabaseLocation"] as string, Does.Contain(database).And.Not.Contain("assword"));
                Assert.That(databaseLine.Values["Migrations"] as string, Does.Match("^applied [1-9][0-9]*$"));
                Assert.That(again.Single(line => line.Message.StartsWith("Database:", StringComparison.Ordinal)).Values["Migrations"], Is.EqualTo("none pending"));
                Assert.That(first.Single(line => line.Message.StartsWith("Authentication:", StringComparison.Ordinal)).Values["KeyedIssuers"], Is.EqualTo(TestTokens.Issuer));
                var addresses = first.Single(line => line.Message.StartsWith("API reference:", StringComparison.Ordinal)).Values;
                Assert.That(addresses["ScalarUrl"] as string, Does.EndWith("/scalar"));
                Assert.That(addresses["ReadyUrl"] as string, Does.EndWith("/health/ready"));
            });
        }
        finally
        {
            CustomerServiceFactory.DeleteDatabase(database);
        }
    }

    [Test]
    public void The_start_says_when_migrations_were_skipped()
    {
        var database = CustomerServiceFactory.NewDatabase();
        try
        {
            var lines = Start(new CustomerServiceFactory(database, settings: new Dictionary<string, string?> { ["Database:MigrateOnStartup"] = "false" }));

            Assert.That(
                lines.Single(line => line.Message.StartsWith("Database:", StringComparison.Ordinal)).Values["Migrations"],
                Is.EqualTo("skipped (Database:MigrateOnStartup is false)"));
        }
        finally
        {
            CustomerServiceFactory.DeleteDatabase(database);
        }
    }

    [Test]
    public void A_database_that_cannot_be_reached_for_migrating_stops_the_start_promptly_with_one_critical_line()
    {
        var logs = new CapturedLogs();
        // The database named is never created: the connection string below replaces it.
        using var factory = new CustomerServiceFactory(database: "never_created", settings: new Dictionary<string, string?>
        {
            ["ConnectionStrings:CustomerService"] = Engine.UnreachableConnectionString(),
            ["Database:StartTimeout"] = "00:00:05",
        });
        using var logged = factory.WithWebHostBuilder(logs.AddTo);
        var clock = Stopwatch.StartNew();

        Assert.Catch(() => logged.CreateClient().Dispose());

        var serious = logs.Lines.Where(line => line.Level >= LogLevel.Error).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(20)));
            Assert.That(serious.Select(line => (line.Level, line.Category)), Is.EqualTo(new[] { (LogLevel.Critical, "CustomerService.Infrastructure.Persistence.DatabaseInitializer") }));
            Assert.That(serious[0].Message, Does.Contain("could not be reached").And.Contain("missing_").And.Contain("ConnectionStrings:CustomerService"));
        });
    }

    [Test]
    public void A_server_that_never_answers_stops_the_start_within_the_start_timeout()
    {
        if (Engine.Current == CustomerService.Infrastructure.Persistence.DatabaseProvider.Sqlite)
        {
            Assert.Ignore("A SQLite file answers or fails at once; only a server can keep the start waiting.");
        }

        // Connections complete in the listener's backlog and are never answered.
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var port = ((IPEndPoint)silent.LocalEndpoint).Port;
        var logs = new CapturedLogs();
        using var factory = new CustomerServiceFactory(database: "never_created", settings: new Dictionary<string, string?>
        {
            ["ConnectionStrings:CustomerService"] = Engine.Current == CustomerService.Infrastructure.Persistence.DatabaseProvider.PostgreSql
                ? $"Host=127.0.0.1;Port={port};Database=silent;Username=nobody;Timeout=60"
                : $"Server=tcp:127.0.0.1,{port};Database=silent;User Id=nobody;Connect Timeout=60;TrustServerCertificate=true",
            ["Database:StartTimeout"] = "00:00:02",
        });
        using var logged = factory.WithWebHostBuilder(logs.AddTo);
        var clock = Stopwatch.StartNew();

        Assert.Catch(() => logged.CreateClient().Dispose());

        Assert.Multiple(() =>
        {
            Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(15)));
            Assert.That(logs.Lines.Where(line => line.Level >= LogLevel.Error).Select(line => line.Message), Has.One.Contains("no answer within 2 s"));
        });
    }

    private static List<CapturedLogs.LogLine> Start(CustomerServiceFactory factory)
    {
        var logs = new CapturedLogs();
        using (factory)
        using (var logged = factory.WithWebHostBuilder(logs.AddTo))
        using (logged.CreateClient())
        {
            return [.. logs.From("StartSummary")];
        }
    }
}
