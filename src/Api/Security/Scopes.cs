namespace CustomerService.Api.Security;

/// <summary>The OAuth scopes of this API, which are also the names of the authorization policies.</summary>
public static class Scopes
{
    /// <summary>Needed for every GET of customers and accounts.</summary>
    public const string Read = "customers:read";

    /// <summary>Needed for every POST and PUT of customers and accounts.</summary>
    public const string Write = "customers:write";

    /// <summary>Needed for every GET of webhook endpoints; <see cref="WebhooksWrite"/> does not imply it.</summary>
    public const string WebhooksRead = "webhooks:read";

    /// <summary>Needed for every POST, PUT and DELETE of webhook endpoints.</summary>
    public const string WebhooksWrite = "webhooks:write";

    /// <summary>Every scope, each the name of the policy that demands it.</summary>
    public static readonly IReadOnlyList<string> All = [Read, Write, WebhooksRead, WebhooksWrite];

    /// <summary>The claim that carries the scopes: space-separated in one claim, or one claim each.</summary>
    public const string ClaimType = "scope";

    public static bool Grants(System.Security.Claims.ClaimsPrincipal user, string scope) =>
        user.FindAll(ClaimType).Any(claim => claim.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(scope, StringComparer.Ordinal));
}
