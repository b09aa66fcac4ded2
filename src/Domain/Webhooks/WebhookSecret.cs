using System.Security.Cryptography;

namespace CustomerService.Domain.Webhooks;

/// <summary>
/// A signing secret: <c>whsec_</c> followed by the base64 of 32 random bytes (docs/contract.md,
/// section 9). The bytes after the prefix are the HMAC key.
/// </summary>
public static class WebhookSecret
{
    public const string Prefix = "whsec_";
    public const int KeyBytes = 32;

    /// <summary>The length of a secret: the prefix and the base64 of <see cref="KeyBytes"/> bytes.</summary>
    public const int Length = 50;

    public static string Generate() => Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(KeyBytes));
}
