using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace CustomerService.Reference;

/// <summary>The three customer operations the benchmark drives, as the contract defines them.</summary>
internal sealed class CustomerEndpoints(string connectionString)
{
    private const string CustomersPath = "/api/v1/account-manager/customers";
    private const int SqliteConstraintUnique = 2067;

    /// <summary>Pushes the streamed list to the client whenever this much is buffered.</summary>
    private const int FlushThreshold = 16 * 1024;

    private static readonly Dictionary<string, string> StoredStatus = new(StringComparer.Ordinal)
    {
        ["active"] = "Active",
        ["inactive"] = "Inactive",
        ["deleted"] = "Deleted",
        ["suspended"] = "Suspended",
    };

    /// <summary><c>GET /customers/{id}</c>: the customer with its accounts and an ETag, or 404.</summary>
    public async Task GetAsync(HttpContext context)
    {
        if (await Caller.AuthorizeAsync(context, Caller.ReadScope) is not { } participant)
        {
            return;
        }

        if (!Guid.TryParse(context.Request.RouteValues["id"] as string, out var id))
        {
            await ReferenceResponses.WriteErrorAsync(context, StatusCodes.Status400BadRequest, "VALIDATION_ERROR", "Validation failed.", [("id", "id must be a UUID.")]);
            return;
        }

        var cancellationToken = context.RequestAborted;
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = CustomerSql.GetById;
        command.Parameters.AddWithValue("$participant", participant);
        command.Parameters.AddWithValue("$id", id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            await ReferenceResponses.WriteErrorAsync(context, StatusCodes.Status404NotFound, "NOT_FOUND", "Customer not found.");
            return;
        }

        ReferenceResponses.Start(context, StatusCodes.Status200OK);
        context.Response.Headers.ETag = $"\"{reader.GetInt32(6)}\"";
        await using var json = new Utf8JsonWriter(context.Response.BodyWriter);
        var customer = new CustomerJson(json);
        do
        {
            customer.Add(reader);
        }
        while (await reader.ReadAsync(cancellationToken));

        customer.Close();
    }

    /// <summary><c>GET /customers</c> without a limit: every customer of the participant, streamed.</summary>
    public async Task ListAsync(HttpContext context)
    {
        if (await Caller.AuthorizeAsync(context, Caller.ReadScope) is not { } participant)
        {
            return;
        }

        var cancellationToken = context.RequestAborted;
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = CustomerSql.ListAll;
        command.Parameters.AddWithValue("$participant", participant);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);

        ReferenceResponses.Start(context, StatusCodes.Status200OK);
        var body = context.Response.BodyWriter;
        await using var json = new Utf8JsonWriter(body);
        var customers = new CustomerJson(json);
        json.WriteStartArray();
        long flushedUpTo = 0;
        while (await reader.ReadAsync(cancellationToken))
        {
            customers.Add(reader);

            // The writer hands full segments to the pipe as it goes (BytesCommitted), but nothing
            // is sent until the pipe is flushed.
            if (json.BytesCommitted + json.BytesPending - flushedUpTo > FlushThreshold)
            {
                json.Flush();
                await body.FlushAsync(cancellationToken);
                flushedUpTo = json.BytesCommitted;
            }
        }

        customers.Close();
        json.WriteEndArray();
    }

    /// <summary><c>POST /customers</c>: validates, inserts (the unique index settles duplicates) and answers 201.</summary>
    public async Task CreateAsync(HttpContext context)
    {
        if (await Caller.AuthorizeAsync(context, Caller.WriteScope) is not { } participant)
        {
            return;
        }

        if (!context.Request.HasJsonContentType())
        {
            await ReferenceResponses.WriteErrorAsync(context, StatusCodes.Status415UnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE", "The request body must be sent as application/json.");
            return;
        }

        var cancellationToken = context.RequestAborted;
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(context.Request.Body, new JsonDocumentOptions { MaxDepth = 32 }, cancellationToken);
        }
        catch (JsonException)
        {
            await ReferenceResponses.WriteErrorAsync(context, StatusCodes.Status400BadRequest, "INVALID_JSON", "The request body is not valid JSON.");
            return;
        }

        string? externalId;
        string? status;
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                await ReferenceResponses.WriteErrorAsync(context, StatusCodes.Status400BadRequest, "VALIDATION_ERROR", "Validation failed.", [("body", "The request body must be a JSON object.")]);
                return;
            }

            if (!TryReadString(document.RootElement, "externalId", out externalId) || !TryReadString(document.RootElement, "status", out status))
            {
                var field = TryReadString(document.RootElement, "externalId", out _) ? "status" : "externalId";
                await ReferenceResponses.WriteErrorAsync(context, StatusCodes.Status400BadRequest, "VALIDATION_ERROR", "Validation failed.", [(field, $"{field} has a value of the wrong type.")]);
                return;
            }
        }

        var failures = new List<(string Field, string Message)>();
        if (FindExternalIdViolation(externalId) is { } violation)
        {
            failures.Add(("externalId", violation));
        }

        string? storedStatus = null;
        if (status is null)
        {
            failures.Add(("status", "status is required."));
        }
        else if (!StoredStatus.TryGetValue(status, out storedStatus))
        {
            failures.Add(("status", "status must be one of: active, inactive, deleted, suspended."));
        }

        if (failures.Count > 0)
        {
            await ReferenceResponses.WriteErrorAsync(context, StatusCodes.Status400BadRequest, "VALIDATION_ERROR", "Validation failed.", failures);
            return;
        }

        var now = DateTime.UtcNow;
        now = new DateTime(now.Ticks - (now.Ticks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc);
        var id = Guid.CreateVersion7(now);

        await using (var connection = new SqliteConnection(connectionString))
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = CustomerSql.Insert;
            command.Parameters.AddWithValue("$id", id);
            command.Parameters.AddWithValue("$participant", participant);
            command.Parameters.AddWithValue("$externalId", externalId);
            command.Parameters.AddWithValue("$status", storedStatus);
            command.Parameters.AddWithValue("$createdAt", now);
            try
            {
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
            catch (SqliteException exception) when (exception.SqliteExtendedErrorCode == SqliteConstraintUnique)
            {
                await ReferenceResponses.WriteErrorAsync(context, StatusCodes.Status409Conflict, "DUPLICATE_EXTERNAL_ID", "A customer with this externalId already exists.");
                return;
            }
        }

        ReferenceResponses.Start(context, StatusCodes.Status201Created);
        context.Response.Headers.ETag = "\"1\"";
        context.Response.Headers.Location = $"{context.Request.PathBase}{CustomersPath}/{id:D}";
        await using var json = new Utf8JsonWriter(context.Response.BodyWriter);
        new CustomerJson(json).WriteNew(id, externalId!, status!, participant, now);
    }

    /// <summary>Reads a property as the service's binder does (names case-insensitive); false when it is not a string or null.</summary>
    private static bool TryReadString(JsonElement body, string name, out string? value)
    {
        value = null;
        foreach (var property in body.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                switch (property.Value.ValueKind)
                {
                    case JsonValueKind.String:
                        value = property.Value.GetString();
                        break;
                    case JsonValueKind.Null:
                        value = null;
                        break;
                    default:
                        return false;
                }
            }
        }

        return true;
    }

    private static string? FindExternalIdViolation(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "externalId is required.";
        }

        if (value.Length > 255)
        {
            return "externalId must be at most 255 characters long.";
        }

        if (char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1]))
        {
            return "externalId must not start or end with white space.";
        }

        return value.Any(char.IsControl) ? "externalId must not contain control characters." : null;
    }
}
