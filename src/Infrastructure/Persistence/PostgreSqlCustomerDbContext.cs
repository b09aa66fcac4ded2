using CustomerService.Infrastructure.Persistence.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query.SqlExpressions;
using Microsoft.EntityFrameworkCore.Storage;

namespace CustomerService.Infrastructure.Persistence;

/// <summary>The PostgreSQL flavour of the store; its own type so that it has its own migrations.</summary>
public sealed class PostgreSqlCustomerDbContext(DbContextOptions<PostgreSqlCustomerDbContext> options)
    : CustomerDbContext(options)
{
    /// <summary>The storing transaction's id, as a bigint: a 64-bit id that grows with every transaction that writes.</summary>
    private const string CurrentTransactionIdSql = "pg_current_xact_id()::text::bigint";

    /// <summary>
    /// Byte-wise comparison: identifiers match and sort exactly as they do on SQLite, whatever
    /// locale the database was created with.
    /// </summary>
    protected override string ExactCollation => "C";

    /// <summary>
    /// The oldest transaction still running when the statement's snapshot was taken; every
    /// transaction with a lower id has committed or rolled back (see <see cref="EventPositions"/>).
    /// </summary>
    protected override SqlExpression VisibleTransactionsBound { get; } = new SqlFragmentExpression(
        "pg_snapshot_xmin(pg_current_snapshot())::text::bigint", typeof(long), new LongTypeMapping("bigint"));

    internal override bool PlacesEventsItself => true;

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        var stored = modelBuilder.Entity<StoredEvent>();
        stored.Property(e => e.TransactionId).HasDefaultValueSql(CurrentTransactionIdSql);
        stored.Property(e => e.Position).UseIdentityByDefaultColumn();
    }
}
