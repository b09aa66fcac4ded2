using System.Diagnostics;
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

    /// <summary>
    /// The migration bundle of this engine that <c>CUSTOMER_SERVICE_{ENGINE}_MIGRATION_BUNDLE</c>
    /// names (tests/migrations/bundle-upgrade.sh builds one): when set, migrations are applied by it,
    /// as the container's migrator does, rather than by EF Core's migrator in this process.
    /// </summary>
    private string? Bundle =>
        Environment.GetEnvironmentVariable($"CUSTOMER_SERVICE_{Name.ToUpperInvariant()}_MIGRATION_BUNDLE") is { Length: > 0 } bundle ? bundle : null;

    /// <summary>The full id of the migration named <paramref name="name"/>.</summary>
    public string MigrationNamed(string name) => Migrations.Single(id => id.EndsWith($"_{name}", StringComparison.Ordinal));

    /// <summary>The layout of the rows a version whose last migration is <paramref name="migration"/> wrote.</summary>
    public RowLayout LayoutAt(string migration)
    {
        var position = IndexOf(migration);
        return LayoutChanges.Last(change => IndexOf(MigrationNamed(change.Migration)) <= position).Layout;
    }

    /// <summary>Migrates the database up to and including <paramref name="migration"/>, with EF Core's migrator or the bundle.</summary>
    public async Task MigrateToAsync(string migration)
    {
        if (Bundle is { } bundle)
        {
            await RunBundleAsync(bundle, migration);
            return;
        }

        await using var context = CreateContext();
        await context.GetService<IMigrator>().MigrateAsync(migration);
    }

    /// <summary>
    /// Upgrades the database to the last migration and starts the service on it: the service
    /// migrates at start (<c>Database:MigrateOnStartup</c>), or the bundle has done it and the
    /// service is told not to.
    /// </summary>
    public async Task<CustomerServiceFactory> UpgradeAndStartServiceAsync()
    {
        if (Bundle is { } bundle)
        {
            await RunBundleAsync(bundle, migration: null);
            return StartService(migrateOnStartup: false);
        }

        return StartService(migrateOnStartup: true);
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

    /// <summary>The connection string of this engine's database, for the bundle.</summary>
    protected abstract string ConnectionString { get; }

    /// <summary>The service on this engine's database.</summary>
    protected abstract CustomerServiceFactory StartService(bool migrateOnStartup);

    private async Task RunBundleAsync(string bundle, string? migration)
    {
        var start = new ProcessStartInfo(bundle) { RedirectStandardOutput = true, RedirectStandardError = true };
        if (migration is not null)
        {
            start.ArgumentList.Add(migration);
        }

        start.ArgumentList.Add("--connection");
        start.ArgumentList.Add(ConnectionString);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.That(process.ExitCode, Is.Zero, $"the bundle failed:\n{await output}\n{await errors}");
    }

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
