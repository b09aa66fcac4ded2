using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CustomerService.Api.IntegrationTests;

/// <summary>
/// Hosts the real application on a real database of its own, on the engine of this run (see
/// <see cref="Engine"/>). Two factories given the same database see the same data, which is how a
/// restart is simulated. A clock may be given so that timestamps
/// are deterministic; otherwise the system clock is used. Clients it creates carry a bearer token
/// for its participant with both scopes; use <see cref="CreateAnonymousClient"/> to send your own.
/// </summary>
public sealed class CustomerServiceFactory : WebApplicationFactory<Program>
{
    public const string DefaultParticipant = "participant-test";

    private readonly TimeProvider? _clock;
    private readonly Dictionary<string, string?> _settings;

    /// <param name="database">The database (see <see cref="Engine.NewDatabase"/>); a new one when not given.</param>
    /// <param name="participantId">The participant the clients' tokens name.</param>
    /// <param name="clock">The service's clock; the system clock when not given.</param>
    /// <param name="settings">Configuration to add; by default the rate limits are set out of the way.</param>
    public CustomerServiceFactory(
        string? database = null,
        string participantId = DefaultParticipant,
        TimeProvider? clock = null,
        IReadOnlyDictionary<string, string?>? settings = null)
    {
        Database = database ?? NewDatabase();
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

    /// <summary>The database: a SQLite file, or a database's name on the test server.</summary>
    public string Database { get; }

    public string ParticipantId { get; }

    /// <summary>A service whose database cannot be reached: every query fails to open it.</summary>
    public static CustomerServiceFactory WithUnreachableDatabase() =>
        new(settings: new Dictionary<string, string?>
        {
            ["ConnectionStrings:CustomerService"] = Engine.UnreachableConnectionString(),
            ["Database:MigrateOnStartup"] = "false",
        });

    public static string NewDatabase() => Engine.NewDatabase();

    /// <summary>Deletes a database once no host uses it.</summary>
    public static void DeleteDatabase(string database) => Engine.DeleteDatabase(database);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", Engine.Current.ToString());
        builder.UseSetting("Database:MigrateOnStartup", "true");
        builder.UseSetting("ConnectionStrings:CustomerService", Engine.ConnectionString(Database));
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
