using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CustomerService.Infrastructure.Persistence;

public static partial class DatabaseInitializer
{
    /// <summary>
    /// Prepares the database before the first request: applies pending migrations when
    /// <c>Database:MigrateOnStartup</c> is set, and puts SQLite into write-ahead-log mode so readers
    /// never block the writer.
    /// </summary>
    public static async Task InitializeDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var options = scope.ServiceProvider.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        var context = scope.ServiceProvider.GetRequiredService<CustomerDbContext>();

        if (options.MigrateOnStartup)
        {
            await context.Database.MigrateAsync(cancellationToken);
        }

        if (context.Database.IsSqlite())
        {
            try
            {
                // journal_mode is stored in the database file, so setting it once at start is enough.
                await context.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            }
            catch (SqliteException exception)
            {
                // Without migrations to apply, an unreachable database is not a reason to stop:
                // the service starts, and readiness reports the database until it can be opened.
                LogDatabaseUnavailable(scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseInitializer)), exception);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The SQLite database could not be opened at start; readiness will report it")]
    private static partial void LogDatabaseUnavailable(ILogger logger, Exception exception);
}
