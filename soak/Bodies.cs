using System.Text.Json;
using System.Text.Json.Serialization;

namespace CustomerService.Soak;

/// <summary>A customer as the service returns it; timestamps are kept as the exact strings sent.</summary>
internal sealed record CustomerBody(
    Guid Id,
    string ExternalId,
    string Status,
    string ParticipantId,
    IReadOnlyList<AccountBody> Accounts,
    string CreatedAt,
    string UpdatedAt);

/// <summary>An account as the service returns it; <c>label</c> is omitted when there is none.</summary>
internal sealed record AccountBody(Guid Id, string Network, string Address, string CreatedAt, string? Label = null);

/// <summary>The contract's error body: <c>{ "error": { "code", "message", "details" } }</c>.</summary>
internal sealed record ErrorEnvelope(ErrorBody Error);

internal sealed record ErrorBody(string Code, string Message);

/// <summary>
/// JSON as the contract writes it: camelCase, absent optional members left out, and on reading every
/// member a record does not mark optional is required.
/// </summary>
internal static class Json
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    /// <summary>The body read as <typeparamref name="T"/>, or null when it is not that shape.</summary>
    public static T? TryRead<T>(string body)
        where T : class
    {
        try
        {
            return JsonSerializer.Deserialize<T>(body, Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
