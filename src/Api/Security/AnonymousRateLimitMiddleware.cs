using Microsoft.AspNetCore.Authorization;

namespace CustomerService.Api.Security;

/// <summary>
/// Runs before authentication: a request that cannot turn out to be a participant's (no credentials,
/// or an endpoint that needs none: health, the OpenAPI document, the reference page) is charged to
/// its address's bucket here, before any other work, and refused with 429 when the bucket is empty.
/// A request with credentials for a protected endpoint is not charged here, so that a valid token
/// is never starved by anonymous traffic from the same address; if authorization refuses it,
/// <see cref="RateLimitedAuthorizationResultHandler"/> charges it then.
/// </summary>
internal sealed class AnonymousRateLimitMiddleware(RequestDelegate next, AnonymousRateLimiter limiter)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (MayCarryAParticipant(context))
        {
            await next(context);
            return;
        }

        using var lease = limiter.Charge(context);
        if (!lease.IsAcquired)
        {
            await RateLimitRejection.WriteAsync(context, lease);
            return;
        }

        await next(context);
    }

    private static bool MayCarryAParticipant(HttpContext context) =>
        context.Request.Headers.Authorization.Count > 0
        && context.GetEndpoint()?.Metadata.GetMetadata<IAllowAnonymous>() is null;
}
