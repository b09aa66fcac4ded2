using CustomerService.Application.Common.Abstractions;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.IdentityModel.Tokens;

namespace CustomerService.Api.Security;

internal static class SecurityServiceCollectionExtensions
{
    /// <summary>The algorithms a token may be signed with; anything else (and <c>none</c>) is refused.</summary>
    private static readonly string[] SigningAlgorithms =
    [
        SecurityAlgorithms.HmacSha256, SecurityAlgorithms.HmacSha384, SecurityAlgorithms.HmacSha512,
        SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512,
        SecurityAlgorithms.RsaSsaPssSha256, SecurityAlgorithms.RsaSsaPssSha384, SecurityAlgorithms.RsaSsaPssSha512,
        SecurityAlgorithms.EcdsaSha256, SecurityAlgorithms.EcdsaSha384, SecurityAlgorithms.EcdsaSha512,
    ];

    /// <summary>
    /// JWT bearer authentication configured from <c>Authentication:Schemes:Bearer</c> (the layout
    /// <c>dotnet user-jwts</c> writes), scope policies and the participant from the token.
    /// </summary>
    public static IServiceCollection AddSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddHttpContextAccessor();
        services.AddScoped<ICurrentParticipant, ClaimsParticipant>();

        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(options =>
            {
                // Claim names as the token has them: "scope", "participant_id".
                options.MapInboundClaims = false;
                options.TokenValidationParameters.ValidAlgorithms = SigningAlgorithms;
                options.TokenValidationParameters.RequireSignedTokens = true;
                options.TokenValidationParameters.RequireExpirationTime = true;
                options.TokenValidationParameters.ClockSkew = TimeSpan.FromSeconds(30);
                options.Events = new JwtBearerEvents
                {
                    OnTokenValidated = context =>
                    {
                        if (context.Principal?.FindFirst(ClaimsParticipant.ClaimType)?.Value is not { Length: > 0 })
                        {
                            context.Fail("The token has no participant_id claim.");
                        }

                        return Task.CompletedTask;
                    },
                };
            });

        // After ASP.NET Core has bound the scheme's configuration: its signing keys come from the ring.
        services.AddSingleton<SigningKeyRing>();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .PostConfigure<SigningKeyRing>((options, keys) => options.TokenValidationParameters.IssuerSigningKeys = keys);

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Scopes.Read, policy => policy.RequireAuthenticatedUser().RequireAssertion(context => Scopes.Grants(context.User, Scopes.Read)))
            .AddPolicy(Scopes.Write, policy => policy.RequireAuthenticatedUser().RequireAssertion(context => Scopes.Grants(context.User, Scopes.Write)));

        return services;
    }
}
