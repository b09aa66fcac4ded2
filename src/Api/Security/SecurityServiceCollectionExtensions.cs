using CustomerService.Application.Common.Abstractions;
using Microsoft.AspNetCore.Authorization;

namespace CustomerService.Api.Security;

internal static class SecurityServiceCollectionExtensions
{
    /// <summary>
    /// JWT bearer authentication (<see cref="BearerAuthenticationServiceCollectionExtensions"/>),
    /// scope policies and the participant from the token.
    /// </summary>
    public static IServiceCollection AddSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddHttpContextAccessor();
        services.AddScoped<ICurrentParticipant, ClaimsParticipant>();

        services.AddBearerAuthentication(configuration);

        // One policy per scope, named as it; no scope implies another (docs/contract.md, section 6).
        var authorization = services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        foreach (var scope in Scopes.All)
        {
            authorization.AddPolicy(scope, policy => policy.RequireAuthenticatedUser().RequireAssertion(context => Scopes.Grants(context.User, scope)));
        }

        return services;
    }
}
