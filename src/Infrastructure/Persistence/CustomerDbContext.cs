using CustomerService.Application.Common.Abstractions;
using CustomerService.Domain.Customers;
using CustomerService.Domain.Webhooks;
using CustomerService.Infrastructure.Persistence.Configurations;
using CustomerService.Infrastructure.Persistence.Events;
using CustomerService.Infrastructure.Persistence.Idempotency;
using CustomerService.Infrastructure.Persistence.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query.SqlExpressions;
using Microsoft.EntityFrameworkCore.Storage;

namespace CustomerService.Infrastructure.Persistence;

/// <summary>
/// The customer store. Every query is scoped to the current participant by a global filter, so a
/// query that forgets to filter cannot read another participant's data. Contexts are pooled: each
/// lease is given the participant of the scope that takes it (see <see cref="UseParticipant"/>).
/// </summary>
public abstract class CustomerDbContext : DbContext
{
    private ICurrentParticipant? _participant;

    protected CustomerDbContext(DbContextOptions options)
        : base(options)
    {
    }

    /// <summary>
    /// Read when a query runs or changes are saved, never when the context is leased, so a context
    /// used outside a request (migrations at start) needs no participant.
    /// </summary>
    private string ParticipantId =>
        (_participant ?? throw new InvalidOperationException("The context was leased without a participant.")).Id;

    public DbSet<Customer> Customers => Set<Customer>();

    /// <summary>The participant's events, the outbox of every change (docs/contract.md, section 9).</summary>
    internal DbSet<StoredEvent> Events => Set<StoredEvent>();
    public DbSet<WebhookEndpoint> WebhookEndpoints => Set<WebhookEndpoint>();

    /// <summary>
    /// Events still owed to webhook endpoints; not filtered by participant, because the dispatcher
    /// serves every participant (each row carries its own).
    /// </summary>
    internal DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();

    /// <summary>Delivery attempts, as their endpoints' owners read them.</summary>
    internal DbSet<WebhookAttempt> WebhookAttempts => Set<WebhookAttempt>();

    /// <summary>Idempotency keys; not filtered by participant, because the participant is part of their key.</summary>
    internal DbSet<IdempotencyRecord> IdempotencyKeys => Set<IdempotencyRecord>();

    /// <summary>Scopes this lease of a pooled context to <paramref name="participant"/>.</summary>
    internal void UseParticipant(ICurrentParticipant participant)
    {
        ArgumentNullException.ThrowIfNull(participant);
        _participant = participant;
    }

    /// <summary>A context going back to the pool ends its lease first (see <see cref="EndLease"/>).</summary>
    public override void Dispose()
    {
        EndLease();
        base.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <inheritdoc cref="Dispose"/>
    public override async ValueTask DisposeAsync()
    {
        EndLease();
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>Forgets what the lease gave the context: its participant, so no later lease can run as it.</summary>
    protected virtual void EndLease() => _participant = null;

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(CustomerDbContext).Assembly);
        modelBuilder.Entity<Customer>().HasQueryFilter(customer => customer.ParticipantId == ParticipantId);
        modelBuilder.Entity<Account>().HasQueryFilter(account =>
            EF.Property<string>(account, AccountConfiguration.ParticipantIdColumn) == ParticipantId);
        modelBuilder.Entity<StoredEvent>().HasQueryFilter(stored => stored.ParticipantId == ParticipantId);
        modelBuilder.Entity<WebhookEndpoint>().HasQueryFilter(endpoint => endpoint.ParticipantId == ParticipantId);
        modelBuilder.Entity<WebhookAttempt>().HasQueryFilter(attempt => attempt.ParticipantId == ParticipantId);
        var visibleBelow = VisibleTransactionsBound;
        modelBuilder.HasDbFunction(typeof(EventPositions).GetMethod(nameof(EventPositions.VisibleBelow))!)
            .HasTranslation(_ => visibleBelow);
        if (ExactCollation is { } collation)
        {
            UseExactCollation(modelBuilder, collation);
        }
    }

    /// <summary>
    /// The engine's collation that compares text byte for byte, so identifiers match (and sort)
    /// exactly, case-sensitively, as they do on SQLite; null where that is already the default.
    /// </summary>
    protected virtual string? ExactCollation => null;

    private static void UseExactCollation(ModelBuilder modelBuilder, string collation)
    {
        var customer = modelBuilder.Entity<Customer>();
        customer.Property(c => c.ParticipantId).UseCollation(collation);
        customer.Property(c => c.ExternalId).UseCollation(collation);
        var account = modelBuilder.Entity<Account>();
        account.Property<string>(AccountConfiguration.ParticipantIdColumn).UseCollation(collation);
        account.Property(a => a.Address).UseCollation(collation);
        modelBuilder.Entity<StoredEvent>().Property(stored => stored.ParticipantId).UseCollation(collation);
        var idempotencyKey = modelBuilder.Entity<IdempotencyRecord>();
        idempotencyKey.Property(k => k.ParticipantId).UseCollation(collation);
        idempotencyKey.Property(k => k.Key).UseCollation(collation);
        modelBuilder.Entity<WebhookEndpoint>().Property(e => e.ParticipantId).UseCollation(collation);
        modelBuilder.Entity<WebhookDelivery>().Property(d => d.ParticipantId).UseCollation(collation);
        modelBuilder.Entity<WebhookAttempt>().Property(a => a.ParticipantId).UseCollation(collation);
    }

    /// <summary>
    /// What <see cref="EventPositions.VisibleBelow"/> is in SQL: on engines that store no transaction
    /// id (every event has 0), a bound above them all.
    /// </summary>
    protected virtual SqlExpression VisibleTransactionsBound { get; } =
        new SqlConstantExpression(long.MaxValue, new LongTypeMapping("bigint"));

    /// <summary>
    /// Whether the database places new events itself (transaction id and position as column
    /// defaults) and makes their deliveries (a trigger), so that the unit of work takes no lock,
    /// numbers nothing and reads no endpoint.
    /// </summary>
    internal virtual bool PlacesEventsItself => false;

    /// <summary>
    /// Makes the participant's event positions this transaction's until it ends: another
    /// transaction that records events of the participant waits here, so positions commit in the
    /// order they are given. SQLite needs nothing: the transaction the unit of work begins is
    /// immediate, and SQLite runs one writing transaction at a time. PostgreSQL never calls it: it
    /// places events itself (see <see cref="PlacesEventsItself"/>).
    /// </summary>
    internal virtual Task LockEventPositionsAsync(string participantId, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    /// <summary>The name of the participant's event lock, for the engines that take one by name.</summary>
    protected static string EventLockResource(string participantId) => $"customer-service:events:{participantId}";

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        GiveNewAccountsTheirParticipant();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        GiveNewAccountsTheirParticipant();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>An account row carries its customer's participant, which the domain does not know; every save sets it.</summary>
    private void GiveNewAccountsTheirParticipant()
    {
        foreach (var entry in ChangeTracker.Entries<Account>().Where(entry => entry.State == EntityState.Added))
        {
            entry.Property(AccountConfiguration.ParticipantIdColumn).CurrentValue = ParticipantId;
        }
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
