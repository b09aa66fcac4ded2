using CustomerService.Application.Common.Abstractions;
using CustomerService.Domain.Customers;
using CustomerService.Infrastructure.Persistence.Configurations;
using Microsoft.EntityFrameworkCore;

using CustomerService.Infrastructure.Persistence.Idempotency;

namespace CustomerService.Infrastructure.Persistence;

/// <summary>
/// The customer store. Every query is scoped to the current participant by a global filter, so a
/// query that forgets to filter cannot read another participant's data.
/// </summary>
public abstract class CustomerDbContext : DbContext
{
    private readonly ICurrentParticipant _participant;

    protected CustomerDbContext(DbContextOptions options, ICurrentParticipant participant)
        : base(options)
    {
        ArgumentNullException.ThrowIfNull(participant);
        _participant = participant;
    }

    /// <summary>
    /// Read when a query runs or changes are saved, never when the context is made, so a context
    /// used outside a request (migrations at start) needs no participant.
    /// </summary>
    private string ParticipantId => _participant.Id;

    public DbSet<Customer> Customers => Set<Customer>();

    /// <summary>Idempotency keys; not filtered by participant, because the participant is part of their key.</summary>
    internal DbSet<IdempotencyRecord> IdempotencyKeys => Set<IdempotencyRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(CustomerDbContext).Assembly);
        modelBuilder.Entity<Customer>().HasQueryFilter(customer => customer.ParticipantId == ParticipantId);
        modelBuilder.Entity<Account>().HasQueryFilter(account =>
            EF.Property<string>(account, AccountConfiguration.ParticipantIdColumn) == ParticipantId);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        foreach (var entry in ChangeTracker.Entries<Account>().Where(entry => entry.State == EntityState.Added))
        {
            entry.Property(AccountConfiguration.ParticipantIdColumn).CurrentValue = ParticipantId;
        }

        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);

        // Timestamps are UTC by construction; read them back as UTC too.
        configurationBuilder.Properties<DateTime>()
            .HaveConversion<UtcDateTimeConverter>()
            .HavePrecision(3);
    }
}
