using Microsoft.Data.Sqlite;

namespace CustomerService.Infrastructure.Persistence;

/// <summary>
/// The connection a scope's context uses. It is resolved before the context, so the scope
/// disposes it after the context: the connection goes back only once the context is done with it.
/// </summary>
internal sealed class SqliteConnectionLease(OpenSqliteConnections connections) : IDisposable
{
    public SqliteConnection Connection { get; } = connections.Rent();

    public void Dispose() => connections.Return(Connection);
}
