using CustomerService.Domain.Common;

namespace CustomerService.Domain.Webhooks;

/// <summary>
/// The form an endpoint's URL must have: absolute, <c>https</c> (or <c>http</c> where insecure URLs
/// are allowed), a host, no user name or password and no fragment. Where its host may point is
/// checked by <see cref="NetworkAddresses"/> on the addresses it resolves to.
/// </summary>
public static class WebhookUrl
{
    public const string FieldName = "url";
    public const int MaxLength = 2048;

    /// <summary>
    /// Reads a URL a client sent by the form rules, <c>http</c> included: whether insecure URLs are
    /// allowed, and where the host may point, is the registration's policy (checked on the value read).
    /// </summary>
    public static Checked<string> Check(string? value) =>
        FindViolation(value, allowInsecure: true) is { } violation ? Checked.Refuse<string>(FieldName, violation) : Checked.Accept(value!);

    /// <summary>As <see cref="Check"/>, where the URL may be left out (null: unchanged).</summary>
    public static Checked<string?> CheckOptional(string? value) =>
        value is null ? Checked.Accept<string?>(null) : Check(value).Select(url => (string?)url);

    /// <summary>Returns why <paramref name="value"/> is not an acceptable endpoint URL, or null when it is.</summary>
    public static string? FindViolation(string? value, bool allowInsecure)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "url is required.";
        }

        if (value.Length > MaxLength)
        {
            return $"url must be at most {MaxLength} characters long.";
        }

        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host) || value.Any(char.IsWhiteSpace))
        {
            return "url must be an absolute URL.";
        }

        var secure = uri.Scheme == Uri.UriSchemeHttps;
        if (!secure && !(allowInsecure && uri.Scheme == Uri.UriSchemeHttp))
        {
            return "url must use https.";
        }

        if (uri.UserInfo.Length > 0)
        {
            return "url must not contain a user name or password.";
        }

        if (uri.Fragment.Length > 0)
        {
            return "url must not contain a fragment.";
        }

        return null;
    }
}
