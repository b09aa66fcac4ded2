using CustomerService.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Api.IntegrationTests.Migrations;

/// <summary>
/// PostgreSQL: a database of its own on the server the suite is given, and the PostgreSQL
/// migrations, whose history began after the layouts of the other engines had settled.
/// </summary>
public sealed class PostgreSqlMigrationEngine : MigrationEngine
{
    private string? _database;

    public override string Name => nameof(DatabaseProvider.PostgreSql);

    public override IReadOnlyList<(string Migration, RowLayout Layout)> LayoutChanges { get; } =
    [
        ("InitialCreate", RowLayout.IdempotencyKeys),
    ];

    public override string? UnfilledParticipantMigrationAsReleased => null;

    public override ValueTask DisposeAsync()
    {
        if (_database is not null)
        {
            Engine.DeleteDatabase(_database);
        }

        return ValueTask.CompletedTask;
    }

    protected override string ConnectionString => Engine.ConnectionString(Database);

    /// <summary>Made when first needed: listing the migrations (test discovery) needs no database.</summary>
    private string Database => _database ??= Engine.NewDatabase();

    protected override CustomerDbContext CreateContext() =>
        new PostgreSqlCustomerDbContext(new DbContextOptionsBuilder<PostgreSqlCustomerDbContext>().UseNpgsql(ConnectionString).Options);

    protected override CustomerServiceFactory StartService(bool migrateOnStartup) =>
        new(Database, settings: new Dictionary<string, string?> { ["Database:MigrateOnStartup"] = migrateOnStartup ? "true" : "false" });
}
