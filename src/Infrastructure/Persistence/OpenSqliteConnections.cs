using System.Collections.Concurrent;
using System.Data;
using System.Data.Common;
using System.Globalization;
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
/// fails the request that tried, exactly as before (503), and is not kept. Connections idle for
/// <see cref="IdleLifetime"/> are closed, so a quiet service does not keep a burst's connections
/// (and their page caches) open.
/// </remarks>
internal sealed class OpenSqliteConnections : DbConnectionInterceptor, IDisposable
{
    /// <summary>Idle connections beyond this many are closed (back to Microsoft.Data.Sqlite's pool).</summary>
    internal const int MaxIdle = 64;

    /// <summary>How long a connection may sit idle before it is closed.</summary>
    internal static readonly TimeSpan IdleLifetime = TimeSpan.FromMinutes(2);

    private readonly string _connectionString;
    private readonly ConcurrentBag<KeptOpenConnection> _idle = [];
    private readonly Timer _closeIdle;
    private int _idleCount;

    public OpenSqliteConnections(string connectionString)
    {
        _connectionString = connectionString;
        _closeIdle = new Timer(_ => CloseIdle(IdleLifetime), null, IdleLifetime / 2, IdleLifetime / 2);
    }

    /// <summary>An idle open connection, or a new one that EF Core opens when it first needs it.</summary>
    public SqliteConnection Rent()
    {
        if (_idle.TryTake(out var idle))
        {
            Interlocked.Decrement(ref _idleCount);
            return idle;
        }

        return new KeptOpenConnection(_connectionString);
    }

    /// <summary>
    /// Takes a connection back. Only an open connection of this pool with nothing left running on
    /// it is kept: no transaction, no statement stepped and not reset (an undisposed reader, which
    /// would pin its snapshot of the database for the next request). Anything else (never opened,
    /// broken, left mid-transaction or mid-read by a failed request) is closed, which rolls back.
    /// </summary>
    public void Return(SqliteConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (connection is KeptOpenConnection kept && IsIdle(kept))
        {
            if (Interlocked.Increment(ref _idleCount) <= MaxIdle)
            {
                kept.IdleSince = Environment.TickCount64;
                _idle.Add(kept);
                return;
            }

            Interlocked.Decrement(ref _idleCount);
        }

        connection.Dispose();
    }

    /// <summary>Closes the idle connections that have been idle for <paramref name="idleFor"/> or longer; returns how many.</summary>
    internal int CloseIdle(TimeSpan idleFor)
    {
        var now = Environment.TickCount64;
        var keep = new List<KeptOpenConnection>();
        var closed = 0;
        while (_idle.TryTake(out var connection))
        {
            Interlocked.Decrement(ref _idleCount);
            if (now - connection.IdleSince >= idleFor.TotalMilliseconds)
            {
                connection.Dispose();
                closed++;
            }
            else
            {
                keep.Add(connection);
            }
        }

        foreach (var connection in keep)
        {
            Interlocked.Increment(ref _idleCount);
            _idle.Add(connection);
        }

        return closed;
    }

    public override InterceptionResult ConnectionClosing(DbConnection connection, ConnectionEventData eventData, InterceptionResult result) =>
        connection is KeptOpenConnection ? InterceptionResult.Suppress() : result;

    public override ValueTask<InterceptionResult> ConnectionClosingAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result) =>
        ValueTask.FromResult(ConnectionClosing(connection, eventData, result));

    public void Dispose()
    {
        _closeIdle.Dispose();
        while (_idle.TryTake(out var connection))
        {
            connection.Dispose();
        }
    }

    private static bool IsIdle(KeptOpenConnection connection)
    {
        if (connection.State != ConnectionState.Open || connection.Handle is not { } handle || SQLitePCL.raw.sqlite3_get_autocommit(handle) == 0)
        {
            return false;
        }

        for (var statement = SQLitePCL.raw.sqlite3_next_stmt(handle, null); statement is not null; statement = SQLitePCL.raw.sqlite3_next_stmt(handle, statement))
        {
            if (SQLitePCL.raw.sqlite3_stmt_busy(statement) != 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// A connection of this pool: the only kind whose closing is suppressed. When it opens, SQLite's
    /// busy handler is set to wait up to the command timeout, as Microsoft.Data.Sqlite's own retries
    /// would (a timeout of 0 means no limit there, so here too), and SQLite's list of the
    /// connection's statements is switched on, so that <see cref="IsIdle"/> can look for one still running.
    /// </summary>
    private sealed class KeptOpenConnection(string connectionString) : SqliteConnection(connectionString)
    {
        /// <summary>When it was last given back (<see cref="Environment.TickCount64"/>).</summary>
        public long IdleSince { get; set; }

        public override void Open()
        {
            base.Open();
            Handle!.enable_sqlite3_next_stmt(true);
            var milliseconds = DefaultTimeout <= 0 ? int.MaxValue : (int)Math.Min(DefaultTimeout * 1000L, int.MaxValue);
            using var command = CreateCommand();
            command.CommandText = string.Create(CultureInfo.InvariantCulture, $"PRAGMA busy_timeout = {milliseconds};");
            command.ExecuteNonQuery();
        }
    }
}
