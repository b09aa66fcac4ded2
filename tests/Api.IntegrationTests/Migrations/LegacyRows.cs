using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace CustomerService.Api.IntegrationTests.Migrations;

/// <summary>A customer row as released versions stored it: enum names for the status, UTC timestamps at milliseconds.</summary>
public sealed record LegacyCustomer(Guid Id, string ParticipantId, string ExternalId, string Status, DateTime CreatedAt, DateTime UpdatedAt, int Version)
{
    /// <summary>The customer as the API shows it, with <paramref name="accounts"/> (oldest first).</summary>
    public JsonObject ToJson(IEnumerable<LegacyAccount> accounts) => new()
    {
        ["id"] = Id.ToString(),
        ["externalId"] = ExternalId,
        ["status"] = Status.ToLowerInvariant(),
        ["participantId"] = ParticipantId,
        ["accounts"] = new JsonArray([.. accounts.Select(account => account.ToJson())]),
        ["createdAt"] = LegacyRows.Timestamp(CreatedAt),
        ["updatedAt"] = LegacyRows.Timestamp(UpdatedAt),
    };
}

/// <summary>An account row: the network by its enum name, the address as the service normalised it.</summary>
public sealed record LegacyAccount(Guid Id, LegacyCustomer Customer, string Network, string Address, string? Label, DateTime CreatedAt)
{
    public JsonObject ToJson()
    {
        var json = new JsonObject
        {
            ["id"] = Id.ToString(),
            ["network"] = Network.ToLowerInvariant(),
            ["address"] = Address,
        };
        if (Label is not null)
        {
            json["label"] = Label;
        }

        json["createdAt"] = LegacyRows.Timestamp(CreatedAt);
        return json;
    }
}

/// <summary>
/// A completed <c>POST /customers</c> with an Idempotency-Key: the request as the client sent it and
/// the answer stored for replay, as the IdempotencyKeys version wrote them.
/// </summary>
public sealed record LegacyIdempotentCreate(string Key, LegacyCustomer Created)
{
    public const string ETag = "\"1\"";

    public const string ContentType = "application/json; charset=utf-8";

    public string RequestBody => ContractClient.CreateBody(Created.ExternalId, "active");

    /// <summary>The customer as it was created (active, version 1), whatever became of it since.</summary>
    public string ResponseBody =>
        (Created with { Status = "Active", UpdatedAt = Created.CreatedAt, Version = 1 }).ToJson([]).ToJsonString();

    public string Location => ContractClient.CustomerPath(Created.Id.ToString());

    /// <summary>SHA-256 of method, lowercased path and body, the request fingerprint of that version.</summary>
    public string Fingerprint => Convert.ToHexStringLower(SHA256.HashData(
        Encoding.UTF8.GetBytes($"POST\n{ContractClient.CustomersPath.ToLowerInvariant()}\n{RequestBody}")));
}

/// <summary>Writes rows into a database the way the version of a <see cref="RowLayout"/> wrote them.</summary>
public static class LegacyRows
{
    public static string Timestamp(DateTime value) => value.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static Task InsertAsync(MigrationEngine engine, LegacyCustomer customer) =>
        InsertAsync(engine, "Customers",
        [
            ("Id", customer.Id),
            ("ParticipantId", customer.ParticipantId),
            ("ExternalId", customer.ExternalId),
            ("Status", customer.Status),
            ("CreatedAt", customer.CreatedAt),
            ("UpdatedAt", customer.UpdatedAt),
            ("Version", customer.Version),
        ]);

    public static Task InsertAsync(MigrationEngine engine, LegacyAccount account, RowLayout layout)
    {
        var columns = new List<(string, object)>
        {
            ("Id", account.Id),
            ("CustomerId", account.Customer.Id),
            ("Network", account.Network),
            ("Address", account.Address),
            ("CreatedAt", account.CreatedAt),
        };
        if (account.Label is not null)
        {
            columns.Add(("Label", account.Label));
        }

        if (layout >= RowLayout.AccountsCarryParticipant)
        {
            columns.Add(("ParticipantId", account.Customer.ParticipantId));
        }

        return InsertAsync(engine, "Accounts", columns);
    }

    public static Task InsertAsync(MigrationEngine engine, LegacyIdempotentCreate create, TimeSpan inProgressTimeout, TimeSpan retention)
    {
        var claimedAt = create.Created.CreatedAt;
        return InsertAsync(engine, "IdempotencyKeys",
        [
            ("ParticipantId", create.Created.ParticipantId),
            ("Key", create.Key),
            ("Fingerprint", create.Fingerprint),
            ("CreatedAt", claimedAt),
            ("LockedUntil", claimedAt + inProgressTimeout),
            ("ExpiresAt", claimedAt + retention),
            ("CompletedAt", claimedAt.AddMilliseconds(20)),
            ("StatusCode", 201),
            ("ContentType", LegacyIdempotentCreate.ContentType),
            ("Location", create.Location),
            ("ETag", LegacyIdempotentCreate.ETag),
            ("Body", Encoding.UTF8.GetBytes(create.ResponseBody)),
        ]);
    }

    private static Task InsertAsync(MigrationEngine engine, string table, IReadOnlyList<(string Column, object Value)> columns)
    {
        var names = string.Join(", ", columns.Select(column => $"\"{column.Column}\""));
        var parameters = string.Join(", ", columns.Select((_, index) => $"@p{index}"));
        return engine.ExecuteAsync(
            $"INSERT INTO \"{table}\" ({names}) VALUES ({parameters});",
            [.. columns.Select(column => column.Value)]);
    }
}
