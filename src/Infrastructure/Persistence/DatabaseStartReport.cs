namespace CustomerService.Infrastructure.Persistence;

/// <summary>What the start did with the database, for the start summary.</summary>
/// <param name="Provider">The engine.</param>
/// <param name="Location">The SQLite file, or the server and database name; never a credential.</param>
/// <param name="Migrations">Applied N, none pending, or skipped.</param>
public sealed record DatabaseStartReport(DatabaseProvider Provider, string Location, string Migrations);
