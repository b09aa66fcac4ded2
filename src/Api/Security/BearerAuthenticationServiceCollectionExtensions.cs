using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;

namespace CustomerService.Api.Security;

internal static class BearerAuthenticationServiceCollectionExtensions
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
    /// <c>dotnet user-jwts</c> writes): each key verifies only its own issuer's tokens, and
    /// <see cref="TokenRules"/> applies on top of the handler's own checks.
    /// </summary>
    public static IServiceCollection AddBearerAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<BearerTokenOptions>()
            .Bind(configuration.GetSection(BearerTokenOptions.SectionName))
            .Validate(options => options.MaxTokenLifetime > TimeSpan.Zero, "Authentication:MaxTokenLifetime must be positive.")
            .ValidateOnStart();
        services.AddSingleton<BearerTokenEvents>();
        services.AddSingleton<SigningKeyRing>();

        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(options =>
            {
                // Claim names as the token has them: "scope", "participant_id".
                options.MapInboundClaims = false;
                options.EventsType = typeof(BearerTokenEvents);
                options.TokenValidationParameters.ValidAlgorithms = SigningAlgorithms;
                options.TokenValidationParameters.RequireSignedTokens = true;
                options.TokenValidationParameters.RequireExpirationTime = true;
                options.TokenValidationParameters.ClockSkew = TimeSpan.FromSeconds(30);
            });

        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            // Outside Development a 401 does not say which check failed; BearerTokenEvents logs it.
            .Configure<IHostEnvironment>((options, environment) => options.IncludeErrorDetails = environment.IsDevelopment())
            // After ASP.NET Core has bound the scheme's configuration: keys come from the ring, by issuer.
            .PostConfigure<SigningKeyRing>((options, ring) => TrustKeysOnlyForTheirIssuer(options.TokenValidationParameters, ring))
            // Built at start, so that a refused key is logged then rather than at the first request.
            .ValidateOnStart();

        return services;
    }

    private static void TrustKeysOnlyForTheirIssuer(TokenValidationParameters parameters, SigningKeyRing ring)
    {
        parameters.IssuerSigningKeys = [];
        parameters.TryAllIssuerSigningKeys = false;

        // An identity provider's keys (Authority) verify the tokens of the issuer its metadata names.
        parameters.IssuerSigningKeyResolverUsingConfiguration = (_, token, _, _, configuration) =>
            configuration is not null && string.Equals(configuration.Issuer, token.Issuer, StringComparison.Ordinal)
                ? [.. ring.KeysFor(token.Issuer), .. configuration.SigningKeys]
                : ring.KeysFor(token.Issuer);
    }
}
