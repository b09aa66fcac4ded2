using CustomerService.Api.Http;
using CustomerService.Api.Idempotency;
using CustomerService.Api.Security;
using CustomerService.Application.Common.Errors;
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

    /// <summary>The error answers any operation can give.</summary>
    internal static readonly ProducesErrorAttribute[] EveryOperation =
    [
        new(StatusCodes.Status400BadRequest, ErrorCodes.ValidationError, ErrorCodes.InvalidJson, ErrorCodes.UnsupportedApiVersion)
        {
            Description = "`VALIDATION_ERROR` (a path, query or body value is invalid; `details` names each field), `INVALID_JSON`, or `UNSUPPORTED_API_VERSION`.",
        },
        new(StatusCodes.Status401Unauthorized, ErrorCodes.Unauthorized)
        {
            Description = "`UNAUTHORIZED`: no token, or one that is malformed, expired, unsigned or names no participant.",
        },
        new(StatusCodes.Status403Forbidden, ErrorCodes.Forbidden) { Description = "`FORBIDDEN`: the token lacks the scope this operation needs." },
        new(StatusCodes.Status429TooManyRequests, ErrorCodes.RateLimited) { Description = RateLimited },
        new(StatusCodes.Status500InternalServerError, ErrorCodes.InternalError) { Description = "`INTERNAL_ERROR`: something unexpected; quote the `X-Request-Id`." },
        new(StatusCodes.Status503ServiceUnavailable, ErrorCodes.ServiceUnavailable)
        {
            Description = "`SERVICE_UNAVAILABLE`: the database cannot be reached; retry after `Retry-After` seconds.",
        },
    ];

    private static readonly ProducesErrorAttribute[] OperationsWithBody =
    [
        new(StatusCodes.Status413PayloadTooLarge, ErrorCodes.PayloadTooLarge)
        {
            Description = $"`PAYLOAD_TOO_LARGE`: the body is over {RequestBodyLimitMiddleware.MaxBodyBytes / 1024} KiB.",
        },
        new(StatusCodes.Status415UnsupportedMediaType, ErrorCodes.UnsupportedMediaType) { Description = "`UNSUPPORTED_MEDIA_TYPE`: the body is not `application/json`." },
    ];

    private static readonly ProducesErrorAttribute TooManyFullLists =
        new(StatusCodes.Status429TooManyRequests, ErrorCodes.RateLimited) { Description = RateLimitedOrTooManyFullLists };

    private static readonly ProducesErrorAttribute IdempotencyKeyReused = new(StatusCodes.Status422UnprocessableEntity, ErrorCodes.IdempotencyKeyReused)
    {
        Description = "`IDEMPOTENCY_KEY_REUSED`: this `Idempotency-Key` was used for a different request (method, path or body).",
    };

    public void Apply(ActionModel action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var takesBody = action.Attributes.OfType<ConsumesAttribute>().Any();
        var limitsFullLists = action.Attributes.OfType<EnableRateLimitingAttribute>()
            .Any(attribute => attribute.PolicyName == FullListConcurrencyPolicy.Name);
        foreach (var error in takesBody ? EveryOperation.Concat(OperationsWithBody) : EveryOperation)
        {
            action.Filters.Add(error.StatusCode == StatusCodes.Status429TooManyRequests && limitsFullLists ? TooManyFullLists : error);
        }

        if (action.Attributes.OfType<IdempotentAttribute>().Any())
        {
            action.Filters.Add(IdempotencyKeyReused);
        }
    }
}
