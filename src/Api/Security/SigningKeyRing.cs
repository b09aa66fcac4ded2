using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Primitives;
using Microsoft.IdentityModel.Tokens;

namespace CustomerService.Api.Security;

/// <summary>
/// The symmetric keys tokens may be signed with, by issuer: every entry of
/// <c>Authentication:Schemes:Bearer:SigningKeys</c> whose <c>Issuer</c> is a valid issuer, read
/// at start and again whenever configuration reloads (a key added by <c>dotnet user-jwts</c> is
/// seen without a restart). A key verifies only the tokens of the issuer it is configured for.
/// </summary>
/// <remarks>
/// ASP.NET Core reads the same entries itself, but on every request, allows one key per issuer
/// (a second one, as when a key is rotated, made every request a 500), tries every issuer's keys
/// on every token, and a value that is not base64 made every request a 500 too. Here an issuer
/// may have several keys, so an old and a new key can both be trusted while tokens move over; an
/// entry that is not base64, or shorter than 256 bits, is left out and logged at Error, and
/// tokens signed with the other keys still pass.
/// </remarks>
internal sealed partial class SigningKeyRing : IDisposable
{
    /// <summary>RFC 7518 section 3.2: an HMAC key is at least as long as the hash, 256 bits for HS256.</summary>
    public const int MinimumKeyBits = 256;

    private readonly IConfiguration _scheme;
    private readonly ILogger<SigningKeyRing> _logger;
    private readonly IDisposable _reloads;
    private Dictionary<string, SecurityKey[]> _keysByIssuer;

    public SigningKeyRing(
        IConfiguration configuration,
        IAuthenticationConfigurationProvider schemes,
        ILogger<SigningKeyRing> logger)
    {
        _scheme = schemes.GetSchemeConfiguration(JwtBearerDefaults.AuthenticationScheme);
        _logger = logger;
        _keysByIssuer = Load();
        _reloads = ChangeToken.OnChange(configuration.GetReloadToken, () => Volatile.Write(ref _keysByIssuer, Load()));
    }

    /// <summary>The keys configured for this issuer; none for any other name.</summary>
    public IReadOnlyList<SecurityKey> KeysFor(string issuer) =>
        Volatile.Read(ref _keysByIssuer).TryGetValue(issuer, out var keys) ? keys : [];

    /// <summary>The issuers that have at least one trusted key now.</summary>
    public IReadOnlyCollection<string> Issuers => Volatile.Read(ref _keysByIssuer).Keys;

    public void Dispose() => _reloads.Dispose();

    private Dictionary<string, SecurityKey[]> Load()
    {
        var issuers = _scheme.GetSection(nameof(TokenValidationParameters.ValidIssuers)).GetChildren()
            .Select(issuer => issuer.Value)
            .Append(_scheme[nameof(TokenValidationParameters.ValidIssuer)])
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);

        var keys = new List<(string Issuer, SecurityKey Key)>();
        foreach (var entry in _scheme.GetSection("SigningKeys").GetChildren())
        {
            if (entry["Issuer"] is not { } issuer || !issuers.Contains(issuer) || entry["Value"] is not { Length: > 0 } value)
            {
                continue;
            }

            byte[] key;
            try
            {
                key = Convert.FromBase64String(value);
            }
            catch (FormatException)
            {
                LogNotBase64(entry.Path, issuer);
                continue;
            }

            if (key.Length * 8 < MinimumKeyBits)
            {
                LogTooShort(entry.Path, issuer, key.Length * 8, MinimumKeyBits);
                continue;
            }

            keys.Add((issuer, new SymmetricSecurityKey(key)));
        }

        return keys.GroupBy(entry => entry.Issuer, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.Select(entry => entry.Key).ToArray(), StringComparer.Ordinal);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The signing key {Path} of issuer {Issuer} is not base64; it is not trusted")]
    private partial void LogNotBase64(string path, string issuer);

    [LoggerMessage(Level = LogLevel.Error, Message = "The signing key {Path} of issuer {Issuer} has {KeyBits} bits, under the {MinimumKeyBits} required; it is refused and not trusted")]
    private partial void LogTooShort(string path, string issuer, int keyBits, int minimumKeyBits);
}
