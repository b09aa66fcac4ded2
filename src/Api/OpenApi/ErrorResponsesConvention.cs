using CustomerService.Api.Errors;
using CustomerService.Api.Idempotency;
using CustomerService.Api.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.RateLimiting;

namespace CustomerService.Api.OpenApi;

/// <summary>
/// Declares, on every action, the error answers any operation can give (so the OpenAPI document lists
/// them with the error body); the errors particular to one operation are declared on the action itself.
/// </summary>
internal sealed class ErrorResponsesConvention : IActionModelConvention
{
    private const string RateLimited =
        "`RATE_LIMITED`: over the participant's request rate, or (a request refused before a participant is known) " +
        "over the client address's rate; retry after `Retry-After` seconds.";

    private const string RateLimitedOrTooManyFullLists =
        "`RATE_LIMITED`: over the participant's request rate, or (a request refused before a participant is known) " +
        "over the client address's rate, or (without `limit`) the participant already runs as many unlimited lists " +
        "as it may at once; retry after `Retry-After` seconds.";

    private static readonly (int Status, string Description)[] EveryOperation =
    [
        (StatusCodes.Status400BadRequest, "`VALIDATION_ERROR` (a path, query or body value is invalid; `details` names each field), `INVALID_JSON`, or `UNSUPPORTED_API_VERSION`."),
        (StatusCodes.Status401Unauthorized, "`UNAUTHORIZED`: no token, or one that is malformed, expired, unsigned or names no participant."),
        (StatusCodes.Status403Forbidden, "`FORBIDDEN`: the token lacks the scope this operation needs."),
        (StatusCodes.Status429TooManyRequests, RateLimited),
        (StatusCodes.Status500InternalServerError, "`INTERNAL_ERROR`: something unexpected; quote the `X-Request-Id`."),
        (StatusCodes.Status503ServiceUnavailable, "`SERVICE_UNAVAILABLE`: the database cannot be reached; retry after `Retry-After` seconds."),
    ];

    private static readonly (int Status, string Description)[] OperationsWithBody =
    [
        (StatusCodes.Status413PayloadTooLarge, "`PAYLOAD_TOO_LARGE`: the body is over 64 KiB."),
        (StatusCodes.Status415UnsupportedMediaType, "`UNSUPPORTED_MEDIA_TYPE`: the body is not `application/json`."),
    ];

    public void Apply(ActionModel action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var takesBody = action.Attributes.OfType<ConsumesAttribute>().Any();
        var limitsFullLists = action.Attributes.OfType<EnableRateLimitingAttribute>()
            .Any(attribute => attribute.PolicyName == FullListConcurrencyPolicy.Name);
        foreach (var (status, description) in takesBody ? EveryOperation.Concat(OperationsWithBody) : EveryOperation)
        {
            action.Filters.Add(new ProducesResponseTypeAttribute(typeof(ErrorEnvelope), status)
            {
                Description = status == StatusCodes.Status429TooManyRequests && limitsFullLists ? RateLimitedOrTooManyFullLists : description,
            });
        }

        if (action.Attributes.OfType<IdempotentAttribute>().Any())
        {
            action.Filters.Add(new ProducesResponseTypeAttribute(typeof(ErrorEnvelope), StatusCodes.Status422UnprocessableEntity)
            {
                Description = "`IDEMPOTENCY_KEY_REUSED`: this `Idempotency-Key` was used for a different request (method, path or body).",
            });
        }
    }
}
