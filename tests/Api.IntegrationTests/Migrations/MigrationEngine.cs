using CustomerService.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;

namespace CustomerService.Api.IntegrationTests.Migrations;

/// <summary>
/// What the upgrade tests need from one database engine: a database of its own, its migrations,
/// the row layout each of them leaves, and the service started on that database. The rows and
/// the reads through the API are shared, so another engine (with its own migration history) is
/// one more subclass listed in <see cref="MigrationEngines"/>. Disposing drops the database.
/// </summary>
public abstract class MigrationEngine : IAsyncDisposable
{
    private List<string>? _migrations;

    public abstract string Name { get; }

    /// <summary>
    /// Where this engine's history changes how rows are written: a migration's name (its id
    /// without the timestamp) and the layout it introduced. Migrations in between keep the layout before them.
    /// </summary>
    public abstract IReadOnlyList<(string Migration, RowLayout Layout)> LayoutChanges { get; }

    /// <summary>
    /// The statements of the released AccountAddressUniquePerParticipant as it first shipped (the
    /// participant column added empty, then the unique index), with its history row; null when
    /// this engine's history never had it.
    /// </summary>
    public abstract string? UnfilledParticipantMigrationAsReleased { get; }

    /// <summary>This engine's migrations, oldest first.</summary>
    public IReadOnlyList<string> Migrations => _migrations ??= ReadMigrations();

    /// <summary>The service on this engine's database, applying pending migrations at start.</summary>
    public abstract CustomerServiceFactory StartService();

    /// <summary>The full id of the migration named <paramref name="name"/>.</summary>
    public string MigrationNamed(string name) => Migrations.Single(id => id.EndsWith($"_{name}", StringComparison.Ordinal));

    /// <summary>The layout of the rows a version whose last migration is <paramref name="migration"/> wrote.</summary>
    public RowLayout LayoutAt(string migration)
    {
        var position = IndexOf(migration);
        return LayoutChanges.Last(change => IndexOf(MigrationNamed(change.Migration)) <= position).Layout;
    }

    /// <summary>Migrates the database up to and including <paramref name="migration"/>, as the service or the bundle would.</summary>
    public async Task MigrateToAsync(string migration)
    {
        await using var context = CreateContext();
        await context.GetService<IMigrator>().MigrateAsync(migration);
    }

    /// <summary>
    /// Runs <paramref name="sql"/> with <paramref name="values"/> as <c>@p0</c>, <c>@p1</c>, …,
    /// each bound through the EF Core type mapping of its type: stored as the service stores it.
    /// </summary>
    public async Task ExecuteAsync(string sql, params IReadOnlyList<object> values)
    {
        await using var context = CreateContext();
        var mappings = context.GetService<IRelationalTypeMappingSource>();
        var connection = context.Database.GetDbConnection();
        await connection.OpenAsync();
        try
        {
            await using var command = connection.CreateCommand();
#pragma warning disable CA2100 // The statements are the tests' own; every value is a parameter.
            command.CommandText = sql;
#pragma warning restore CA2100
            for (var index = 0; index < values.Count; index++)
            {
                var mapping = mappings.FindMapping(values[index].GetType())
                    ?? throw new InvalidOperationException($"{Name} has no type mapping for {values[index].GetType()}.");
                command.Parameters.Add(mapping.CreateParameter(command, $"@p{index}", values[index]));
            }

            await command.ExecuteNonQueryAsync();
        }
        finally
        {
            await connection.CloseAsync();
        }
    }

    public abstract ValueTask DisposeAsync();

    /// <summary>A context on this engine's database, for its migrator and its type mappings; it never runs a query of the model.</summary>
    protected abstract CustomerDbContext CreateContext();

    private List<string> ReadMigrations()
    {
        using var context = CreateContext();
        return context.Database.GetMigrations().ToList();
    }

    private int IndexOf(string migration)
    {
        var index = (_migrations ??= ReadMigrations()).IndexOf(migration);
        return index >= 0 ? index : throw new ArgumentException($"{Name} has no migration {migration}.", nameof(migration));
    }
}
