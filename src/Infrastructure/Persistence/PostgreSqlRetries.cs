using Npgsql;

namespace CustomerService.Infrastructure.Persistence;

/// <summary>
/// How often a PostgreSQL operation that failed transiently (a dropped connection, a server
/// starting up or out of connections, a deadlock) is tried again before the client is told 503.
/// Bounded so that the answer comes well within the contract's 35 s: three retries wait about
/// 0, 1 and 3 s (EF Core's exponential back-off, at most <see cref="MaxRetryDelay"/> each).
/// </summary>
internal static class PostgreSqlRetries
{
    public const int MaxRetryCount = 3;

    public static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Beyond what Npgsql calls transient: a deadlock victim's transaction was rolled back whole,
    /// so running the save again is safe (every save is one transaction of its own).
    /// </summary>
    public static readonly string[] ErrorCodesToAdd = [PostgresErrorCodes.DeadlockDetected];
}
