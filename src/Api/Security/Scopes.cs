namespace CustomerService.Api.Security;

/// <summary>The OAuth scopes of this API, which are also the names of the authorization policies.</summary>
public static class Scopes
{
    /// <summary>Needed for every GET.</summary>
    public const string Read = "customers:read";

    /// <summary>Needed for every POST and PUT.</summary>
    public const string Write = "customers:write";

    /// <summary>The claim that carries the scopes: space-separated in one claim, or one claim each.</summary>
    public const string ClaimType = "scope";

    public static bool Grants(System.Security.Claims.ClaimsPrincipal user, string scope) =>
        user.FindAll(ClaimType).Any(claim => claim.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(scope, StringComparer.Ordinal));
}
