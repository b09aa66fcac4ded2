using System.Data.Common;
using System.Net.Sockets;
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
    /// never block the writer. Says where the database is and what was done to it.
    /// </summary>
    /// <exception cref="DatabaseUnreachableAtStartException">
    /// Migrations were to be applied and the database did not answer within <c>Database:StartTimeout</c>,
    /// could not be reached or refused the login; one Critical line has said which database and what to check.
    /// </exception>
    public static async Task<DatabaseStartReport> InitializeDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var scope = services.CreateAsyncScope();
        try
        {
            var report = await InitializeAsync(scope, cancellationToken);
            await scope.DisposeAsync();
            return report;
        }
        catch (DatabaseUnreachableAtStartException)
        {
            // Left undisposed: a connection that never got an answer is still opening, closing it
            // throws, and the process stops anyway.
            throw;
        }
        catch
        {
            await scope.DisposeAsync();
            throw;
        }
    }

    private static async Task<DatabaseStartReport> InitializeAsync(AsyncServiceScope scope, CancellationToken cancellationToken)
    {
        var options = scope.ServiceProvider.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        var context = scope.ServiceProvider.GetRequiredService<CustomerDbContext>();
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseInitializer));
        var location = DescribeLocation(context);
        var check = context.Database.IsSqlite() ? SqliteCheck : ServerCheck;

        string migrations;
        if (options.MigrateOnStartup)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(options.StartTimeout);
            var contacted = false;
            try
            {
                // Only the first contact is bounded, not the migrations, which may take long on
                // big tables. WaitAsync bounds it even where a driver does not heed cancellation
                // (a server that accepts the connection and never answers).
                var pending = (await context.Database.GetPendingMigrationsAsync(timeout.Token).WaitAsync(options.StartTimeout, cancellationToken)).Count();
                contacted = true;
                await context.Database.MigrateAsync(cancellationToken);
                migrations = pending == 0 ? "none pending" : $"applied {pending}";
            }
            catch (Exception exception) when (DatabaseFailures.IsLoginRefused(exception))
            {
                LogLoginRefused(logger, location, DatabaseOptions.ConnectionStringName);
                throw new DatabaseUnreachableAtStartException(location, exception);
            }
            // WaitAsync's TimeoutException and the token's cancellation come from two timers of the
            // same length; either may fire first, so either is the start timeout.
            catch (Exception exception) when (!contacted && !cancellationToken.IsCancellationRequested
                                              && (exception is TimeoutException
                                                  || (exception is OperationCanceledException && timeout.IsCancellationRequested)))
            {
                var reason = $"no answer within {options.StartTimeout.TotalSeconds} s";
                LogUnreachable(logger, location, reason, check, DatabaseOptions.ConnectionStringName);
                throw new DatabaseUnreachableAtStartException(location, exception);
            }
            catch (Exception exception) when (DatabaseFailures.IsUnavailable(exception) || (!contacted && IsConnectionFailure(exception)))
            {
                // The first contact failing in any way the driver reports (refused, not the
                // expected protocol, no such host) is the same sentence for an operator.
                var reason = exception.GetBaseException().Message;
                LogUnreachable(logger, location, reason, check, DatabaseOptions.ConnectionStringName);
                throw new DatabaseUnreachableAtStartException(location, exception);
            }
        }
        else
        {
            migrations = "skipped (Database:MigrateOnStartup is false)";
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
                LogDatabaseUnavailable(logger, exception);
            }
        }

        return new DatabaseStartReport(options.Provider, location, migrations);
    }

    private const string SqliteCheck = "check that its folder exists and the service may write there";
    private const string ServerCheck = "check that the server runs, is the engine configured, and accepts connections from here";

    private static bool IsConnectionFailure(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is DbException or SocketException or TimeoutException)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Where the database is: the SQLite file, or the server and database name; never a credential.</summary>
    private static string DescribeLocation(CustomerDbContext context)
    {
        var connection = context.Database.GetDbConnection();
        return context.Database.IsSqlite()
            ? $"file {Path.GetFullPath(connection.DataSource)}"
            : $"database {connection.Database} on {connection.DataSource}";
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The SQLite database could not be opened at start; readiness will report it")]
    private static partial void LogDatabaseUnavailable(ILogger logger, Exception exception);

    [LoggerMessage(
        Level = LogLevel.Critical,
        Message = "The {Location} could not be reached to apply migrations ({Reason}); {Check}, and ConnectionStrings:{ConnectionStringName}. Stopping")]
    private static partial void LogUnreachable(ILogger logger, string location, string reason, string check, string connectionStringName);

    [LoggerMessage(
        Level = LogLevel.Critical,
        Message = "The {Location} refused the service's login; check the user and password in ConnectionStrings:{ConnectionStringName}. Stopping")]
    private static partial void LogLoginRefused(ILogger logger, string location, string connectionStringName);
}
