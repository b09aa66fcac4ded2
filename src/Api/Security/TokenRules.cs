using System.Buffers;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CustomerService.Api.Security;

/// <summary>
/// The checks a signed, unexpired token of a trusted issuer must still pass, read from the JSON the
/// token actually carries: the claims ASP.NET Core maps have lost its types (an array became its
/// first element, a number its digits).
/// </summary>
internal static class TokenRules
{
    public const int MaxParticipantIdLength = 128;

    private static readonly SearchValues<char> ParticipantIdCharacters =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._:-");

    // RFC 7515 section 4.1.9: typ compares case-insensitively, and "JWT" means "application/jwt".
    private static readonly string[] TokenTypes = ["JWT", "at+jwt", "application/jwt", "application/at+jwt"];

    /// <summary>Why the token is refused, or null when it passes. The reason never quotes the token.</summary>
    public static string? Refusal(JsonWebToken token, DateTimeOffset now, TimeSpan maxLifetime)
    {
        // The token handler has read both parts already; this guards against a reader that is laxer than ours.
        try
        {
            using var header = JsonDocument.Parse(Base64UrlEncoder.DecodeBytes(token.EncodedHeader));
            using var payload = JsonDocument.Parse(Base64UrlEncoder.DecodeBytes(token.EncodedPayload));
            return HeaderRefusal(header.RootElement)
                ?? ParticipantRefusal(payload.RootElement)
                ?? LifetimeRefusal(payload.RootElement, now, maxLifetime);
        }
        catch (Exception exception) when (exception is JsonException or FormatException)
        {
            return "the token's header or payload is not JSON";
        }
    }

    private static string? HeaderRefusal(JsonElement header)
    {
        if (Members(header, "crit").Count > 0)
        {
            return "the token's header carries crit";
        }

        var types = Members(header, JwtHeaderParameterNames.Typ);
        return types.Count == 0
               || (types.Count == 1 && types[0].ValueKind == JsonValueKind.String
                   && TokenTypes.Contains(types[0].GetString(), StringComparer.OrdinalIgnoreCase))
            ? null
            : "the token's typ is neither JWT nor at+jwt";
    }

    private static string? ParticipantRefusal(JsonElement payload)
    {
        var values = Members(payload, ClaimsParticipant.ClaimType);
        return values.Count == 1
               && values[0].ValueKind == JsonValueKind.String
               && values[0].GetString() is { Length: > 0 and <= MaxParticipantIdLength } id
               && !id.AsSpan().ContainsAnyExcept(ParticipantIdCharacters)
            ? null
            : $"the token's participant_id is not one JSON string of 1-{MaxParticipantIdLength} characters from A-Za-z0-9._:-";
    }

    private static string? LifetimeRefusal(JsonElement payload, DateTimeOffset now, TimeSpan maxLifetime)
    {
        var expires = Members(payload, JwtRegisteredClaimNames.Exp);
        var issued = Members(payload, JwtRegisteredClaimNames.Iat);
        if (expires.Count != 1 || expires[0].ValueKind != JsonValueKind.Number
            || issued.Count > 1 || (issued.Count == 1 && issued[0].ValueKind != JsonValueKind.Number))
        {
            return "the token's exp or iat is not one number";
        }

        // A token issued "in the future" is valid from now on, so it counts from now.
        var nowSeconds = now.ToUnixTimeMilliseconds() / 1000d;
        var from = issued.Count == 1 ? Math.Min(issued[0].GetDouble(), nowSeconds) : nowSeconds;
        return expires[0].GetDouble() - from > maxLifetime.TotalSeconds
            ? "the token's lifetime exceeds Authentication:MaxTokenLifetime"
            : null;
    }

    /// <summary>Every value of a member, so that a member named twice is seen as such.</summary>
    private static List<JsonElement> Members(JsonElement json, string name) =>
        json.ValueKind == JsonValueKind.Object
            ? [.. json.EnumerateObject().Where(member => member.NameEquals(name)).Select(member => member.Value)]
            : [];
}
