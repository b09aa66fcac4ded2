using System.Collections;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Primitives;
using Microsoft.IdentityModel.Tokens;

namespace CustomerService.Api.Security;

/// <summary>
/// The symmetric keys tokens may be signed with: every entry of
/// <c>Authentication:Schemes:Bearer:SigningKeys</c> whose <c>Issuer</c> is a valid issuer, read
/// once and again whenever configuration reloads (a key added by <c>dotnet user-jwts</c> is seen
/// without a restart).
/// </summary>
/// <remarks>
/// ASP.NET Core reads the same entries itself, but on every request, allows one key per issuer
/// (a second one, as when a key is rotated, made every request a 500), and a value that is not
/// base64 made every request a 500 too. Here an issuer may have several keys, so an old and a new
/// key can both be trusted while tokens move over; an entry that is not base64 is left out and
/// logged, and tokens signed with the other keys still pass.
/// </remarks>
internal sealed partial class SigningKeyRing : IEnumerable<SecurityKey>, IDisposable
{
    private readonly IConfiguration _scheme;
    private readonly ILogger<SigningKeyRing> _logger;
    private readonly IDisposable _reloads;
    private SecurityKey[] _keys;

    public SigningKeyRing(
        IConfiguration configuration,
        IAuthenticationConfigurationProvider schemes,
        ILogger<SigningKeyRing> logger)
    {
        _scheme = schemes.GetSchemeConfiguration(JwtBearerDefaults.AuthenticationScheme);
        _logger = logger;
        _keys = Load();
        _reloads = ChangeToken.OnChange(configuration.GetReloadToken, () => Volatile.Write(ref _keys, Load()));
    }

    public IEnumerator<SecurityKey> GetEnumerator() => ((IEnumerable<SecurityKey>)Volatile.Read(ref _keys)).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public void Dispose() => _reloads.Dispose();

    private SecurityKey[] Load()
    {
        var issuers = _scheme.GetSection(nameof(TokenValidationParameters.ValidIssuers)).GetChildren()
            .Select(issuer => issuer.Value)
            .Append(_scheme[nameof(TokenValidationParameters.ValidIssuer)])
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);

        var keys = new List<SecurityKey>();
        foreach (var entry in _scheme.GetSection("SigningKeys").GetChildren())
        {
            if (entry["Issuer"] is not { } issuer || !issuers.Contains(issuer) || entry["Value"] is not { Length: > 0 } value)
            {
                continue;
            }

            try
            {
                keys.Add(new SymmetricSecurityKey(Convert.FromBase64String(value)));
            }
            catch (FormatException)
            {
                LogNotBase64(entry.Path);
            }
        }

        return [.. keys];
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The signing key {Path}:Value is not base64; it is not trusted")]
    private partial void LogNotBase64(string path);
}
