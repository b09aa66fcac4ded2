using Microsoft.EntityFrameworkCore;

namespace CustomerService.Infrastructure.Persistence;

/// <summary>The SQL Server flavour of the store; its own type so that it has its own migrations.</summary>
public sealed class SqlServerCustomerDbContext(DbContextOptions<SqlServerCustomerDbContext> options)
    : CustomerDbContext(options)
{
    /// <summary>Binary comparison: identifiers match exactly, as they do on SQLite.</summary>
    protected override string ExactCollation => "Latin1_General_100_BIN2";
}
