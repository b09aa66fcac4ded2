using CustomerService.Domain.Customers;
using CustomerService.Infrastructure.Persistence.Configurations;
using CustomerService.Infrastructure.Persistence.Idempotency;
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
    private const string ExactCollation = "C";

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        var customer = modelBuilder.Entity<Customer>();
        customer.Property(c => c.ParticipantId).UseCollation(ExactCollation);
        customer.Property(c => c.ExternalId).UseCollation(ExactCollation);
        var account = modelBuilder.Entity<Account>();
        account.Property<string>(AccountConfiguration.ParticipantIdColumn).UseCollation(ExactCollation);
        account.Property(a => a.Address).UseCollation(ExactCollation);
        var idempotencyKey = modelBuilder.Entity<IdempotencyRecord>();
        idempotencyKey.Property(k => k.ParticipantId).UseCollation(ExactCollation);
        idempotencyKey.Property(k => k.Key).UseCollation(ExactCollation);
    }
}
