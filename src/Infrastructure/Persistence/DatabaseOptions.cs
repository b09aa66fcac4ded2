namespace CustomerService.Infrastructure.Persistence;

/// <summary>The <c>Database</c> configuration section.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";
    public const string ConnectionStringName = "CustomerService";

    /// <summary>The default SQLite file, relative to the application's content root.</summary>
    public const string DefaultSqliteFile = "data/customer-service.db";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    public bool MigrateOnStartup { get; set; } = true;

    /// <summary>How long a migrating start waits for the database to answer before the process stops.</summary>
    public TimeSpan StartTimeout { get; set; } = TimeSpan.FromSeconds(15);
}
