using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;

namespace CustomerService.Api.Streaming;

/// <summary>
/// Bounds a response that is written while it is still being read from the database. Its status
/// line has gone out by the time such a response can fail, so no error body can follow; instead the
/// response is aborted, and the client sees a broken transfer, never a JSON array that looks
/// complete. That happens when it has run for <see cref="StreamLimitOptions.MaxStreamDuration"/>,
/// or when reading fails midway; either is logged once, with the request id.
/// </summary>
/// <remarks>
/// A failure before the response has begun is left to the exception handler, which answers with the
/// contract's error body as for any other request. A client that went away needs no log line.
/// </remarks>
internal sealed partial class StreamedResponseFilter(
    IOptions<StreamLimitOptions> options,
    TimeProvider clock,
    ILogger<StreamedResponseFilter> logger) : IAsyncResultFilter
{
    public async Task OnResultExecutionAsync(ResultExecutingContext context, ResultExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        var maxDuration = options.Value.MaxStreamDuration;

        using var deadline = new CancellationTokenSource(maxDuration, clock);
        await using (deadline.Token.Register(() =>
        {
            LogDurationExceeded(maxDuration, http.Request.Path, http.TraceIdentifier);
            http.Abort();
        }))
        {
            var executed = await next();
            if (executed.Exception is not { } exception || !http.Response.HasStarted)
            {
                return;
            }

            executed.ExceptionHandled = true;
            if (!http.RequestAborted.IsCancellationRequested)
            {
                LogFailedMidStream(exception, http.Request.Path, http.TraceIdentifier);
            }

            http.Abort();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Streamed response to {Path} ran for its maximum of {MaxStreamDuration} and was aborted (request {RequestId})")]
    private partial void LogDurationExceeded(TimeSpan maxStreamDuration, PathString path, string requestId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Streamed response to {Path} failed after it had begun and was aborted (request {RequestId})")]
    private partial void LogFailedMidStream(Exception exception, PathString path, string requestId);
}
