using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.RateLimiting;
using RedisRateLimiting;

namespace CustomerService.Api.Security;

internal static class RateLimitingServiceCollectionExtensions
{
    /// <summary>Redis keys of participants' buckets start with this, apart from anything else kept in the same Redis.</summary>
    private const string RedisKeyPrefix = "customer-service:participant:";

    /// <summary>
    /// The limits of docs/contract.md, section 10: a token bucket per participant from <c>RateLimiting</c>
    /// (in Redis when <c>RateLimiting:Redis</c> is set), one per client address for anonymous traffic
    /// from <c>RateLimiting:Anonymous</c>, and the unlimited lists a participant may run at once from
    /// <c>Limits:ConcurrentFullLists</c>. Every refusal is 429 RATE_LIMITED with <c>Retry-After</c>.
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
        if (!string.IsNullOrWhiteSpace(limits.Redis))
        {
            services.AddSingleton(provider => new RedisRateLimitConnection(
                limits.Redis,
                provider.GetRequiredService<ILogger<RedisRateLimitConnection>>()));
        }

        // Configured from the container, where the Redis connection (when there is one) lives.
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IServiceProvider>((options, provider) =>
        {
            var redis = provider.GetService<RedisRateLimitConnection>();
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                context.User.FindFirst(ClaimsParticipant.ClaimType)?.Value is { } participant
                    ? ParticipantBucket(participant, limits, redis)
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

    private static RateLimitPartition<string> ParticipantBucket(string participant, RateLimitOptions limits, RedisRateLimitConnection? redis)
    {
        var local = new TokenBucketRateLimiterOptions
        {
            TokenLimit = limits.TokenLimit,
            TokensPerPeriod = limits.TokensPerPeriod,
            ReplenishmentPeriod = limits.ReplenishmentPeriod,
            QueueLimit = 0,
            AutoReplenishment = true,
        };
        if (redis is null)
        {
            return RateLimitPartition.GetTokenBucketLimiter(participant, _ => local);
        }

        return RateLimitPartition.Get(participant, key => new SharedTokenBucketRateLimiter(
            new RedisTokenBucketRateLimiter<string>(RedisKeyPrefix + key, new RedisTokenBucketRateLimiterOptions
            {
                ConnectionMultiplexerFactory = () => redis.Multiplexer,
                TokenLimit = limits.TokenLimit,
                TokensPerPeriod = limits.TokensPerPeriod,
                ReplenishmentPeriod = limits.ReplenishmentPeriod,
            }),
            new TokenBucketRateLimiter(local),
            redis));
    }
}
