using CustomerService.Application.Common.Abstractions;
using CustomerService.Domain.Customers;
using CustomerService.Infrastructure.Persistence.Configurations;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Infrastructure.Persistence;

/// <summary>
/// The customer store. Every query is scoped to the current participant by a global filter, so a
/// query that forgets to filter cannot read another participant's data.
/// </summary>
public abstract class CustomerDbContext : DbContext
{
    private readonly string _participantId;

    protected CustomerDbContext(DbContextOptions options, ICurrentParticipant participant)
        : base(options)
    {
        ArgumentNullException.ThrowIfNull(participant);
        _participantId = participant.Id;
    }

    public DbSet<Customer> Customers => Set<Customer>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(CustomerDbContext).Assembly);
        modelBuilder.Entity<Customer>().HasQueryFilter(customer => customer.ParticipantId == _participantId);
        modelBuilder.Entity<Account>().HasQueryFilter(account =>
            EF.Property<string>(account, AccountConfiguration.ParticipantIdColumn) == _participantId);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        foreach (var entry in ChangeTracker.Entries<Account>().Where(entry => entry.State == EntityState.Added))
        {
            entry.Property(AccountConfiguration.ParticipantIdColumn).CurrentValue = _participantId;
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
