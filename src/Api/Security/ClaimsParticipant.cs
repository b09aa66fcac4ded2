using CustomerService.Application.Common.Abstractions;

namespace CustomerService.Api.Security;

/// <summary>
/// The caller's participant, from the <c>participant_id</c> claim of its token. Tokens without it
/// are refused when they are validated, so an authenticated request always has one.
/// </summary>
internal sealed class ClaimsParticipant(IHttpContextAccessor httpContextAccessor) : ICurrentParticipant
{
    public const string ClaimType = "participant_id";

    public string Id =>
        httpContextAccessor.HttpContext?.User.FindFirst(ClaimType)?.Value is { Length: > 0 } id
            ? id
            : throw new InvalidOperationException("The request has no authenticated participant.");
}
