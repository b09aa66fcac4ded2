using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;

namespace CustomerService.Api.IntegrationTests;

/// <summary>
/// Hosts the real application on a real SQLite file of its own. Two factories given the same file
/// see the same data, which is how a restart is simulated.
/// </summary>
public sealed class CustomerServiceFactory : WebApplicationFactory<Program>
{
    public const string DefaultParticipant = "participant-test";

    public CustomerServiceFactory(string? databaseFile = null, string participantId = DefaultParticipant)
    {
        DatabaseFile = databaseFile ?? Path.Combine(Path.GetTempPath(), $"customer-service-tests-{Guid.NewGuid():N}.db");
        ParticipantId = participantId;
    }

    public string DatabaseFile { get; }

    public string ParticipantId { get; }

    /// <summary>Deletes a database file and its write-ahead log once no host uses it.</summary>
    public static void DeleteDatabase(string file)
    {
        SqliteConnection.ClearAllPools();
        foreach (var path in new[] { file, $"{file}-wal", $"{file}-shm" })
        {
            File.Delete(path);
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Database:MigrateOnStartup", "true");
        builder.UseSetting("ConnectionStrings:CustomerService", $"Data Source={DatabaseFile}");
        builder.UseSetting("Tenancy:DefaultParticipantId", ParticipantId);
    }
}
