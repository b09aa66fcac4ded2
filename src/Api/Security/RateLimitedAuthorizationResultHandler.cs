using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace CustomerService.Api.Security;

/// <summary>
/// A request that authorization refuses (a bad or expired token, a token without a participant, a
/// missing scope) has no participant to answer for it: it is charged to its address's anonymous
/// bucket, and over that bucket the answer is 429 instead of 401 or 403.
/// </summary>
internal sealed class RateLimitedAuthorizationResultHandler(AnonymousRateLimiter limiter) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _refusal = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        ArgumentNullException.ThrowIfNull(authorizeResult);
        if ((authorizeResult.Challenged || authorizeResult.Forbidden) && !AnonymousRateLimiter.IsCharged(context))
        {
            using var lease = limiter.Charge(context);
            if (!lease.IsAcquired)
            {
                await RateLimitRejection.WriteAsync(context, lease);
                return;
            }
        }

        await _refusal.HandleAsync(next, context, policy, authorizeResult);
    }
}
