using CustomerService.Api.Security;
using CustomerService.Infrastructure.Persistence;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace CustomerService.Api.Operations;

/// <summary>
/// Says once, when the service has started, what a person needs to use it: the environment, the
/// database and what the start did to it, how tokens are verified, and where the reference page
/// and readiness answer. Never a password or a key.
/// </summary>
internal static partial class StartSummary
{
    public static void LogWhenStarted(WebApplication app, DatabaseStartReport database)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(StartSummary));
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            LogEnvironment(logger, app.Environment.EnvironmentName);
            var provider = database.Provider.ToString();
            LogDatabase(logger, provider, database.Location, database.Migrations);
            LogAuthentication(app, logger);
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses
                .Select(value => value.Replace("://[::]", "://localhost", StringComparison.Ordinal)
                    .Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal)
                    .Replace("://+", "://localhost", StringComparison.Ordinal)
                    .Replace("://*", "://localhost", StringComparison.Ordinal)
                    .TrimEnd('/'))
                .FirstOrDefault() ?? string.Empty;
            var scalar = $"{address}/scalar";
            var ready = $"{address}/health/ready";
            LogAddresses(logger, scalar, ready);
        });
    }

    private static void LogAuthentication(WebApplication app, ILogger logger)
    {
        var bearer = app.Services.GetRequiredService<IOptionsMonitor<JwtBearerOptions>>().Get(JwtBearerDefaults.AuthenticationScheme);
        var parameters = bearer.TokenValidationParameters;
        var issuers = (parameters.ValidIssuers ?? []).Append(parameters.ValidIssuer).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var keyed = app.Services.GetRequiredService<SigningKeyRing>().Issuers;
        var trusted = issuers.Count == 0 ? "none" : string.Join(", ", issuers);
        var withKeys = keyed.Count == 0 ? "none" : string.Join(", ", keyed);
        var authority = string.IsNullOrEmpty(bearer.Authority) ? "none" : bearer.Authority;
        LogTrust(logger, trusted, withKeys, authority);

        if (app.Environment.IsDevelopment() && keyed.Count == 0 && string.IsNullOrEmpty(bearer.Authority))
        {
            LogNoDevelopmentKey(logger, DevelopmentUserSecrets.MintCommand);
        }
    }

    [LoggerMessage(EventId = 10, Level = LogLevel.Information, Message = "Environment: {Environment}")]
    private static partial void LogEnvironment(ILogger logger, string environment);

    [LoggerMessage(EventId = 11, Level = LogLevel.Information, Message = "Database: {Provider} {DatabaseLocation}; migrations {Migrations}")]
    private static partial void LogDatabase(ILogger logger, string provider, string databaseLocation, string migrations);

    [LoggerMessage(EventId = 12, Level = LogLevel.Information, Message = "Authentication: bearer tokens of issuers {Issuers}; signing keys for {KeyedIssuers}; identity provider (Authority) {Authority}")]
    private static partial void LogTrust(ILogger logger, string issuers, string keyedIssuers, string authority);

    [LoggerMessage(EventId = 13, Level = LogLevel.Warning, Message = "No development signing key exists yet, so every token is refused. Create it, with a token, by running: {Command} (the service trusts it without a restart)")]
    private static partial void LogNoDevelopmentKey(ILogger logger, string command);

    [LoggerMessage(EventId = 14, Level = LogLevel.Information, Message = "API reference: {ScalarUrl}; readiness: {ReadyUrl}")]
    private static partial void LogAddresses(ILogger logger, string scalarUrl, string readyUrl);
}
