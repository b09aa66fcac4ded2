using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace CustomerService.Infrastructure.Persistence;

/// <summary>
/// Recognises a failure that means the database cannot serve us right now (unreachable, locked
/// past the busy timeout, out of retries), as opposed to a bug: the client is told to retry later;
/// and a refused login, which an operator must mend (<see cref="DatabaseLoginRefusals"/>).
/// </summary>
public static class DatabaseFailures
{
    // SQLite primary result codes: BUSY, LOCKED, READONLY, IOERR, FULL, CANTOPEN, NOTADB.
    private static readonly HashSet<int> SqliteUnavailable = [5, 6, 8, 10, 13, 14, 26];

    // SQL Server: timeout, network and connection failures, database not available or not openable.
    private static readonly HashSet<int> SqlServerUnavailable = [-2, 2, 53, 64, 233, 10053, 10054, 10060, 10061, 4060, 40613, 40197, 40501, 49918, 49919, 49920];

    // SQL Server refused the login: login failed, account disabled or locked out, password expired or must change.
    private static readonly HashSet<int> SqlServerLoginRefused = [18456, 18470, 18486, 18487, 18488];

    // PostgreSQL SQLSTATEs: connection failures (class 08, matched by prefix), out of resources
    // (too many connections, disk full, out of memory), shutting down or starting up, no such database.
    private static readonly HashSet<string> PostgreSqlUnavailable = ["53000", "53100", "53200", "53300", "53400", "57P01", "57P02", "57P03", "3D000"];

    // PostgreSQL refused the login: wrong password, or no such role (SQL Server's 18456).
    private static readonly HashSet<string> PostgreSqlLoginRefused = ["28P01", "28000"];

    /// <summary>
    /// The database refused the service's login: a configuration error that no retry mends, unlike
    /// an outage. Checked before <see cref="IsUnavailable"/>, whose retries may wrap it.
    /// </summary>
    public static bool IsLoginRefused(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case SqlException sql when SqlServerLoginRefused.Contains(sql.Number):
                case PostgresException postgres when PostgreSqlLoginRefused.Contains(postgres.SqlState):
                    return true;
            }
        }

        return false;
    }

    public static bool IsUnavailable(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case RetryLimitExceededException or TimeoutException:
                case SqliteException sqlite when SqliteUnavailable.Contains(sqlite.SqliteErrorCode):
                case SqlException sql when SqlServerUnavailable.Contains(sql.Number) || sql.Class >= 20:
                case PostgresException postgres when IsPostgreSqlUnavailable(postgres.SqlState):
                case NpgsqlException { IsTransient: true } and not PostgresException:
                    return true;
            }
        }

        return false;
    }

    private static bool IsPostgreSqlUnavailable(string sqlState) =>
        sqlState.StartsWith("08", StringComparison.Ordinal)
        || PostgreSqlUnavailable.Contains(sqlState);
}
