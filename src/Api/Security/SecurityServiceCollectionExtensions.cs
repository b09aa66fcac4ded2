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

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Scopes.Read, policy => policy.RequireAuthenticatedUser().RequireAssertion(context => Scopes.Grants(context.User, Scopes.Read)))
            .AddPolicy(Scopes.Write, policy => policy.RequireAuthenticatedUser().RequireAssertion(context => Scopes.Grants(context.User, Scopes.Write)));

        return services;
    }
}
