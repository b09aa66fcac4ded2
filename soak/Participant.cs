using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CustomerService.Soak;

/// <summary>One caller of the service: a participant and the bearer token that names it.</summary>
/// <param name="Label">How the summary names it: A or B.</param>
/// <param name="Id">The participant id the token carries.</param>
/// <param name="Token">The bearer token.</param>
internal sealed record Participant(string Label, string Id, string Token)
{
    public const string Scopes = "customers:read customers:write webhooks:read webhooks:write";

    private const string ParticipantClaim = "participant_id";

    /// <summary>A participant with an HS256 token signed by a key the service trusts, as an identity provider would issue.</summary>
    public static Participant Mint(string label, string participantId, SoakOptions options, TimeSpan lifetime)
    {
        ArgumentNullException.ThrowIfNull(options);
        var now = DateTime.UtcNow;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = options.Issuer,
            Audience = options.Audience,
            Claims = new Dictionary<string, object>
            {
                [ParticipantClaim] = participantId,
                ["scope"] = Scopes,
            },
            IssuedAt = now,
            NotBefore = now,
            Expires = now + lifetime,
            SigningCredentials = new SigningCredentials(
                new SymmetricSecurityKey(Convert.FromBase64String(options.SigningKey!)),
                SecurityAlgorithms.HmacSha256),
        };
        return new Participant(label, participantId, new JsonWebTokenHandler().CreateToken(descriptor));
    }

    /// <summary>A participant from a token given on the command line; its id is read from the token, which is not validated here.</summary>
    public static Participant FromToken(string label, string token)
    {
        var jwt = new JsonWebToken(token);
        return jwt.TryGetPayloadValue<string>(ParticipantClaim, out var id) && !string.IsNullOrEmpty(id)
            ? new Participant(label, id, token)
            : throw new ArgumentException($"Token {label} has no {ParticipantClaim} claim.");
    }

    public override string ToString() => $"{Label} ({Id})";
}
