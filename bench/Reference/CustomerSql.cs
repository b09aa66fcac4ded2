namespace CustomerService.Reference;

/// <summary>
/// The statements over the service's SQLite schema, shaped like the ones EF Core issues for it: the
/// participant filter on both tables, accounts joined in and ordered oldest first.
/// </summary>
internal static class CustomerSql
{
    /// <summary>Customer columns 0–6, account columns 7–11 (null when the customer has no account).</summary>
    public const string Columns =
        "c.Id, c.ExternalId, c.Status, c.ParticipantId, c.CreatedAt, c.UpdatedAt, c.Version, a.Id, a.Network, a.Address, a.Label, a.CreatedAt";

    private const string FromCustomersWithAccounts =
        "FROM Customers AS c LEFT JOIN Accounts AS a ON a.CustomerId = c.Id AND a.ParticipantId = $participant";

    public const string GetById =
        $"SELECT {Columns} {FromCustomersWithAccounts} WHERE c.ParticipantId = $participant AND c.Id = $id ORDER BY a.CreatedAt, a.Id";

    public const string ListAll =
        $"SELECT {Columns} {FromCustomersWithAccounts} WHERE c.ParticipantId = $participant ORDER BY c.CreatedAt, c.Id, a.CreatedAt, a.Id";

    /// <summary>
    /// The insert, preceded by the busy timeout the service sets on its connections: a writer that
    /// finds the database busy waits in SQLite's own handler (short, growing sleeps) up to the
    /// command timeout, instead of Microsoft.Data.Sqlite's retry loop and its 150 ms sleeps.
    /// The setting stays on the pooled connection; setting it again costs one short statement.
    /// </summary>
    public const string Insert =
        "PRAGMA busy_timeout = 30000; "
        + "INSERT INTO Customers (Id, ParticipantId, ExternalId, Status, CreatedAt, UpdatedAt, Version) "
        + "VALUES ($id, $participant, $externalId, $status, $createdAt, $createdAt, 1)";
}
