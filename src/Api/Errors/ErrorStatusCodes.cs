using CustomerService.Application.Common.Errors;

namespace CustomerService.Api.Errors;

/// <summary>Which HTTP status each contract error code is answered with, and the reverse for bare statuses.</summary>
internal static class ErrorStatusCodes
{
    private static readonly Dictionary<string, int> StatusByCode = new(StringComparer.Ordinal)
    {
        [ErrorCodes.ValidationError] = StatusCodes.Status400BadRequest,
        [ErrorCodes.InvalidJson] = StatusCodes.Status400BadRequest,
        [ErrorCodes.UnsupportedApiVersion] = StatusCodes.Status400BadRequest,
        [ErrorCodes.Unauthorized] = StatusCodes.Status401Unauthorized,
        [ErrorCodes.Forbidden] = StatusCodes.Status403Forbidden,
        [ErrorCodes.NotFound] = StatusCodes.Status404NotFound,
        [ErrorCodes.MethodNotAllowed] = StatusCodes.Status405MethodNotAllowed,
        [ErrorCodes.DuplicateExternalId] = StatusCodes.Status409Conflict,
        [ErrorCodes.DuplicateAccountAddress] = StatusCodes.Status409Conflict,
        [ErrorCodes.CustomerNotActive] = StatusCodes.Status409Conflict,
        [ErrorCodes.AccountLimitReached] = StatusCodes.Status409Conflict,
        [ErrorCodes.IdempotencyKeyInUse] = StatusCodes.Status409Conflict,
        [ErrorCodes.IdempotencyKeyReused] = StatusCodes.Status422UnprocessableEntity,
        [ErrorCodes.PreconditionFailed] = StatusCodes.Status412PreconditionFailed,
        [ErrorCodes.PayloadTooLarge] = StatusCodes.Status413PayloadTooLarge,
        [ErrorCodes.UnsupportedMediaType] = StatusCodes.Status415UnsupportedMediaType,
        [ErrorCodes.RateLimited] = StatusCodes.Status429TooManyRequests,
        [ErrorCodes.InternalError] = StatusCodes.Status500InternalServerError,
        [ErrorCodes.ServiceUnavailable] = StatusCodes.Status503ServiceUnavailable,
        [ErrorCodes.WebhookEndpointLimitReached] = StatusCodes.Status409Conflict,
    };

    private static readonly Dictionary<int, ApiError> ErrorByStatus = new()
    {
        [StatusCodes.Status400BadRequest] = new(ErrorCodes.ValidationError, "The request is not valid."),
        [StatusCodes.Status401Unauthorized] = new(ErrorCodes.Unauthorized, "A valid bearer token is required."),
        [StatusCodes.Status403Forbidden] = new(ErrorCodes.Forbidden, "The token does not grant the scope this operation needs."),
        [StatusCodes.Status404NotFound] = new(ErrorCodes.NotFound, "No resource exists at this path."),
        [StatusCodes.Status405MethodNotAllowed] = new(ErrorCodes.MethodNotAllowed, "This method is not allowed on this resource."),
        [StatusCodes.Status413PayloadTooLarge] = new(ErrorCodes.PayloadTooLarge, "The request body is too large."),
        [StatusCodes.Status415UnsupportedMediaType] = new(ErrorCodes.UnsupportedMediaType, "The request body must be sent as application/json."),
        [StatusCodes.Status429TooManyRequests] = new(ErrorCodes.RateLimited, "Too many requests; retry later."),
        [StatusCodes.Status500InternalServerError] = new(ErrorCodes.InternalError, "An unexpected error occurred."),
        [StatusCodes.Status503ServiceUnavailable] = new(ErrorCodes.ServiceUnavailable, "The service is temporarily unavailable; retry later."),
    };

    /// <summary>The status a contract code is answered with; unknown codes are server faults.</summary>
    public static int ForCode(string code) =>
        StatusByCode.GetValueOrDefault(code, StatusCodes.Status500InternalServerError);

    /// <summary>The error body for a response that has only a status (routing, media type, framework paths).</summary>
    public static ApiError ForStatus(int status) =>
        ErrorByStatus.TryGetValue(status, out var error)
            ? error
            : status >= StatusCodes.Status500InternalServerError
                ? ErrorByStatus[StatusCodes.Status500InternalServerError]
                : new ApiError(ErrorCodes.ValidationError, "The request cannot be served as sent.");
}
