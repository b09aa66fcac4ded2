using StandardWebhooks;

namespace CustomerService.Infrastructure.Webhooks;

/// <summary>
/// The <c>webhook-signature</c> header of the Standard Webhooks specification (docs/contract.md,
/// section 9): <c>v1,</c> and the base64 HMAC-SHA256 of <c>{id}.{timestamp}.{body}</c> keyed with the
/// base64-decoded secret after <c>whsec_</c>, one per secret, separated by spaces. The package
/// signs with one key; a rotated-out secret that still signs adds a second signature.
/// </summary>
internal static class WebhookSignature
{
    public static string Compute(string id, DateTimeOffset timestamp, string body, IReadOnlyList<string> secrets)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        if (secrets.Count == 0)
        {
            throw new ArgumentException("A delivery is signed with at least one secret.", nameof(secrets));
        }

        return string.Join(' ', secrets.Select(secret => new StandardWebhook(secret).Sign(id, timestamp, body)));
    }
}
