using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Infrastructure.Persistence;

/// <summary>The SQLite flavour of the store; its own type so that it has its own migrations.</summary>
public sealed class SqliteCustomerDbContext(DbContextOptions<SqliteCustomerDbContext> options)
    : CustomerDbContext(options)
{
    private bool _onLeasedConnection;

    /// <summary>Runs this lease of the context on <paramref name="connection"/>, one of <see cref="OpenSqliteConnections"/>.</summary>
    internal void UseLeasedConnection(SqliteConnection connection)
    {
        Database.SetDbConnection(connection, contextOwnsConnection: false);
        _onLeasedConnection = true;
    }

    /// <summary>Timestamps are stored as EF Core stores them in SQLite, and read back by a parser made for that text.</summary>
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        configurationBuilder.Properties<DateTime>().HaveConversion<SqliteTimestampConverter>();
    }

    /// <summary>
    /// The context also goes back to its pool without its lease's connection, which goes back to its
    /// own pool. A context taken from the pool without a new lease then gets a connection of its
    /// own, rather than share one that another request may hold.
    /// </summary>
    protected override void EndLease()
    {
        base.EndLease();
        if (_onLeasedConnection)
        {
            _onLeasedConnection = false;
            Database.SetDbConnection(null);
        }
    }
}
