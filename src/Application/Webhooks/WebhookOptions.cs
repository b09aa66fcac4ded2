namespace CustomerService.Application.Webhooks;

/// <summary>The <c>Webhooks</c> section, as far as endpoints and their URLs go (docs/contract.md, sections 9 and 10).</summary>
public sealed class WebhookOptions
{
    public const string SectionName = "Webhooks";

    /// <summary>The most endpoints one participant may have; creating one more is refused.</summary>
    public int MaxEndpoints { get; set; } = 16;

    /// <summary>Accept <c>http</c> URLs too (development and tests only).</summary>
    public bool AllowInsecureUrls { get; set; }

    /// <summary>Accept hosts on loopback, private and other non-public addresses, and connect to them (development and tests only).</summary>
    public bool AllowPrivateNetworks { get; set; }
}
