using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authorization;

namespace CustomerService.Api.Security;

internal static class RateLimitingServiceCollectionExtensions
{
    /// <summary>
    /// The limits of section 10 of the contract: a token bucket per participant from <c>RateLimiting</c>,
    /// one per client address for anonymous traffic from <c>RateLimiting:Anonymous</c>, and the
    /// unlimited lists a participant may run at once from <c>Limits:ConcurrentFullLists</c>. Every
    /// refusal is 429 RATE_LIMITED with <c>Retry-After</c>.
    /// </summary>
    public static IServiceCollection AddContractRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        var limits = configuration.GetSection(RateLimitOptions.SectionName).Get<RateLimitOptions>() ?? new RateLimitOptions();
        limits.Validate();
        var fullLists = configuration.GetValue(FullListConcurrencyPolicy.SettingName, FullListConcurrencyPolicy.DefaultPermits);
        if (fullLists < 1)
        {
            throw new InvalidOperationException($"{FullListConcurrencyPolicy.SettingName} must be at least 1.");
        }

        services.AddSingleton(limits);
        services.AddSingleton<AnonymousRateLimiter>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, RateLimitedAuthorizationResultHandler>();
        services.AddRateLimiter(options =>
        {
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                context.User.FindFirst(ClaimsParticipant.ClaimType)?.Value is { } participant
                    ? ParticipantBucket(participant, limits)
                    : RateLimitPartition.GetNoLimiter(string.Empty));
            options.AddPolicy(FullListConcurrencyPolicy.Name, new FullListConcurrencyPolicy(fullLists));
            options.OnRejected = (context, _) => new ValueTask(RateLimitRejection.WriteAsync(context.HttpContext, context.Lease));
        });
        return services;
    }

    /// <summary>
    /// Runs before authentication, so that anonymous traffic is refused before a token is even read.
    /// Requests without a participant are not charged to the participants' limiter: this one has them.
    /// </summary>
    public static IApplicationBuilder UseAnonymousRateLimiting(this IApplicationBuilder app) =>
        app.UseMiddleware<AnonymousRateLimitMiddleware>();

    private static RateLimitPartition<string> ParticipantBucket(string participant, RateLimitOptions limits) =>
        RateLimitPartition.GetTokenBucketLimiter(participant, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = limits.TokenLimit,
            TokensPerPeriod = limits.TokensPerPeriod,
            ReplenishmentPeriod = limits.ReplenishmentPeriod,
            QueueLimit = 0,
            AutoReplenishment = true,
        });
}
