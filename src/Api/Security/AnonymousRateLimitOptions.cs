namespace CustomerService.Api.Security;

/// <summary>The <c>RateLimiting:Anonymous</c> section: the token bucket of one client address.</summary>
internal sealed class AnonymousRateLimitOptions
{
    /// <summary>The largest burst one client address may send.</summary>
    public int TokenLimit { get; set; } = 100;

    /// <summary>How many requests are allowed back each period.</summary>
    public int TokensPerPeriod { get; set; } = 50;

    public TimeSpan ReplenishmentPeriod { get; set; } = TimeSpan.FromSeconds(1);
}
