using CustomerService.Domain.Customers;
using CustomerService.Infrastructure.Persistence.Configurations;
using Microsoft.EntityFrameworkCore;

using CustomerService.Infrastructure.Persistence.Idempotency;

namespace CustomerService.Infrastructure.Persistence;

/// <summary>The SQL Server flavour of the store; its own type so that it has its own migrations.</summary>
public sealed class SqlServerCustomerDbContext(DbContextOptions<SqlServerCustomerDbContext> options)
    : CustomerDbContext(options)
{
    /// <summary>Binary comparison: identifiers match exactly, as they do on SQLite.</summary>
    private const string ExactCollation = "Latin1_General_100_BIN2";

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
