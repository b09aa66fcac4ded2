using System.Text.Json;
using CustomerService.Api.Errors;
using CustomerService.Application.Common.Errors;
using CustomerService.Infrastructure;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CustomerService.Api.Operations;

/// <summary>
/// <c>/health/live</c> (the process answers) and <c>/health/ready</c> (the database answers and is
/// migrated), for probes: no token, never charged to a participant's budget, limited like all
/// anonymous traffic (per client address, docs/contract.md, section 10). A healthy answer is a JSON status;
/// an unhealthy one is the contract's error body, 503 SERVICE_UNAVAILABLE naming each failing check.
/// </summary>
internal static class HealthEndpoints
{
    public static void MapHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync })
            .AllowAnonymous()
            .DisableRateLimiting();
        endpoints.MapHealthChecks("/health/ready", new HealthCheckOptions
            {
                Predicate = check => check.Tags.Contains(DependencyInjection.ReadinessTag),
                ResponseWriter = WriteAsync,
            })
            .AllowAnonymous()
            .DisableRateLimiting();
    }

    /// <summary>
    /// What a check says of itself, unless it failed by throwing: then its description is the
    /// exception's own text, which is never shown (docs/contract.md, section 4).
    /// </summary>
    private static string ReadinessMessage(string check, HealthReportEntry entry) =>
        entry.Exception is null && entry.Description is { Length: > 0 } description ? description : $"{check} is not ready.";

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        if (report.Status != HealthStatus.Unhealthy)
        {
            // Degraded is still ready (200): it warns, with the check's own words, and never fails a probe.
            context.Response.ContentType = "application/json; charset=utf-8";
            return context.Response.WriteAsync(JsonSerializer.Serialize(new
            {
                status = StatusName(report.Status),
                checks = report.Entries.Select(entry => entry.Value.Status == HealthStatus.Healthy
                    ? new Dictionary<string, object> { ["name"] = entry.Key, ["status"] = "healthy", ["durationMs"] = Math.Round(entry.Value.Duration.TotalMilliseconds, 1) }
                    : new Dictionary<string, object>
                    {
                        ["name"] = entry.Key,
                        ["status"] = StatusName(entry.Value.Status),
                        ["durationMs"] = Math.Round(entry.Value.Duration.TotalMilliseconds, 1),
                        ["warning"] = ReadinessMessage(entry.Key, entry.Value),
                    }),
            }));
        }

        var failing = report.Entries
            .Where(entry => entry.Value.Status == HealthStatus.Unhealthy)
            .Select(entry => new FieldError(entry.Key, ReadinessMessage(entry.Key, entry.Value)))
            .ToList();
        return ErrorResponseWriter.WriteUnavailableAsync(
            context,
            ApiErrors.Of(ContractErrors.ServiceUnavailable, "The service is not ready.", failing));
    }

    private static string StatusName(HealthStatus status) => status == HealthStatus.Healthy ? "healthy" : "degraded";
}
