using CustomerService.Api;
using CustomerService.Api.Errors;
using CustomerService.Api.Http;
using CustomerService.Api.OpenApi;
using CustomerService.Api.Operations;
using CustomerService.Api.Security;
using CustomerService.Application;
using CustomerService.Infrastructure;
using CustomerService.Infrastructure.Persistence;

var builder = WebApplication.CreateBuilder(args);
DevelopmentUserSecrets.WatchEvenIfAbsent(builder);
builder.WebHost.ConfigureKestrel(kestrel =>
{
    kestrel.AddServerHeader = false;
    kestrel.Limits.MaxRequestBodySize = RequestBodyLimitMiddleware.MaxBodyBytes;
});

builder.Logging.ClearProviders();

// ASP.NET Core's hosting opens a scope of its own with a RequestId (the connection's trace id)
// before the service's id is known, so every line carried two different request ids. Its lines
// (request starting and finished) repeat the service's request line, so it is turned off, and
// with it that scope.
builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.None);

// In Development one readable line per entry: the request line names its own request id, so
// scopes would only repeat it. Outside Development JSON lines for log collectors, whose scopes
// carry the request id on every line of a request.
if (builder.Environment.IsDevelopment())
{
    builder.Logging.AddSimpleConsole(console =>
    {
        console.SingleLine = true;
        console.IncludeScopes = false;
    });
}
else
{
    builder.Logging.AddJsonConsole(console =>
    {
        console.IncludeScopes = true;
        console.UseUtcTimestamp = true;
        console.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
    });
}

// On SIGTERM, requests in flight get this long to finish before the host stops.
builder.Services.Configure<HostOptions>(host =>
    host.ShutdownTimeout = builder.Configuration.GetValue("Shutdown:Timeout", TimeSpan.FromSeconds(30)));

builder.Services
    .AddApplication()
    .AddInfrastructure(builder.Configuration, builder.Environment.ContentRootPath)
    .AddApi(builder.Configuration)
    .AddTelemetry(builder.Configuration);

var app = builder.Build();

app.UseMiddleware<RequestIdMiddleware>();
app.UseMiddleware<RequestLoggingMiddleware>();
app.UseMiddleware<SecurityHeadersMiddleware>();
app.UseExceptionHandler();
app.UseStatusCodePages(context => ErrorResponseWriter.WriteForStatusAsync(context.HttpContext));
if (!app.Environment.IsDevelopment() && TransportSecurity.IsServedOverTls(app.Configuration))
{
    app.UseHsts();
    app.UseHttpsRedirection();
}

app.UseAnonymousRateLimiting();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();
app.UseMiddleware<RequestBodyLimitMiddleware>();
app.MapControllers();
app.MapHealthEndpoints();
app.MapContractOpenApi();

DatabaseStartReport database;
try
{
    database = await app.Services.InitializeDatabaseAsync();
}
catch (DatabaseUnreachableAtStartException)
{
    // Already logged, once, at Critical with what to check; a stack trace would only bury it.
    await app.DisposeAsync();
    return 1;
}

StartSummary.LogWhenStarted(app, database);
await app.RunAsync();
return 0;

/// <summary>The entry point; public so integration tests can host the application.</summary>
public partial class Program;
