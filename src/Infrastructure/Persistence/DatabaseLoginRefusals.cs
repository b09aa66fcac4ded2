using Microsoft.Extensions.Logging;

namespace CustomerService.Infrastructure.Persistence;

/// <summary>
/// A database that refuses the service's login is a configuration error, not an outage: retrying
/// mends nothing, so it is said once, at Critical, with what to check, wherever it is met first
/// (a request, or the readiness check); later refusals are logged at Debug only.
/// </summary>
public sealed partial class DatabaseLoginRefusals(ILogger<DatabaseLoginRefusals> logger)
{
    /// <summary>What readiness says about the database while it refuses the login.</summary>
    public const string Reason =
        "The database refused the service's login: check the user name and password of the connection string (ConnectionStrings:CustomerService).";

    private int _reported;

    public void Report(Exception exception)
    {
        if (Interlocked.Exchange(ref _reported, 1) == 0)
        {
            LogRefused(exception);
        }
        else
        {
            LogRefusedAgain();
        }
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = Reason + " Every request that needs the database fails until it is fixed; further refusals are logged at Debug.")]
    private partial void LogRefused(Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "The database refused the service's login again.")]
    private partial void LogRefusedAgain();
}
