using System.Threading.RateLimiting;
using CustomerService.Api.Errors;
using CustomerService.Application.Common.Abstractions;
using Microsoft.AspNetCore.Authorization;

namespace CustomerService.Api.Security;

internal static class SecurityServiceCollectionExtensions
{
    /// <summary>
    /// JWT bearer authentication (<see cref="BearerAuthenticationServiceCollectionExtensions"/>),
    /// scope policies, the participant from the token, and a per-participant token-bucket rate limit from <c>RateLimiting</c>.
    /// </summary>
    public static IServiceCollection AddSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddHttpContextAccessor();
        services.AddScoped<ICurrentParticipant, ClaimsParticipant>();

        services.AddBearerAuthentication(configuration);

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Scopes.Read, policy => policy.RequireAuthenticatedUser().RequireAssertion(context => Scopes.Grants(context.User, Scopes.Read)))
            .AddPolicy(Scopes.Write, policy => policy.RequireAuthenticatedUser().RequireAssertion(context => Scopes.Grants(context.User, Scopes.Write)));

        var limits = configuration.GetSection(RateLimitOptions.SectionName).Get<RateLimitOptions>() ?? new RateLimitOptions();
        services.AddRateLimiter(options =>
        {
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                RateLimitPartition.GetTokenBucketLimiter(
                    context.User.FindFirst(ClaimsParticipant.ClaimType)?.Value ?? string.Empty,
                    _ => new TokenBucketRateLimiterOptions
                    {
                        TokenLimit = limits.TokenLimit,
                        TokensPerPeriod = limits.TokensPerPeriod,
                        ReplenishmentPeriod = limits.ReplenishmentPeriod,
                        QueueLimit = 0,
                        AutoReplenishment = true,
                    }));
            options.OnRejected = (context, _) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : limits.ReplenishmentPeriod;
                context.HttpContext.Response.Headers.RetryAfter =
                    Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                return new ValueTask(ErrorResponseWriter.WriteAsync(
                    context.HttpContext,
                    StatusCodes.Status429TooManyRequests,
                    ErrorStatusCodes.ForStatus(StatusCodes.Status429TooManyRequests)));
            };
        });

        return services;
    }
}
