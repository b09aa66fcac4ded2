namespace CustomerService.Api.IntegrationTests.Migrations;

/// <summary>
/// A database made by any released version upgrades in place and keeps every customer, account and
/// idempotency key visible to its participant. Each database is built at a historical migration
/// and filled with rows as that version wrote them; the service then migrates it to the last
/// migration at start (docs/contract.md, section 5, <c>Database:MigrateOnStartup</c>) and is read back
/// through HTTP. Run by tests/migrations/bundle-upgrade.sh, the migration bundle builds and
/// upgrades the databases instead (see <see cref="MigrationEngine.MigrateToAsync"/>).
/// </summary>
public sealed class DatabaseUpgradeTests
{
    /// <summary>Every migration of every engine, as the last one a released database applied.</summary>
    public static IEnumerable<TestCaseData> ReleasedSchemas() =>
        OrIgnored(
            from engine in MigrationEngines.Names
            from migration in MigrationsOf(engine)
            select new TestCaseData(engine, migration).SetArgDisplayNames(engine, migration),
            new TestCaseData(Engine.Current.ToString(), "none"),
            $"no upgrade-test engine for {Engine.Current} yet (see MigrationEngines)");

    /// <summary>The engines whose history has the participant column as first released (added empty, never filled).</summary>
    public static IEnumerable<TestCaseData> EnginesThatReleasedTheUnfilledParticipantColumn() =>
        OrIgnored(
            from engine in MigrationEngines.Names
            where HasUnfilledParticipantColumn(engine)
            select new TestCaseData(engine).SetArgDisplayNames(engine),
            new TestCaseData(Engine.Current.ToString()),
            $"{Engine.Current} has no upgrade-test engine whose history released the unfilled participant column");

    /// <summary>The cases, or one ignored case saying why there are none, so that a gap is reported rather than silent.</summary>
    private static List<TestCaseData> OrIgnored(IEnumerable<TestCaseData> cases, TestCaseData placeholder, string reason)
    {
        var list = cases.ToList();
        return list.Count > 0 ? list : [placeholder.Ignore(reason)];
    }

    [TestCaseSource(nameof(ReleasedSchemas))]
    public async Task A_database_made_at_a_released_migration_upgrades_with_every_row_visible_to_its_participant(string engineName, string migration)
    {
        await using var engine = MigrationEngines.Create(engineName);
        var data = new LegacyData();
        await engine.MigrateToAsync(migration);
        await data.WriteAsync(engine, engine.LayoutAt(migration));

        using var service = await engine.UpgradeAndStartServiceAsync();

        await UpgradeReadBack.AssertEverythingVisibleAsync(service, data.Customers, data.Accounts, WrittenAt(engine.LayoutAt(migration), data));
    }

    [TestCaseSource(nameof(EnginesThatReleasedTheUnfilledParticipantColumn))]
    public async Task Accounts_left_without_a_participant_by_the_released_migration_are_their_customers_participants_again(string engineName)
    {
        await using var engine = MigrationEngines.Create(engineName);
        var data = new LegacyData();
        await MakeUnfilledAsync(engine, data);
        await engine.MigrateToAsync(engine.MigrationNamed("IdempotencyKeys"));
        await data.WriteIdempotentCreatesAsync(engine);

        using var service = await engine.UpgradeAndStartServiceAsync();

        await UpgradeReadBack.AssertEverythingVisibleAsync(service, data.Customers, data.Accounts, data.IdempotentCreates);
    }

    [TestCaseSource(nameof(EnginesThatReleasedTheUnfilledParticipantColumn))]
    public async Task An_address_registered_again_while_its_account_was_unfilled_keeps_the_new_account_and_the_upgrade_completes(string engineName)
    {
        await using var engine = MigrationEngines.Create(engineName);
        var data = new LegacyData();
        var again = data.SolanaOfAAgain();
        await MakeUnfilledAsync(engine, data);
        await LegacyRows.InsertAsync(engine, again, RowLayout.AccountsCarryParticipant);

        using var service = await engine.UpgradeAndStartServiceAsync();

        // The participant sees one account per address, as the contract requires: the one it has used since.
        var visible = data.Accounts.Where(account => account != data.SolanaOfA).Append(again).ToList();
        await UpgradeReadBack.AssertEverythingVisibleAsync(service, data.Customers, visible, []);
    }

    /// <summary>
    /// A database made at InitialCreate with every account but participant B's at the shared
    /// address, which the released participant-column migration then left without their
    /// participant; B registered the shared address after that upgrade (the unique index allowed
    /// only one empty participant per address).
    /// </summary>
    private static async Task MakeUnfilledAsync(MigrationEngine engine, LegacyData data)
    {
        await engine.MigrateToAsync(engine.MigrationNamed("InitialCreate"));
        await data.WriteCustomersAsync(engine);
        foreach (var account in data.Accounts.Where(account => account != data.SharedAddressOfB))
        {
            await LegacyRows.InsertAsync(engine, account, RowLayout.CustomersAndAccounts);
        }

        await engine.ExecuteAsync(engine.UnfilledParticipantMigrationAsReleased!);
        await LegacyRows.InsertAsync(engine, data.SharedAddressOfB, RowLayout.AccountsCarryParticipant);
    }

    private static IReadOnlyList<LegacyIdempotentCreate> WrittenAt(RowLayout layout, LegacyData data) =>
        layout >= RowLayout.IdempotencyKeys ? data.IdempotentCreates : [];

    private static IReadOnlyList<string> MigrationsOf(string engineName)
    {
        var engine = MigrationEngines.Create(engineName);
        try
        {
            return engine.Migrations;
        }
        finally
        {
            engine.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    private static bool HasUnfilledParticipantColumn(string engineName)
    {
        var engine = MigrationEngines.Create(engineName);
        try
        {
            return engine.UnfilledParticipantMigrationAsReleased is not null;
        }
        finally
        {
            engine.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }
}
