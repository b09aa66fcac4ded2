using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CustomerService.Api.IntegrationTests;

/// <summary>
/// Hosts the real application on a real SQLite file of its own. Two factories given the same file
/// see the same data, which is how a restart is simulated. A clock may be given so that timestamps
/// are deterministic; otherwise the system clock is used.
/// </summary>
public sealed class CustomerServiceFactory : WebApplicationFactory<Program>
{
    public const string DefaultParticipant = "participant-test";

    private readonly TimeProvider? _clock;

    public CustomerServiceFactory(string? databaseFile = null, string participantId = DefaultParticipant, TimeProvider? clock = null)
    {
        DatabaseFile = databaseFile ?? NewDatabaseFile();
        ParticipantId = participantId;
        _clock = clock;
    }

    public string DatabaseFile { get; }

    public string ParticipantId { get; }

    public static string NewDatabaseFile() =>
        Path.Combine(Path.GetTempPath(), $"customer-service-tests-{Guid.NewGuid():N}.db");

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
        if (_clock is not null)
        {
            builder.ConfigureTestServices(services => services.Replace(ServiceDescriptor.Singleton(_clock)));
        }
    }
}
