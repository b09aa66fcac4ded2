using System.Globalization;
using System.Threading.RateLimiting;
using CustomerService.Api.Errors;

namespace CustomerService.Api.Security;

/// <summary>The one answer of every limiter: 429 RATE_LIMITED with the contract's body and <c>Retry-After</c>.</summary>
internal static class RateLimitRejection
{
    /// <summary>When the limiter does not say (a concurrency limit), the client is told to retry after this.</summary>
    private static readonly TimeSpan DefaultRetryAfter = TimeSpan.FromSeconds(1);

    public static Task WriteAsync(HttpContext context, RateLimitLease lease)
    {
        context.Response.Headers.RetryAfter = RetryAfterSeconds(lease).ToString(CultureInfo.InvariantCulture);
        return ErrorResponseWriter.WriteAsync(
            context,
            StatusCodes.Status429TooManyRequests,
            ApiErrors.ForStatus(StatusCodes.Status429TooManyRequests));
    }

    /// <summary>Whole seconds, at least one; the Redis limiter gives them as a number, the in-process ones as a TimeSpan.</summary>
    private static int RetryAfterSeconds(RateLimitLease lease)
    {
        var wait = DefaultRetryAfter;
        if (lease.TryGetMetadata(MetadataName.RetryAfter.Name, out var metadata))
        {
            wait = metadata switch
            {
                TimeSpan span => span,
                int seconds => TimeSpan.FromSeconds(seconds),
                _ => DefaultRetryAfter,
            };
        }

        return Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
    }
}
