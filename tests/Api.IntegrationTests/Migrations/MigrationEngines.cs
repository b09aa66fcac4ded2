using CustomerService.Infrastructure.Persistence;

namespace CustomerService.Api.IntegrationTests.Migrations;

/// <summary>
/// The engine the upgrade tests run on: the one this run of the suite is on (see <see cref="Engine"/>),
/// each with its own subclass of <see cref="MigrationEngine"/> (its migrations and layouts, a
/// database of its own). SQL Server's is not written yet: it has never had a server to run on here.
/// </summary>
public static class MigrationEngines
{
    private static readonly Dictionary<string, Func<MigrationEngine>> Engines = new(StringComparer.Ordinal)
    {
        [nameof(DatabaseProvider.Sqlite)] = () => new SqliteMigrationEngine(),
        [nameof(DatabaseProvider.PostgreSql)] = () => new PostgreSqlMigrationEngine(),
    };

    public static IEnumerable<string> Names => Engines.Keys.Where(name => name == Engine.Current.ToString());

    public static MigrationEngine Create(string name) => Engines[name]();
}
