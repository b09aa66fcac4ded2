namespace CustomerService.Api.Streaming;

/// <summary>The <c>Limits</c> section, as far as streamed responses go (docs/contract.md, section 10).</summary>
internal sealed class StreamLimitOptions
{
    public const string SectionName = "Limits";

    /// <summary>How long one streamed response may run before it is aborted.</summary>
    public TimeSpan MaxStreamDuration { get; set; } = TimeSpan.FromMinutes(10);
}
