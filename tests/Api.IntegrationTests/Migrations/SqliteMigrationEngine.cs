using CustomerService.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Api.IntegrationTests.Migrations;

/// <summary>SQLite, the default engine: a database file of its own, and the SQLite migrations.</summary>
public sealed class SqliteMigrationEngine : MigrationEngine
{
    private readonly string _databaseFile = CustomerServiceFactory.NewDatabase();

    public override string Name => "Sqlite";

    public override IReadOnlyList<(string Migration, RowLayout Layout)> LayoutChanges { get; } =
    [
        ("InitialCreate", RowLayout.CustomersAndAccounts),
        ("AccountAddressUniquePerParticipant", RowLayout.AccountsCarryParticipant),
        ("IdempotencyKeys", RowLayout.IdempotencyKeys),
    ];

    /// <summary>What <c>dotnet ef migrations script InitialCreate AccountAddressUniquePerParticipant</c> printed for the migration as released.</summary>
    public override string UnfilledParticipantMigrationAsReleased =>
        """
        ALTER TABLE "Accounts" ADD "ParticipantId" TEXT NOT NULL DEFAULT '';
        CREATE UNIQUE INDEX "IX_Accounts_ParticipantId_Network_Address" ON "Accounts" ("ParticipantId", "Network", "Address");
        INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
        VALUES ('20261125022644_AccountAddressUniquePerParticipant', '10.0.15');
        """;


    public override ValueTask DisposeAsync()
    {
        CustomerServiceFactory.DeleteDatabase(_databaseFile);
        return ValueTask.CompletedTask;
    }

    protected override string ConnectionString => $"Data Source={_databaseFile}";

    protected override CustomerDbContext CreateContext() =>
        new SqliteCustomerDbContext(new DbContextOptionsBuilder<SqliteCustomerDbContext>().UseSqlite(ConnectionString).Options);

    protected override CustomerServiceFactory StartService(bool migrateOnStartup) =>
        new(_databaseFile, settings: new Dictionary<string, string?> { ["Database:MigrateOnStartup"] = migrateOnStartup ? "true" : "false" });
}
