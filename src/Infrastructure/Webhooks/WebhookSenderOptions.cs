namespace CustomerService.Infrastructure.Webhooks;

/// <summary>The <c>Webhooks</c> section, as far as one delivery attempt goes.</summary>
public sealed class WebhookSenderOptions
{
    public const string SectionName = "Webhooks";

    /// <summary>How long an attempt may take, from connecting to the end of the answer read (docs/contract.md, section 9: 10 s).</summary>
    public TimeSpan DeliveryTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
