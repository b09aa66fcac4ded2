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
