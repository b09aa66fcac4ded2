using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace CustomerService.Api.Security;

/// <summary>
/// How many unlimited lists (a list requested without <c>limit</c>) one participant may run at once
/// (<c>Limits:ConcurrentFullLists</c>). The permit is held by the rate-limiting middleware until the
/// rest of the pipeline returns, that is until the streamed response has been written or the client
/// has gone; the one over the limit is refused with 429. Paged requests are not counted.
/// </summary>
internal sealed class FullListConcurrencyPolicy(int permitsPerParticipant) : IRateLimiterPolicy<string>
{
    public const string Name = "full-list";
    public const string SettingName = "Limits:ConcurrentFullLists";
    public const int DefaultPermits = 2;

    private const string PageSizeParameter = "limit";

    private readonly ConcurrencyLimiterOptions _permits = new() { PermitLimit = permitsPerParticipant, QueueLimit = 0 };

    /// <summary>The middleware's own rejection (<see cref="RateLimitRejection"/>) answers.</summary>
    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => null;

    public RateLimitPartition<string> GetPartition(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var participant = httpContext.User.FindFirst(ClaimsParticipant.ClaimType)?.Value;
        return participant is null || !string.IsNullOrEmpty(httpContext.Request.Query[PageSizeParameter])
            ? RateLimitPartition.GetNoLimiter(string.Empty)
            : RateLimitPartition.GetConcurrencyLimiter(participant, _ => _permits);
    }
}
