namespace CustomerService.Api.Security;

/// <summary>
/// The <c>RateLimiting</c> section: each participant has a token bucket of this shape, each client
/// address one of the <see cref="Anonymous"/> shape for what it sends before a participant is known,
/// and <see cref="Redis"/>, when set, makes the participants' buckets one across all instances.
/// </summary>
internal sealed class RateLimitOptions
{
    public const string SectionName = "RateLimiting";

    /// <summary>The largest burst a participant may send.</summary>
    public int TokenLimit { get; set; } = 200;

    /// <summary>How many requests are allowed back each period.</summary>
    public int TokensPerPeriod { get; set; } = 100;

    public TimeSpan ReplenishmentPeriod { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The bucket of each client address for requests refused or served before a participant is known.</summary>
    public AnonymousRateLimitOptions Anonymous { get; set; } = new();

    /// <summary>A StackExchange.Redis connection string; when set, participants' buckets live in Redis.</summary>
    public string? Redis { get; set; }

    /// <summary>Refuses, at start, a bucket that could never admit a request.</summary>
    public void Validate()
    {
        Require(TokenLimit, TokensPerPeriod, ReplenishmentPeriod, SectionName);
        Require(Anonymous.TokenLimit, Anonymous.TokensPerPeriod, Anonymous.ReplenishmentPeriod, $"{SectionName}:Anonymous");
    }

    private static void Require(int tokenLimit, int tokensPerPeriod, TimeSpan period, string section)
    {
        if (tokenLimit < 1 || tokensPerPeriod < 1 || period <= TimeSpan.Zero)
        {
            throw new InvalidOperationException(
                $"{section}: TokenLimit and TokensPerPeriod must be at least 1 and ReplenishmentPeriod longer than zero.");
        }
    }
}
