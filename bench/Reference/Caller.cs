using System.Security.Claims;

namespace CustomerService.Reference;

/// <summary>Who is calling, from the validated token: the participant and the scope checks the service makes.</summary>
internal static class Caller
{
    public const string ParticipantClaim = "participant_id";
    public const string ReadScope = "customers:read";
    public const string WriteScope = "customers:write";

    /// <summary>
    /// The caller's participant when the token is valid and grants <paramref name="scope"/>; otherwise
    /// the 401 or 403 is written and null returned.
    /// </summary>
    public static async Task<string?> AuthorizeAsync(HttpContext context, string scope)
    {
        var user = context.User;
        if (user.Identity?.IsAuthenticated != true || user.FindFirst(ParticipantClaim)?.Value is not { Length: > 0 } participant)
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
            await ReferenceResponses.WriteErrorAsync(context, StatusCodes.Status401Unauthorized, "UNAUTHORIZED", "A valid bearer token is required.");
            return null;
        }

        if (!Grants(user, scope))
        {
            await ReferenceResponses.WriteErrorAsync(context, StatusCodes.Status403Forbidden, "FORBIDDEN", "The token does not grant the scope this operation needs.");
            return null;
        }

        return participant;
    }

    private static bool Grants(ClaimsPrincipal user, string scope) =>
        user.FindAll("scope").Any(claim => claim.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(scope, StringComparer.Ordinal));
}
