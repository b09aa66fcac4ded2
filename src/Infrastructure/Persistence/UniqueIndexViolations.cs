using System.Runtime.CompilerServices;
using CustomerService.Application.Common.Errors;
using CustomerService.Infrastructure.Persistence.Configurations;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace CustomerService.Infrastructure.Persistence;

/// <summary>
/// Recognises a write refused by one of our unique indexes, on any engine, and names the conflict
/// the client is told about. SQL Server names the index in its message and PostgreSQL in the
/// error's constraint name; SQLite names the indexed columns, so every spelling is derived from
/// the model.
/// </summary>
internal static class UniqueIndexViolations
{
    private const int SqlServerDuplicateKeyInUniqueIndex = 2601;
    private const int SqlServerDuplicateKeyInUniqueConstraint = 2627;
    private const int SqliteConstraintUnique = 2067;
    private const int SqliteConstraintPrimaryKey = 1555;

    private static readonly Dictionary<string, Func<ConflictException>> ConflictByIndex = new(StringComparer.Ordinal)
    {
        [CustomerConfiguration.ExternalIdIndex] = ConflictException.DuplicateExternalId,
        [AccountConfiguration.AddressIndex] = ConflictException.DuplicateAccountAddress,
    };

    private static readonly ConditionalWeakTable<IModel, KnownIndex[]> IndexesByModel = [];

    /// <summary>Whether the write was refused because a unique index or primary key already holds the value.</summary>
    public static bool IsDuplicateKey(DbUpdateException exception) =>
        exception?.InnerException switch
        {
            SqlException sql => sql.Number is SqlServerDuplicateKeyInUniqueIndex or SqlServerDuplicateKeyInUniqueConstraint,
            SqliteException sqlite => sqlite.SqliteExtendedErrorCode is SqliteConstraintUnique or SqliteConstraintPrimaryKey,
            PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation,
            _ => false,
        };

    public static ConflictException? Translate(DbUpdateException exception, IModel model)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } postgres)
        {
            return Array.Find(IndexesByModel.GetValue(model, KnownIndexes), index => index.Name == postgres.ConstraintName)?.Conflict();
        }

        var message = exception.InnerException switch
        {
            SqlException sql when sql.Number is SqlServerDuplicateKeyInUniqueIndex or SqlServerDuplicateKeyInUniqueConstraint => sql.Message,
            SqliteException sqlite when sqlite.SqliteExtendedErrorCode == SqliteConstraintUnique => sqlite.Message,
            _ => null,
        };

        if (message is null)
        {
            return null;
        }

        foreach (var index in IndexesByModel.GetValue(model, KnownIndexes))
        {
            if (message.Contains($"'{index.Name}'", StringComparison.Ordinal)
                || message.Contains($": {index.SqliteColumns}'", StringComparison.Ordinal))
            {
                return index.Conflict();
            }
        }

        return null;
    }

    private static KnownIndex[] KnownIndexes(IModel model) =>
    [
        .. from entityType in model.GetEntityTypes()
           from index in entityType.GetIndexes()
           let name = index.GetDatabaseName()
           where index.IsUnique && name is not null && ConflictByIndex.ContainsKey(name)
           let table = entityType.GetTableName()
           let columns = string.Join(", ", index.Properties.Select(property => $"{table}.{property.GetColumnName()}"))
           select new KnownIndex(name, columns, ConflictByIndex[name]),
    ];

    private sealed record KnownIndex(string Name, string SqliteColumns, Func<ConflictException> Conflict);
}
