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
    public async Task Document_describes_every_api_route_and_nothing_else()
    {
        var paths = (await LiveDocumentAsync())["paths"]!.AsObject();

        Assert.That(paths.Select(path => path.Key), Is.EquivalentTo(ApiEndpoints().Select(endpoint => endpoint.Path).Distinct()));
    }

    [Test]
    public async Task Every_api_endpoint_is_documented_with_its_sdk_name_described_parameters_a_declared_success_response_and_error_responses_with_their_codes()
    {
        var document = await LiveDocumentAsync();
        var endpoints = ApiEndpoints();

        Assert.That(endpoints, Is.Not.Empty);
        foreach (var (method, path) in endpoints)
        {
            var operation = document["paths"]?[path]?[method.ToLowerInvariant()];
            Assert.That(operation, Is.Not.Null, $"{method} {path} is not in the document");
            var responses = operation!["responses"]!.AsObject();
            Assert.Multiple(() =>
            {
                Assert.That(operation["operationId"]?.GetValue<string>(), Is.Not.Null.And.Not.Empty, $"{method} {path} has no operationId");
                Assert.That(
                    operation["parameters"]?.AsArray().Where(parameter => string.IsNullOrWhiteSpace(parameter?["description"]?.GetValue<string>())).Select(parameter => parameter?["name"]?.GetValue<string>()),
                    Is.Empty,
                    $"{method} {path}: parameters without a description (declare [Description] on the parameter)");
                Assert.That(operation["summary"]?.GetValue<string>(), Is.EqualTo(operation["operationId"]?.GetValue<string>()), $"{method} {path}");
                Assert.That(
                    responses.Where(response => response.Key[0] == '2').Select(response => response.Value!["description"]!.GetValue<string>()),
                    Has.Some.Not.EqualTo("OK").And.Not.EqualTo("Created"),
                    $"{method} {path} declares no success response of its own (ProducesResponseType with a description)");
                Assert.That(responses.Select(response => response.Key), Is.SupersetOf(new[] { "400", "401", "403", "429", "500", "503" }), $"{method} {path}");
                foreach (var (status, response) in responses.Where(response => response.Key[0] is '4' or '5'))
                {
                    AssertDocumentedError($"{method} {path} {status}", response!);
                }

                Assert.That(operation["security"]?[0]?["Bearer"]?.AsArray(), Is.Not.Null.And.Not.Empty, $"{method} {path} names no scope");
            });
        }

        Assert.That(document["components"]!["securitySchemes"]!["Bearer"]!["scheme"]!.GetValue<string>(), Is.EqualTo("bearer"));
    }

    [Test]
    public async Task Operation_ids_are_the_sdks_method_names()
    {
        var paths = (await LiveDocumentAsync())["paths"]!;
        const string customers = "/api/v1/account-manager/customers";

        Assert.Multiple(() =>
        {
            Assert.That(paths[customers]!["post"]!["operationId"]!.GetValue<string>(), Is.EqualTo("create"));
            Assert.That(paths[customers]!["get"]!["operationId"]!.GetValue<string>(), Is.EqualTo("findAll"));
            Assert.That(paths[$"{customers}/{{id}}"]!["get"]!["operationId"]!.GetValue<string>(), Is.EqualTo("getById"));
            Assert.That(paths[$"{customers}/{{id}}"]!["put"]!["operationId"]!.GetValue<string>(), Is.EqualTo("update"));
            Assert.That(paths[$"{customers}/{{id}}"]!["delete"]!["operationId"]!.GetValue<string>(), Is.EqualTo("delete"));
            Assert.That(paths[$"{customers}/{{id}}/accounts/addresses"]!["get"]!["operationId"]!.GetValue<string>(), Is.EqualTo("getAllAddressesForCustomer"));
            Assert.That(paths[$"{customers}/{{id}}/accounts"]!["post"]!["operationId"]!.GetValue<string>(), Is.EqualTo("addAccount"));
            Assert.That(paths[$"{customers}/{{id}}/accounts"]!["get"]!["operationId"]!.GetValue<string>(), Is.EqualTo("listAccounts"));
            Assert.That(paths[$"{customers}/{{id}}/accounts/{{accountId}}"]!["get"]!["operationId"]!.GetValue<string>(), Is.EqualTo("getAccount"));
        });
    }

    [Test]
    public async Task Webhook_endpoint_operations_name_their_own_scope_and_the_limit_error()
    {
        var paths = (await LiveDocumentAsync())["paths"]!;
        const string endpoints = "/api/v1/account-manager/webhook-endpoints";
        string Scope(string path, string method) => paths[path]![method]!["security"]![0]!["Bearer"]![0]!.GetValue<string>();

        Assert.Multiple(() =>
        {
            Assert.That(Scope(endpoints, "post"), Is.EqualTo("webhooks:write"));
            Assert.That(Scope(endpoints, "get"), Is.EqualTo("webhooks:read"));
            Assert.That(Scope($"{endpoints}/{{id}}", "get"), Is.EqualTo("webhooks:read"));
            Assert.That(Scope($"{endpoints}/{{id}}", "put"), Is.EqualTo("webhooks:write"));
            Assert.That(Scope($"{endpoints}/{{id}}", "delete"), Is.EqualTo("webhooks:write"));
            Assert.That(Scope($"{endpoints}/{{id}}/secret", "post"), Is.EqualTo("webhooks:write"));
            Assert.That(paths[endpoints]!["post"]!["responses"]!["409"]!["content"]!["application/json"]!["example"]!["error"]!["code"]!.GetValue<string>(), Is.EqualTo("WEBHOOK_ENDPOINT_LIMIT_REACHED"));
            Assert.That(paths[$"{endpoints}/{{id}}"]!["delete"]!["responses"]!["204"], Is.Not.Null);
        });
    }

    [Test]
    public async Task Delete_of_a_customer_is_documented_as_always_405_with_allow_and_the_error_body()
    {
        var delete = (await LiveDocumentAsync())["paths"]!["/api/v1/account-manager/customers/{id}"]!["delete"]!;
        var responses = delete["responses"]!.AsObject();
        var notAllowed = responses["405"]!;

        Assert.Multiple(() =>
        {
            Assert.That(responses.Select(response => response.Key), Has.None.StartsWith("2"));
            Assert.That(notAllowed["headers"]?["Allow"]?["description"]?.GetValue<string>(), Does.Contain("`GET, PUT`"));
            Assert.That(notAllowed["content"]?["application/json"]?["example"]?["error"]?["code"]?.GetValue<string>(), Is.EqualTo("METHOD_NOT_ALLOWED"));
            Assert.That(delete["security"]?[0]?["Bearer"]?.AsArray(), Is.Empty, "any valid token gets the 405");
            foreach (var (status, response) in responses)
            {
                AssertDocumentedError($"DELETE {status}", response!);
            }
        });
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
    public async Task Every_enum_is_one_component_schema_that_requests_answers_and_the_status_query_refer_to()
    {
        var document = await LiveDocumentAsync();
        var schemas = document["components"]!["schemas"]!;
        var statusQuery = document["paths"]!["/api/v1/account-manager/customers"]!["get"]!["parameters"]!.AsArray().Single(parameter => parameter!["name"]!.GetValue<string>() == "status")!;

        Assert.Multiple(() =>
        {
            Assert.That(EnumLocations(document, "$"), Is.EquivalentTo(new[] { "$.components.schemas.CustomerStatus", "$.components.schemas.Network", "$.components.schemas.WebhookEventType" }));
            foreach (var schema in new[] { "CreateWebhookEndpointRequest", "UpdateWebhookEndpointRequest", "CreatedWebhookEndpointDto", "WebhookEndpointDto" })
            {
                Assert.That(schemas[schema]!["properties"]!["eventTypes"]!["items"]!["$ref"]?.GetValue<string>(), Is.EqualTo("#/components/schemas/WebhookEventType"), schema);
            }

            Assert.That(schemas["CreateCustomerRequest"]!["properties"]!["status"]!["$ref"]?.GetValue<string>(), Is.EqualTo("#/components/schemas/CustomerStatus"));
            Assert.That(schemas["UpdateCustomerRequest"]!["properties"]!["status"]!["$ref"]?.GetValue<string>(), Is.EqualTo("#/components/schemas/CustomerStatus"));
            Assert.That(schemas["CustomerDto"]!["properties"]!["status"]!["$ref"]?.GetValue<string>(), Is.EqualTo("#/components/schemas/CustomerStatus"));
            Assert.That(statusQuery["schema"]!["$ref"]?.GetValue<string>(), Is.EqualTo("#/components/schemas/CustomerStatus"));
            Assert.That(schemas["AddAccountRequest"]!["properties"]!["network"]!["$ref"]?.GetValue<string>(), Is.EqualTo("#/components/schemas/Network"));
            Assert.That(schemas["AccountDto"]!["properties"]!["network"]!["$ref"]?.GetValue<string>(), Is.EqualTo("#/components/schemas/Network"));
        });
    }

    [Test]
    public async Task Fields_always_sent_or_always_needed_are_required_and_only_the_label_is_optional()
    {
        var schemas = (await LiveDocumentAsync())["components"]!["schemas"]!;

        Assert.Multiple(() =>
        {
            Assert.That(Required(schemas["ErrorEnvelope"]!), Is.EquivalentTo(new[] { "error" }));
            Assert.That(Required(schemas["ApiError"]!), Is.EquivalentTo(new[] { "code", "message", "details" }));
            Assert.That(Required(schemas["FieldError"]!), Is.EquivalentTo(new[] { "field", "message" }));
            Assert.That(Required(schemas["CustomerDto"]!), Is.EquivalentTo(new[] { "id", "externalId", "status", "participantId", "accounts", "createdAt", "updatedAt" }));
            Assert.That(Required(schemas["AccountDto"]!), Is.EquivalentTo(new[] { "id", "network", "address", "createdAt" }));
            Assert.That(Required(schemas["CreateCustomerRequest"]!), Is.EquivalentTo(new[] { "externalId", "status" }));
            Assert.That(Required(schemas["UpdateCustomerRequest"]!), Is.EquivalentTo(new[] { "status" }));
            Assert.That(Required(schemas["AddAccountRequest"]!), Is.EquivalentTo(new[] { "network", "address" }));
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

    /// <summary>
    /// An error response as a client needs it: the error body, and the body of each code it carries as
    /// an example, each code named in the description.
    /// </summary>
    private static void AssertDocumentedError(string what, JsonNode response)
    {
        var media = response["content"]?["application/json"];
        var examples = media?["example"] is { } single ? [single] : media?["examples"]?.AsObject().Select(example => example.Value!["value"]!).ToArray() ?? [];
        var codes = examples.Select(example => example["error"]!["code"]!.GetValue<string>()).ToList();

        Assert.That(media?["schema"]?["$ref"]?.GetValue<string>(), Is.EqualTo("#/components/schemas/ErrorEnvelope"), what);
        Assert.That(codes, Is.Not.Empty, $"{what} shows no error code (declare it with ProducesError)");
        var description = response["description"]?.GetValue<string>() ?? string.Empty;
        Assert.That(codes.Where(code => !description.Contains($"`{code}`", StringComparison.Ordinal)), Is.Empty, $"{what}: codes its description does not name");
    }

    private static IEnumerable<string> Required(JsonNode schema) =>
        schema["required"]?.AsArray().Select(name => name!.GetValue<string>()) ?? [];

    /// <summary>The JSON paths of the objects in <paramref name="node"/> that list enum values.</summary>
    private static IEnumerable<string> EnumLocations(JsonNode? node, string path) => node switch
    {
        JsonObject value when value.ContainsKey("enum") => [path],
        JsonObject value => value.SelectMany(member => EnumLocations(member.Value, $"{path}.{member.Key}")),
        JsonArray items => items.SelectMany((item, index) => EnumLocations(item, $"{path}[{index}]")),
        _ => [],
    };

    /// <summary>Every API endpoint the service routes, as the document spells its method and path.</summary>
    private List<(string Method, string Path)> ApiEndpoints() =>
    [
        .. Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(endpoint => endpoint.RoutePattern.RawText!.StartsWith("api/", StringComparison.Ordinal))
            .SelectMany(endpoint => endpoint.Metadata.GetRequiredMetadata<IHttpMethodMetadata>().HttpMethods.Select(method =>
                (method, "/" + endpoint.RoutePattern.RawText!.Replace("{version:apiVersion}", "1", StringComparison.Ordinal)))),
    ];

    private async Task<JsonNode> LiveDocumentAsync()
    {
        using var anonymous = Factory.CreateAnonymousClient();
        return JsonNode.Parse(await anonymous.GetStringAsync("/openapi/v1.json"))!;
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
