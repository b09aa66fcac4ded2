using System.Threading.RateLimiting;
using StackExchange.Redis;

namespace CustomerService.Api.Security;

/// <summary>
/// One participant's token bucket kept in Redis, so that every instance draws from the same budget.
/// While Redis cannot be reached the participant is limited by an in-process bucket of the same
/// shape instead (fail open to the per-instance limit): rate limiting protects the service, and an
/// outage of Redis must not become an outage of the API.
/// </summary>
internal sealed class SharedTokenBucketRateLimiter(RateLimiter shared, RateLimiter local, RedisRateLimitConnection connection) : RateLimiter
{
    public override TimeSpan? IdleDuration =>
        shared.IdleDuration is { } sharedIdle && local.IdleDuration is { } localIdle
            ? TimeSpan.FromTicks(Math.Min(sharedIdle.Ticks, localIdle.Ticks))
            : null;

    /// <summary>The shared bucket's state is in Redis; no local figure describes it.</summary>
    public override RateLimiterStatistics? GetStatistics() => null;

    /// <summary>Redis cannot answer synchronously: the middleware then asks <see cref="AcquireAsyncCore"/>.</summary>
    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        if (connection.IsConnected)
        {
            return shared.AttemptAcquire(permitCount);
        }

        connection.ReportUnreachable(null);
        return local.AttemptAcquire(permitCount);
    }

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        if (connection.IsConnected)
        {
            try
            {
                var lease = await shared.AcquireAsync(permitCount, cancellationToken);
                connection.ReportReachable();
                return lease;
            }
            catch (Exception error) when (error is RedisException or RedisTimeoutException)
            {
                connection.ReportUnreachable(error);
            }
        }
        else
        {
            connection.ReportUnreachable(null);
        }

        return await local.AcquireAsync(permitCount, cancellationToken);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            shared.Dispose();
            local.Dispose();
        }

        base.Dispose(disposing);
    }
}
