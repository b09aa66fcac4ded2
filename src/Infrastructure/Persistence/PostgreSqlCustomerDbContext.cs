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
}
