namespace CustomerService.Api.Security;

/// <summary>The <c>RateLimiting</c> section: each participant has a token bucket of this shape.</summary>
internal sealed class RateLimitOptions
{
    public const string SectionName = "RateLimiting";

    /// <summary>The largest burst a participant may send.</summary>
    public int TokenLimit { get; set; } = 200;

    /// <summary>How many requests are allowed back each period.</summary>
    public int TokensPerPeriod { get; set; } = 100;

    public TimeSpan ReplenishmentPeriod { get; set; } = TimeSpan.FromSeconds(1);
}
