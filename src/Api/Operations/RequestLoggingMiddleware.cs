using System.Diagnostics;
using CustomerService.Api.Security;

namespace CustomerService.Api.Operations;

/// <summary>
/// One structured line per request: method, path, route template, status, duration, request id
/// and participant. Never the query string, a token or a body.
/// </summary>
internal sealed partial class RequestLoggingMiddleware(RequestDelegate next, ILogger<RequestLoggingMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();

        // Routing has run before any middleware here; the error handler may clear the endpoint later.
        var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText is { } template
            ? (template.StartsWith('/') ? template : "/" + template)
            : "(unmatched)";
        try
        {
            await next(context);
        }
        finally
        {
            if (logger.IsEnabled(LogLevel.Information))
            {
                var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                var path = (context.Request.PathBase + context.Request.Path).ToString();
                var participant = context.User.FindFirst(ClaimsParticipant.ClaimType)?.Value ?? "-";
                LogRequest(context.Request.Method, path, route, context.Response.StatusCode, elapsed, context.TraceIdentifier, participant);
            }
        }
    }

    [LoggerMessage(
        EventId = 1,
        Level = LogLevel.Information,
        Message = "{Method} {Path} answered {StatusCode} in {DurationMs:0.0} ms (route {Route}, request {RequestId}, participant {ParticipantId})")]
    private partial void LogRequest(string method, string path, string route, int statusCode, double durationMs, string requestId, string participantId);
}
