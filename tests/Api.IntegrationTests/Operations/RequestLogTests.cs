using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace CustomerService.Api.IntegrationTests.Operations;

/// <summary>One structured log line per request, carrying its path, route, status, request id and participant.</summary>
public sealed class RequestLogTests : ServiceFixture
{
    private readonly CapturedLogs _logs = new();
    private HttpClient _client = null!;

    [OneTimeSetUp]
    public void CaptureLogs() =>
        _client = Factory
            .WithWebHostBuilder(builder => builder
                .UseSetting("Logging:LogLevel:CustomerService", "Debug")
                .ConfigureTestServices(services => services.AddSingleton<ILoggerProvider>(_logs)))
            .CreateClient();

    [OneTimeTearDown]
    public void DisposeClient() => _client.Dispose();

    [Test]
    public async Task A_request_is_logged_once_with_path_route_template_status_request_id_and_participant()
    {
        var requestId = $"log-{Guid.NewGuid():N}";
        var path = $"{ContractClient.CustomersPath}/{Guid.NewGuid()}";
        using var request = ContractClient.Request(HttpMethod.Get, path);
        request.Headers.Add("X-Request-Id", requestId);

        using var response = await _client.SendAsync(request);

        var lines = _logs.Lines.Where(entry => entry.Category.EndsWith("RequestLoggingMiddleware", StringComparison.Ordinal)
                                                 && entry.Values.GetValueOrDefault("RequestId") as string == requestId).ToList();
        Assert.That(lines, Has.Count.EqualTo(1));
        var line = lines[0].Values;
        Assert.Multiple(() =>
        {
            Assert.That(line["Method"], Is.EqualTo("GET"));
            Assert.That(line["Path"], Is.EqualTo(path));
            Assert.That(line["Route"], Is.EqualTo("/api/v{version:apiVersion}/account-manager/customers/{id}"));
            Assert.That(line["StatusCode"], Is.EqualTo(404));
            Assert.That(line["ParticipantId"], Is.EqualTo(Factory.ParticipantId));
            Assert.That(line["DurationMs"], Is.TypeOf<double>());
        });
    }

    [Test]
    public async Task A_request_no_route_serves_is_logged_with_its_path()
    {
        var requestId = $"unmatched-{Guid.NewGuid():N}";
        var path = $"{ContractClient.CustomersPath}/{Guid.NewGuid()}";
        using var request = ContractClient.Request(HttpMethod.Delete, path);
        request.Headers.Add("X-Request-Id", requestId);

        using var response = await _client.SendAsync(request);

        var line = _logs.Lines.Single(entry => entry.Category.EndsWith("RequestLoggingMiddleware", StringComparison.Ordinal)
                                                 && entry.Values.GetValueOrDefault("RequestId") as string == requestId).Values;
        Assert.Multiple(() =>
        {
            Assert.That(line["Method"], Is.EqualTo("DELETE"));
            Assert.That(line["Path"], Is.EqualTo(path));
            Assert.That(line["StatusCode"], Is.EqualTo(405));
        });
    }

    [Test]
    public void In_development_the_console_writes_one_line_per_entry_without_scopes()
    {
        using var development = Factory.WithWebHostBuilder(builder => builder.UseEnvironment("Development"));

        var console = development.Services.GetRequiredService<IOptionsMonitor<SimpleConsoleFormatterOptions>>().CurrentValue;

        Assert.Multiple(() =>
        {
            Assert.That(console.SingleLine, Is.True);
            Assert.That(console.IncludeScopes, Is.False);
        });
    }

    [Test]
    public void Outside_development_the_console_writes_json_with_the_request_scope()
    {
        var console = Factory.Services.GetRequiredService<IOptionsMonitor<JsonConsoleFormatterOptions>>().CurrentValue;

        Assert.That(console.IncludeScopes, Is.True);
    }

    [Test]
    public async Task Handler_logs_of_a_request_carry_its_request_id_in_their_scope()
    {
        var requestId = $"scope-{Guid.NewGuid():N}";
        using var request = ContractClient.Request(HttpMethod.Get, $"{ContractClient.CustomersPath}/{Guid.NewGuid()}");
        request.Headers.Add("X-Request-Id", requestId);

        using var response = await _client.SendAsync(request);

        var handlerLines = _logs.Lines.Where(entry => entry.Category.Contains("LoggingBehavior", StringComparison.Ordinal)
                                                        && entry.ScopeRequestIds.Contains(requestId)).ToList();
        Assert.That(handlerLines, Is.Not.Empty);
    }

    [Test]
    public async Task The_scopes_of_a_request_carry_the_service_request_id_only()
    {
        var requestId = $"only-{Guid.NewGuid():N}";
        using var request = ContractClient.Request(HttpMethod.Get, $"{ContractClient.CustomersPath}/{Guid.NewGuid()}");
        request.Headers.Add("X-Request-Id", requestId);

        using var response = await _client.SendAsync(request);

        var handlerLine = _logs.Lines.First(entry => entry.Category.Contains("LoggingBehavior", StringComparison.Ordinal)
                                                       && entry.ScopeRequestIds.Contains(requestId));
        Assert.That(handlerLine.ScopeRequestIds, Is.EqualTo(new[] { requestId }));
    }

    [Test]
    public async Task The_token_and_the_body_are_never_logged()
    {
        var secret = $"secret-{Guid.NewGuid():N}";

        using var response = await _client.PostAsync(
            ContractClient.CustomersPath,
            ContractClient.Json($$"""{"externalId":"{{secret}}","status":"bogus"}"""));

        var token = _client.DefaultRequestHeaders.Authorization!.Parameter!;
        Assert.That(_logs.Lines.Select(entry => entry.Message), Has.None.Contains(secret).And.None.Contains(token));
    }
}
