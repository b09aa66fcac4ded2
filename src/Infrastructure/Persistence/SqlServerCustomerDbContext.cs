using Microsoft.EntityFrameworkCore;

namespace CustomerService.Infrastructure.Persistence;

/// <summary>The SQL Server flavour of the store; its own type so that it has its own migrations.</summary>
public sealed class SqlServerCustomerDbContext(DbContextOptions<SqlServerCustomerDbContext> options)
    : CustomerDbContext(options)
{
    /// <summary>Binary comparison: identifiers match exactly, as they do on SQLite.</summary>
    protected override string ExactCollation => "Latin1_General_100_BIN2";

    /// <summary>An exclusive application lock owned by the transaction, so it is released when the transaction ends.</summary>
    internal override Task LockEventPositionsAsync(string participantId, CancellationToken cancellationToken) =>
        Database.ExecuteSqlAsync(
            $"""
            DECLARE @granted int;
            EXEC @granted = sp_getapplock @Resource = {EventLockResource(participantId)}, @LockMode = 'Exclusive', @LockOwner = 'Transaction', @LockTimeout = -1;
            IF @granted < 0 THROW 51000, 'The lock on the participant''s event positions was not granted.', 1;
            """,
            cancellationToken);
}
