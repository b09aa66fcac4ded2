namespace CustomerService.Api.IntegrationTests.Migrations;

/// <summary>
/// The engines the upgrade tests run on, by name. SQLite needs nothing; a server engine is added
/// here with its own subclass of <see cref="MigrationEngine"/> (its migrations and layouts, a
/// database of its own on the server the suite is given).
/// </summary>
public static class MigrationEngines
{
    private static readonly Dictionary<string, Func<MigrationEngine>> Engines = new(StringComparer.Ordinal)
    {
        ["Sqlite"] = () => new SqliteMigrationEngine(),
    };

    public static IEnumerable<string> Names => Engines.Keys;

    public static MigrationEngine Create(string name) => Engines[name]();
}
