using System.Net.Http.Headers;
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
/// are deterministic; otherwise the system clock is used. Clients it creates carry a bearer token
/// for its participant with both scopes; use <see cref="CreateAnonymousClient"/> to send your own.
/// </summary>
public sealed class CustomerServiceFactory : WebApplicationFactory<Program>
{
    public const string DefaultParticipant = "participant-test";

    private readonly TimeProvider? _clock;
    private readonly Dictionary<string, string?> _settings;

    /// <param name="databaseFile">The SQLite file; a new one when not given.</param>
    /// <param name="participantId">The participant the clients' tokens name.</param>
    /// <param name="clock">The service's clock; the system clock when not given.</param>
    /// <param name="settings">Configuration to add; by default the rate limits are set out of the way.</param>
    public CustomerServiceFactory(
        string? databaseFile = null,
        string participantId = DefaultParticipant,
        TimeProvider? clock = null,
        IReadOnlyDictionary<string, string?>? settings = null)
    {
        DatabaseFile = databaseFile ?? NewDatabaseFile();
        ParticipantId = participantId;
        _clock = clock;
        _settings = new Dictionary<string, string?>
        {
            ["RateLimiting:TokenLimit"] = "1000000",
            ["RateLimiting:TokensPerPeriod"] = "1000000",
            ["RateLimiting:Anonymous:TokenLimit"] = "1000000",
            ["RateLimiting:Anonymous:TokensPerPeriod"] = "1000000",
            ["Limits:ConcurrentFullLists"] = "1000",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }
    }

    public string DatabaseFile { get; }

    public string ParticipantId { get; }

    /// <summary>A service whose database file does not exist and may not be created: every query fails to open it.</summary>
    public static CustomerServiceFactory WithUnreachableDatabase()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"customer-service-missing-{Guid.NewGuid():N}.db");
        return new CustomerServiceFactory(settings: new Dictionary<string, string?>
        {
            // ReadWrite (not ReadWriteCreate): the file does not exist and may not be created.
            ["ConnectionStrings:CustomerService"] = $"Data Source={missing};Mode=ReadWrite",
            ["Database:MigrateOnStartup"] = "false",
        });
    }

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
        builder.UseSetting("Authentication:Schemes:Bearer:ValidIssuer", TestTokens.Issuer);
        builder.UseSetting("Authentication:Schemes:Bearer:ValidAudiences:0", TestTokens.Audience);
        builder.UseSetting("Authentication:Schemes:Bearer:SigningKeys:0:Issuer", TestTokens.Issuer);
        builder.UseSetting("Authentication:Schemes:Bearer:SigningKeys:0:Value", TestTokens.TrustedKey);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        if (_clock is not null)
        {
            builder.ConfigureTestServices(services => services.Replace(ServiceDescriptor.Singleton(_clock)));
        }
    }

    /// <summary>A client that sends no token of its own.</summary>
    public HttpClient CreateAnonymousClient()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = null;
        return client;
    }

    protected override void ConfigureClient(HttpClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        base.ConfigureClient(client);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.Mint(ParticipantId));
    }
}
