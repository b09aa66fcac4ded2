using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;

namespace CustomerService.Api.IntegrationTests.Security;

/// <summary>
/// The first hour in Development: a 401 says how to mint a token, and a signing key that
/// <c>dotnet user-jwts</c> writes into user secrets after the start is trusted without a restart.
/// </summary>
public sealed class DevelopmentTokenTests
{
    /// <summary>Where user secrets live on Linux and macOS is derived from this variable first.</summary>
    private const string UserSecretsRootVariable = "APPDATA";

    private const string UserSecretsId = "5d7c2b0e-3f64-4a8e-9c1d-6e2f8a4b7c10";
    private static readonly string LaterKey = Convert.ToBase64String("a-key-minted-after-the-start-32b"u8.ToArray());

    private string? _previousRoot;
    private string _root = null!;
    private CustomerServiceFactory _factory = null!;

    [SetUp]
    public void StartInDevelopmentWithoutUserSecrets()
    {
        _previousRoot = Environment.GetEnvironmentVariable(UserSecretsRootVariable);
        _root = Directory.CreateTempSubdirectory("user-secrets-").FullName;
        Environment.SetEnvironmentVariable(UserSecretsRootVariable, _root);
        _factory = new CustomerServiceFactory();
    }

    [TearDown]
    public void Stop()
    {
        _factory.Dispose();
        CustomerServiceFactory.DeleteDatabase(_factory.Database);
        Environment.SetEnvironmentVariable(UserSecretsRootVariable, _previousRoot);
        Directory.Delete(_root, recursive: true);
    }

    [Test]
    public async Task In_development_a_401_says_how_to_mint_a_token()
    {
        using var development = _factory.WithWebHostBuilder(builder => builder.UseEnvironment("Development"));
        using var client = development.CreateClient();
        client.DefaultRequestHeaders.Authorization = null;

        using var response = await client.GetAsync(ContractClient.CustomersPath);

        await response.AssertErrorAsync(401, "UNAUTHORIZED");
        var message = (await response.ReadObjectAsync())["error"].Text("message");
        Assert.That(message, Does.StartWith("A valid bearer token is required. In Development, mint one with: dotnet user-jwts create --project src/Api "));
    }

    [Test]
    public async Task In_development_a_key_written_to_user_secrets_after_the_start_is_trusted_without_a_restart()
    {
        using var development = _factory.WithWebHostBuilder(builder => builder.UseEnvironment("Development"));
        using var client = development.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.Mint(_factory.ParticipantId, signingKey: LaterKey));
        using (var before = await client.GetAsync(ContractClient.CustomersPath))
        {
            Assert.That(before.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        }

        var folder = Path.Combine(_root, "Microsoft", "UserSecrets", UserSecretsId);
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "secrets.json"), JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["Authentication:Schemes:Bearer:SigningKeys"] = new Dictionary<string, object>
            {
                ["1"] = new { Issuer = TestTokens.Issuer, Value = LaterKey },
            },
        }));

        var status = HttpStatusCode.Unauthorized;
        for (var attempt = 0; attempt < 50 && status == HttpStatusCode.Unauthorized; attempt++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(200));
            using var after = await client.GetAsync(ContractClient.CustomersPath);
            status = after.StatusCode;
        }

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
    }
}
