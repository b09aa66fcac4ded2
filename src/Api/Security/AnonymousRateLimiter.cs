using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;

namespace CustomerService.Api.Security;

/// <summary>
/// One token bucket per client address for the requests that no participant answers for: those
/// without credentials, those to endpoints that need none, and those whose credentials are refused.
/// Each request is charged at most once.
/// </summary>
internal sealed class AnonymousRateLimiter : IDisposable
{
    /// <summary>
    /// The bucket of requests whose address is not known (a Unix socket, an in-process test host): they
    /// share one bucket rather than escape the limit.
    /// </summary>
    public const string UnknownAddress = "unknown";

    private static readonly object ChargedKey = new();

    private readonly PartitionedRateLimiter<HttpContext> _limiter;

    public AnonymousRateLimiter(RateLimitOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var bucket = new TokenBucketRateLimiterOptions
        {
            TokenLimit = options.Anonymous.TokenLimit,
            TokensPerPeriod = options.Anonymous.TokensPerPeriod,
            ReplenishmentPeriod = options.Anonymous.ReplenishmentPeriod,
            QueueLimit = 0,
            AutoReplenishment = true,
        };
        _limiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            RateLimitPartition.GetTokenBucketLimiter(ClientKey(context.Connection.RemoteIpAddress), _ => bucket));
    }

    public static bool IsCharged(HttpContext context) => context.Items.ContainsKey(ChargedKey);

    /// <summary>Takes one token from the bucket of the request's address; the lease says whether there was one.</summary>
    public RateLimitLease Charge(HttpContext context)
    {
        context.Items[ChargedKey] = true;
        return _limiter.AttemptAcquire(context);
    }

    /// <summary>
    /// An IPv4 address is one client; an IPv6 client usually holds a whole /64, so the /64 is the
    /// client (one host cannot escape the limit by walking its own prefix).
    /// </summary>
    internal static string ClientKey(IPAddress? address)
    {
        if (address is null)
        {
            return UnknownAddress;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4().ToString();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return $"{new IPAddress(bytes)}/64";
    }

    public void Dispose() => _limiter.Dispose();
}
