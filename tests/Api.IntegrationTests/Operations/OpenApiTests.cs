using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerService.Api.IntegrationTests.Operations;

public sealed class OpenApiTests : ServiceFixture
{
    /// <summary>Set to <c>1</c> to rewrite the committed document from the live one (then review the diff).</summary>
    private const string UpdateVariable = "UPDATE_OPENAPI_SNAPSHOT";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    [Test]
    public async Task Live_document_matches_the_committed_contract_snapshot()
    {
        using var anonymous = Factory.CreateAnonymousClient();
        var live = JsonNode.Parse(await anonymous.GetStringAsync("/openapi/v1.json"))!;
        var snapshotFile = Path.Combine(RepositoryRoot(), "docs", "openapi", "v1.json");
        var liveText = live.ToJsonString(Indented).ReplaceLineEndings("\n") + "\n";

        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            await File.WriteAllTextAsync(snapshotFile, liveText);
        }

        var committed = JsonNode.Parse(await File.ReadAllTextAsync(snapshotFile));
        if (!JsonNode.DeepEquals(live, committed))
        {
            var actualFile = Path.Combine(Path.GetTempPath(), $"openapi-v1-live-{Guid.NewGuid():N}.json");
            await File.WriteAllTextAsync(actualFile, liveText);
            Assert.Fail(
                $"The public contract changed: docs/openapi/v1.json differs from the live document (written to {actualFile}). " +
                $"If the change is intended, run the tests with {UpdateVariable}=1 and commit the new snapshot.");
        }
    }

    [Test]
    public async Task Document_describes_every_api_route_with_its_error_responses_and_the_bearer_scheme()
    {
        using var anonymous = Factory.CreateAnonymousClient();
        var document = JsonNode.Parse(await anonymous.GetStringAsync("/openapi/v1.json"))!;
        var paths = document["paths"]!.AsObject();
        var routes = Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Select(endpoint => endpoint.RoutePattern.RawText!)
            .Where(pattern => pattern.StartsWith("api/", StringComparison.Ordinal))
            .Select(pattern => "/" + pattern.Replace("{version:apiVersion}", "1", StringComparison.Ordinal))
            .ToHashSet();

        Assert.That(paths.Select(path => path.Key), Is.EquivalentTo(routes));
        foreach (var (path, operations) in paths)
        {
            foreach (var (method, operation) in operations!.AsObject())
            {
                var responses = operation!["responses"]!.AsObject();
                Assert.Multiple(() =>
                {
                    Assert.That(responses.Select(response => response.Key), Is.SupersetOf(new[] { "400", "401", "403", "429", "500", "503" }), $"{method} {path}");
                    Assert.That(responses.Any(response => response.Key.StartsWith('2')), $"{method} {path} has no success response");
                    foreach (var (status, response) in responses.Where(response => response.Key[0] is '4' or '5'))
                    {
                        Assert.That(response!["content"]?["application/json"]?["schema"]?["$ref"]?.GetValue<string>(), Is.EqualTo("#/components/schemas/ErrorEnvelope"), $"{method} {path} {status}");
                    }

                    Assert.That(operation["security"]?[0]?["Bearer"], Is.Not.Null, $"{method} {path}");
                });
            }
        }

        Assert.That(document["components"]!["securitySchemes"]!["Bearer"]!["scheme"]!.GetValue<string>(), Is.EqualTo("bearer"));
    }

    [Test]
    public async Task Document_spells_statuses_and_networks_as_the_contract_does()
    {
        using var anonymous = Factory.CreateAnonymousClient();
        var schemas = JsonNode.Parse(await anonymous.GetStringAsync("/openapi/v1.json"))!["components"]!["schemas"]!;

        Assert.Multiple(() =>
        {
            Assert.That(schemas["CustomerStatus"]!["enum"]!.AsArray().Select(value => value!.GetValue<string>()), Is.EqualTo(new[] { "active", "inactive", "deleted", "suspended" }));
            Assert.That(schemas["Network"]!["enum"]!.AsArray().Select(value => value!.GetValue<string>()), Is.EqualTo(new[] { "ethereum", "polygon", "arbitrum", "optimism", "base", "avalanche", "bsc", "solana", "bitcoin" }));
            Assert.That(schemas["CustomerDto"]!["properties"]!["createdAt"]!["format"]!.GetValue<string>(), Is.EqualTo("date-time"));
        });
    }

    [Test]
    public async Task Document_is_generated_once_per_process_and_then_served_as_generated()
    {
        var generated = 0;
        using var factory = new CustomerServiceFactory();
        using var counting = factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.Configure<OpenApiOptions>("v1", options => options.AddDocumentTransformer((_, _, _) =>
            {
                Interlocked.Increment(ref generated);
                return Task.CompletedTask;
            }))));
        using var anonymous = counting.CreateClient();
        anonymous.DefaultRequestHeaders.Authorization = null;

        var concurrentFirsts = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => anonymous.GetByteArrayAsync("/openapi/v1.json")));
        var later = await anonymous.GetByteArrayAsync("/openapi/v1.json");

        Assert.Multiple(() =>
        {
            Assert.That(generated, Is.EqualTo(1));
            Assert.That(concurrentFirsts, Is.All.EqualTo(later));
        });
        counting.Dispose();
        factory.Dispose();
        CustomerServiceFactory.DeleteDatabase(factory.Database);
    }

    [Test]
    public async Task Reference_page_answers_200_without_a_token()
    {
        using var anonymous = Factory.CreateAnonymousClient();

        using var response = await anonymous.GetAsync("/scalar/");
        var page = await response.Content.ReadAsStringAsync();

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/html"));
            Assert.That(page, Does.Contain("openapi/v1.json"));
        });
    }

    [Test]
    public async Task Reference_page_may_not_be_framed_and_runs_only_its_own_scripts()
    {
        using var anonymous = Factory.CreateAnonymousClient();

        using var response = await anonymous.GetAsync("/scalar/");
        var page = await response.Content.ReadAsStringAsync();
        var policy = string.Join(' ', response.Headers.GetValues("Content-Security-Policy"));
        var directives = policy.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .ToDictionary(directive => directive.Split(' ')[0], directive => directive.Split(' ').Skip(1).ToArray());
        var inlineScripts = Regex.Matches(page, "<script(?![^>]*\\ssrc=)[^>]*>(?<body>.*?)</script>", RegexOptions.Singleline)
            .Select(match => $"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(match.Groups["body"].Value)))}'")
            .ToArray();

        Assert.Multiple(() =>
        {
            Assert.That(response.Headers.GetValues("X-Frame-Options"), Is.EqualTo(new[] { "DENY" }));
            Assert.That(directives["default-src"], Is.EqualTo(new[] { "'none'" }));
            Assert.That(directives["frame-ancestors"], Is.EqualTo(new[] { "'none'" }));
            Assert.That(directives["connect-src"], Is.EqualTo(new[] { "'self'" }));
            Assert.That(inlineScripts, Has.Length.EqualTo(page.Split("<script").Skip(1).Count(tag => !tag[..tag.IndexOf('>', StringComparison.Ordinal)].Contains(" src=", StringComparison.Ordinal))), "every script tag without a src is an inline script");
            Assert.That(inlineScripts, Is.Not.Empty, "the page starts itself with an inline script");
            Assert.That(directives["script-src"], Is.EquivalentTo(new[] { "'self'" }.Concat(inlineScripts)), "only the page's own scripts and its inline start-up script, by hash");
        });
    }

    [Test]
    public async Task Reference_page_scripts_carry_the_same_policy()
    {
        using var anonymous = Factory.CreateAnonymousClient();

        using var response = await anonymous.GetAsync("/scalar/scalar.aspnetcore.js");

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(response.Headers.GetValues("X-Frame-Options"), Is.EqualTo(new[] { "DENY" }));
            Assert.That(string.Join(' ', response.Headers.GetValues("Content-Security-Policy")), Does.StartWith("default-src 'none'; script-src 'self';"));
        });
    }

    [Test]
    public async Task Reference_page_can_be_turned_off_by_configuration()
    {
        using var factory = new CustomerServiceFactory(settings: new Dictionary<string, string?> { ["OpenApi:ReferencePage"] = "false" });
        using var anonymous = factory.CreateAnonymousClient();
        using var authenticated = factory.CreateClient();

        try
        {
            using var page = await authenticated.GetAsync("/scalar/");
            using var document = await anonymous.GetAsync("/openapi/v1.json");

            await page.AssertErrorAsync(404, "NOT_FOUND");
            Assert.That(document.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }
        finally
        {
            factory.Dispose();
            CustomerServiceFactory.DeleteDatabase(factory.Database);
        }
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CustomerService.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("The repository root (CustomerService.sln) was not found.");
    }
}
