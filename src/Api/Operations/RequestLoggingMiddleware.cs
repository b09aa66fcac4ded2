using System.Diagnostics;
using CustomerService.Api.Security;

namespace CustomerService.Api.Operations;

/// <summary>
/// One structured line per request: method, route template, status, duration, request id and
/// participant. Never the path's values, a token or a body.
/// </summary>
internal sealed partial class RequestLoggingMiddleware(RequestDelegate next, ILogger<RequestLoggingMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();

        // Routing has run before any middleware here; the error handler may clear the endpoint later.
        var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "(unmatched)";
        try
        {
            await next(context);
        }
        finally
        {
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            var participant = context.User.FindFirst(ClaimsParticipant.ClaimType)?.Value ?? "-";
            LogRequest(context.Request.Method, route, context.Response.StatusCode, elapsed, context.TraceIdentifier, participant);
        }
    }

    [LoggerMessage(
        EventId = 1,
        Level = LogLevel.Information,
        Message = "{Method} {Route} answered {StatusCode} in {DurationMs:0.0} ms (request {RequestId}, participant {ParticipantId})")]
    private partial void LogRequest(string method, string route, int statusCode, double durationMs, string requestId, string participantId);
}
