using Microsoft.EntityFrameworkCore;

namespace CustomerService.Infrastructure.Persistence;

/// <summary>The SQLite flavour of the store; its own type so that it has its own migrations.</summary>
public sealed class SqliteCustomerDbContext(DbContextOptions<SqliteCustomerDbContext> options)
    : CustomerDbContext(options);
