using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace CustomerService.Reference;

/// <summary>
/// Writes customers as the service does, from rows of <see cref="CustomerSql.Columns"/>: one row per
/// account (or one with no account), the rows of a customer next to each other, its accounts oldest first.
/// </summary>
internal sealed class CustomerJson(Utf8JsonWriter json)
{
    private const string TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    private static readonly JsonEncodedText Id = JsonEncodedText.Encode("id");
    private static readonly JsonEncodedText ExternalId = JsonEncodedText.Encode("externalId");
    private static readonly JsonEncodedText Status = JsonEncodedText.Encode("status");
    private static readonly JsonEncodedText ParticipantId = JsonEncodedText.Encode("participantId");
    private static readonly JsonEncodedText Accounts = JsonEncodedText.Encode("accounts");
    private static readonly JsonEncodedText CreatedAt = JsonEncodedText.Encode("createdAt");
    private static readonly JsonEncodedText UpdatedAt = JsonEncodedText.Encode("updatedAt");
    private static readonly JsonEncodedText Network = JsonEncodedText.Encode("network");
    private static readonly JsonEncodedText Address = JsonEncodedText.Encode("address");
    private static readonly JsonEncodedText Label = JsonEncodedText.Encode("label");

    private bool _open;
    private Guid _current;
    private DateTime _createdAt;
    private DateTime _updatedAt;

    /// <summary>Adds one row: a new customer when its id differs from the last row's, and its account if it has one.</summary>
    public void Add(SqliteDataReader row)
    {
        var id = row.GetGuid(0);
        if (!_open || id != _current)
        {
            Close();
            _open = true;
            _current = id;
            _createdAt = row.GetDateTime(4);
            _updatedAt = row.GetDateTime(5);
            json.WriteStartObject();
            json.WriteString(Id, id);
            json.WriteString(ExternalId, row.GetString(1));
            json.WriteString(Status, row.GetString(2).ToLowerInvariant());
            json.WriteString(ParticipantId, row.GetString(3));
            json.WriteStartArray(Accounts);
        }

        if (!row.IsDBNull(7))
        {
            json.WriteStartObject();
            json.WriteString(Id, row.GetGuid(7));
            json.WriteString(Network, row.GetString(8).ToLowerInvariant());
            json.WriteString(Address, row.GetString(9));
            if (!row.IsDBNull(10))
            {
                json.WriteString(Label, row.GetString(10));
            }

            WriteTimestamp(CreatedAt, row.GetDateTime(11));
            json.WriteEndObject();
        }
    }

    /// <summary>Ends the customer being written, if any.</summary>
    public void Close()
    {
        if (!_open)
        {
            return;
        }

        json.WriteEndArray();
        WriteTimestamp(CreatedAt, _createdAt);
        WriteTimestamp(UpdatedAt, _updatedAt);
        json.WriteEndObject();
        _open = false;
    }

    /// <summary>A customer just created, without accounts.</summary>
    public void WriteNew(Guid id, string externalId, string status, string participantId, DateTime createdAt)
    {
        json.WriteStartObject();
        json.WriteString(Id, id);
        json.WriteString(ExternalId, externalId);
        json.WriteString(Status, status);
        json.WriteString(ParticipantId, participantId);
        json.WriteStartArray(Accounts);
        json.WriteEndArray();
        WriteTimestamp(CreatedAt, createdAt);
        WriteTimestamp(UpdatedAt, createdAt);
        json.WriteEndObject();
    }

    private void WriteTimestamp(JsonEncodedText name, DateTime value)
    {
        Span<char> buffer = stackalloc char[24];
        value.TryFormat(buffer, out var written, TimestampFormat, CultureInfo.InvariantCulture);
        json.WriteString(name, buffer[..written]);
    }
}
