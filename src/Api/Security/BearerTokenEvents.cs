using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CustomerService.Api.Security;

/// <summary>
/// Applies <see cref="TokenRules"/> to every token the handler accepted, and logs why each refused
/// request was refused: the answer itself says no more than 401 outside Development.
/// </summary>
internal sealed partial class BearerTokenEvents(IOptions<BearerTokenOptions> options, ILogger<BearerTokenEvents> logger) : JwtBearerEvents
{
    public override Task TokenValidated(TokenValidatedContext context)
    {
        ArgumentNullException.ThrowIfNull(context);

        // The clock the token handler checked exp and nbf against.
        var refusal = context.SecurityToken is JsonWebToken token
            ? TokenRules.Refusal(token, TimeProvider.System.GetUtcNow(), options.Value.MaxTokenLifetime)
            : "the token is not a JSON web token";
        if (refusal is not null)
        {
            context.Fail(refusal);
        }

        return Task.CompletedTask;
    }

    public override Task Challenge(JwtBearerChallengeContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var reason = Reason(context.AuthenticateFailure);
        LogRefused(context.HttpContext.TraceIdentifier, reason);
        return Task.CompletedTask;
    }

    /// <summary>A fixed sentence per check, so that nothing of the token reaches the log.</summary>
    private static string Reason(Exception? failure) => failure switch
    {
        null => "no bearer token was sent",
        AggregateException { InnerExceptions: [var first, ..] } => Reason(first),
        AuthenticationFailureException refused => refused.Message,
        SecurityTokenSignatureKeyNotFoundException => "no key configured for the token's issuer verifies its signature",
        SecurityTokenInvalidSignatureException => "the token's signature is not valid",
        SecurityTokenInvalidAlgorithmException => "the token's signing algorithm is not accepted",
        SecurityTokenExpiredException => "the token has expired",
        SecurityTokenNotYetValidException => "the token is not valid yet",
        SecurityTokenNoExpirationException => "the token has no exp",
        SecurityTokenInvalidIssuerException => "the token's issuer is not trusted",
        SecurityTokenInvalidAudienceException => "the token's audience is not this service",
        SecurityTokenMalformedException => "the token is malformed",
        _ => $"the token was refused ({failure.GetType().Name})",
    };

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Bearer token refused for request {RequestId}: {Reason}")]
    private partial void LogRefused(string requestId, string reason);
}
