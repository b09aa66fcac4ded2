using Microsoft.EntityFrameworkCore;

namespace CustomerService.Infrastructure.Persistence;

/// <summary>The PostgreSQL flavour of the store; its own type so that it has its own migrations.</summary>
public sealed class PostgreSqlCustomerDbContext(DbContextOptions<PostgreSqlCustomerDbContext> options)
    : CustomerDbContext(options)
{
    /// <summary>
    /// Byte-wise comparison: identifiers match and sort exactly as they do on SQLite, whatever
    /// locale the database was created with.
    /// </summary>
    protected override string ExactCollation => "C";

    /// <summary>A transaction-scoped advisory lock on a 64-bit hash of the participant's id; two ids sharing a hash only wait for each other.</summary>
    internal override Task LockEventPositionsAsync(string participantId, CancellationToken cancellationToken) =>
        Database.ExecuteSqlAsync(
            $"SELECT pg_advisory_xact_lock(hashtextextended({EventLockResource(participantId)}, 0))",
            cancellationToken);
}
