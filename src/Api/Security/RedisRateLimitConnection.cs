using StackExchange.Redis;

namespace CustomerService.Api.Security;

/// <summary>
/// The connection to the Redis that holds participants' buckets (<c>RateLimiting:Redis</c>). It never
/// stops the service: it is opened without failing when Redis is down, reconnects by itself, and
/// commands fail at once rather than wait in a backlog while it is away. It logs one warning when
/// Redis becomes unreachable and one line when it is back, not one per request.
/// </summary>
internal sealed partial class RedisRateLimitConnection : IDisposable
{
    private readonly ILogger<RedisRateLimitConnection> _logger;
    private int _unreachable;

    public RedisRateLimitConnection(string connectionString, ILogger<RedisRateLimitConnection> logger)
    {
        _logger = logger;
        var options = ConfigurationOptions.Parse(connectionString);
        options.AbortOnConnectFail = false;
        options.BacklogPolicy = BacklogPolicy.FailFast;
        Multiplexer = ConnectionMultiplexer.Connect(options);
    }

    public IConnectionMultiplexer Multiplexer { get; }

    public bool IsConnected => Multiplexer.IsConnected;

    public void ReportReachable()
    {
        if (Interlocked.Exchange(ref _unreachable, 0) == 1)
        {
            LogReachable(_logger);
        }
    }

    public void ReportUnreachable(Exception? error)
    {
        if (Interlocked.Exchange(ref _unreachable, 1) == 0)
        {
            LogUnreachable(_logger, error);
        }
    }

    public void Dispose() => Multiplexer.Dispose();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis for rate limits is unreachable: each instance limits participants on its own until it is back.")]
    private static partial void LogUnreachable(ILogger logger, Exception? error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Redis for rate limits is reachable again: participants' budgets are shared across instances.")]
    private static partial void LogReachable(ILogger logger);
}
