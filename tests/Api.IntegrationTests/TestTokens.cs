using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CustomerService.Api.IntegrationTests;

/// <summary>Mints bearer tokens the way an identity provider would, signed with the test key the service trusts.</summary>
public static class TestTokens
{
    public const string Issuer = "customer-service-tests";
    public const string Audience = "customer-service";
    public const string AllScopes = "customers:read customers:write";

    /// <summary>The trusted symmetric key (256 bits), base64 as configuration holds it.</summary>
    public static readonly string TrustedKey = Convert.ToBase64String(Encoding.UTF8.GetBytes("integration-tests-signing-key-32b"));

    public static string Mint(
        string? participantId,
        string? scope = AllScopes,
        DateTime? expires = null,
        string? signingKey = null,
        IEnumerable<Claim>? extraClaims = null)
    {
        var claims = new List<Claim>(extraClaims ?? []);
        if (participantId is not null)
        {
            claims.Add(new Claim("participant_id", participantId));
        }

        if (scope is not null)
        {
            claims.Add(new Claim("scope", scope));
        }

        var expiry = expires ?? DateTime.UtcNow.AddHours(1);
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = expiry.AddHours(-2),
            NotBefore = expiry.AddHours(-2),
            Expires = expiry,
            SigningCredentials = new SigningCredentials(
                new SymmetricSecurityKey(Convert.FromBase64String(signingKey ?? TrustedKey)),
                SecurityAlgorithms.HmacSha256),
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }

    /// <summary>An unsigned token (<c>alg: none</c>) with otherwise valid claims.</summary>
    public static string MintUnsigned(string participantId)
    {
        var expires = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds();
        var header = Base64UrlEncoder.Encode(JsonSerializer.Serialize(new { alg = "none", typ = "JWT" }));
        var payload = Base64UrlEncoder.Encode(JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["iss"] = Issuer,
            ["aud"] = Audience,
            ["exp"] = expires,
            ["participant_id"] = participantId,
            ["scope"] = AllScopes,
        }));
        return $"{header}.{payload}.";
    }

    /// <summary>The header of an HS256 token, as JSON, for a test to change before <see cref="Sign(JsonObject, JsonObject, string?)"/>.</summary>
    public static JsonObject Header() => new() { ["alg"] = "HS256", ["typ"] = "JWT" };

    /// <summary>
    /// The claims of a valid token for this participant, as JSON, for a test to change before
    /// <see cref="Sign(JsonObject, JsonObject, string?)"/>: issued a minute ago, valid for an hour.
    /// </summary>
    public static JsonObject Claims(string participantId)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        return new JsonObject
        {
            ["iss"] = Issuer,
            ["aud"] = Audience,
            ["iat"] = now - 60,
            ["nbf"] = now - 60,
            ["exp"] = now + 3600,
            ["participant_id"] = participantId,
            ["scope"] = AllScopes,
        };
    }

    /// <summary>An HS256 token of exactly this header and these claims, signed with the given key (the trusted one by default).</summary>
    public static string Sign(JsonObject header, JsonObject claims, string? signingKey = null)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(claims);
        return Sign(header.ToJsonString(), claims.ToJsonString(), signingKey);
    }

    /// <summary>An HS256 token of exactly this header and payload text (duplicate members and all).</summary>
    public static string Sign(string headerJson, string payloadJson, string? signingKey = null)
    {
        var signed = $"{Base64UrlEncoder.Encode(headerJson)}.{Base64UrlEncoder.Encode(payloadJson)}";
        var signature = HMACSHA256.HashData(Convert.FromBase64String(signingKey ?? TrustedKey), Encoding.ASCII.GetBytes(signed));
        return $"{signed}.{Base64UrlEncoder.Encode(signature)}";
    }
}
