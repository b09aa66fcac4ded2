using System.Buffers;

namespace CustomerService.Api.Http;

/// <summary>
/// Every response carries <c>X-Request-Id</c>: the caller's own when it is sane (1–128 characters of
/// <c>A-Za-z0-9._-</c>), else a generated one. The id becomes the request's trace identifier and
/// is in the logging scope, so every log line of the request carries it.
/// </summary>
internal sealed class RequestIdMiddleware(RequestDelegate next, ILogger<RequestIdMiddleware> logger)
{
    public const string HeaderName = "X-Request-Id";
    private const int MaxLength = 128;

    private static readonly Func<ILogger, string, IDisposable?> RequestScope =
        LoggerMessage.DefineScope<string>("Request {RequestId}");

    private static readonly SearchValues<char> Allowed =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._-");

    public async Task InvokeAsync(HttpContext context)
    {
        var requestId = IsSane(context.Request.Headers[HeaderName]) is { } sane ? sane : Guid.NewGuid().ToString("N");
        context.TraceIdentifier = requestId;

        // Set when the response starts, so an error answer written after the pipeline cleared the
        // response still carries it.
        context.Response.OnStarting(() =>
        {
            context.Response.Headers[HeaderName] = requestId;
            return Task.CompletedTask;
        });

        using (RequestScope(logger, requestId))
        {
            await next(context);
        }
    }

    private static string? IsSane(Microsoft.Extensions.Primitives.StringValues values) =>
        values.Count == 1 && values[0] is { Length: > 0 and <= MaxLength } value && !value.AsSpan().ContainsAnyExcept(Allowed)
            ? value
            : null;
}
