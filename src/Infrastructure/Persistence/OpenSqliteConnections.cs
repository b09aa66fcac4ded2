using System.Collections.Concurrent;
using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CustomerService.Infrastructure.Persistence;

/// <summary>
/// SQLite connections kept open between requests. Each request's context is given one of them and
/// gives it back when the request ends; EF Core opens a connection the first time it is used and
/// this interceptor keeps EF Core from closing it again, so later requests neither open nor close.
/// Each connection is also told, when it opens, to wait out a busy database in SQLite's own handler.
/// </summary>
/// <remarks>
/// Microsoft.Data.Sqlite pools connections itself, but EF Core's own connections carry EF's SQL
/// functions, which Microsoft.Data.Sqlite registers on every open and removes on every close, each
/// under a lock that concurrent requests queue on: together that cost more than running a GET's
/// query. The connections here are not EF Core's, so they carry none of those functions (they back
/// decimal arithmetic and <c>Regex.IsMatch</c> in LINQ, which no query of this service uses; one
/// that did would fail with "no such function" in its tests). A connection that cannot be opened
/// fails the request that tried, exactly as before (503), and is not kept.
/// </remarks>
internal sealed class OpenSqliteConnections(string connectionString) : DbConnectionInterceptor, IDisposable
{
    /// <summary>Idle connections beyond this many are closed (back to Microsoft.Data.Sqlite's pool).</summary>
    internal const int MaxIdle = 64;

    private readonly ConcurrentBag<KeptOpenConnection> _idle = [];
    private int _idleCount;

    /// <summary>An idle open connection, or a new one that EF Core opens when it first needs it.</summary>
    public SqliteConnection Rent()
    {
        if (_idle.TryTake(out var idle))
        {
            Interlocked.Decrement(ref _idleCount);
            return idle;
        }

        return new KeptOpenConnection(connectionString);
    }

    /// <summary>
    /// Takes a connection back. Only an open connection with no transaction left on it is kept;
    /// anything else (never opened, broken, left mid-transaction by a failed request) is closed.
    /// </summary>
    public void Return(SqliteConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (connection is KeptOpenConnection kept
            && kept.State == ConnectionState.Open
            && kept.Handle is { } handle
            && SQLitePCL.raw.sqlite3_get_autocommit(handle) != 0)
        {
            if (Interlocked.Increment(ref _idleCount) <= MaxIdle)
            {
                _idle.Add(kept);
                return;
            }

            Interlocked.Decrement(ref _idleCount);
        }

        connection.Dispose();
    }

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => WaitWhenBusy(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        WaitWhenBusy(connection);
        return Task.CompletedTask;
    }

    private static void WaitWhenBusy(DbConnection connection)
    {
        if (connection is KeptOpenConnection kept)
        {
            using var command = kept.CreateCommand();
            command.CommandText = $"PRAGMA busy_timeout = {kept.DefaultTimeout * 1000};";
            command.ExecuteNonQuery();
        }
    }

    public override InterceptionResult ConnectionClosing(DbConnection connection, ConnectionEventData eventData, InterceptionResult result) =>
        connection is KeptOpenConnection ? InterceptionResult.Suppress() : result;

    public override ValueTask<InterceptionResult> ConnectionClosingAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result) =>
        ValueTask.FromResult(ConnectionClosing(connection, eventData, result));

    public void Dispose()
    {
        while (_idle.TryTake(out var connection))
        {
            connection.Dispose();
        }
    }

    /// <summary>A connection of this pool: the only kind whose closing is suppressed.</summary>
    private sealed class KeptOpenConnection(string connectionString) : SqliteConnection(connectionString);
}
