using System.Text.Json.Nodes;
using CustomerService.Application.Common.Errors;

namespace CustomerService.Api.OpenApi;

/// <summary>An example error body for each documented error response, with the code that response names first.</summary>
internal static class ErrorExamples
{
    private static readonly string[] Codes =
    [
        ErrorCodes.ValidationError, ErrorCodes.InvalidJson, ErrorCodes.UnsupportedApiVersion, ErrorCodes.Unauthorized,
        ErrorCodes.Forbidden, ErrorCodes.NotFound, ErrorCodes.DuplicateExternalId, ErrorCodes.DuplicateAccountAddress,
        ErrorCodes.CustomerNotActive, ErrorCodes.IdempotencyKeyInUse, ErrorCodes.IdempotencyKeyReused, ErrorCodes.PreconditionFailed,
        ErrorCodes.PayloadTooLarge, ErrorCodes.UnsupportedMediaType, ErrorCodes.RateLimited, ErrorCodes.InternalError,
        ErrorCodes.ServiceUnavailable,
    ];

    public static JsonNode? For(string status, string? description)
    {
        if (status[0] is not ('4' or '5') || description is null)
        {
            return null;
        }

        var code = Codes
            .Select(candidate => (Code: candidate, Position: description.IndexOf($"`{candidate}`", StringComparison.Ordinal)))
            .Where(found => found.Position >= 0)
            .OrderBy(found => found.Position)
            .Select(found => found.Code)
            .FirstOrDefault();
        if (code is null)
        {
            return null;
        }

        var details = new JsonArray();
        if (code == ErrorCodes.ValidationError)
        {
            details.Add(new JsonObject { ["field"] = "externalId", ["message"] = "externalId is required." });
        }

        var message = code == ErrorCodes.ValidationError
            ? "Validation failed."
            : MessageOf(code);
        return new JsonObject
        {
            ["error"] = new JsonObject { ["code"] = code, ["message"] = message, ["details"] = details },
        };
    }

    private static string MessageOf(string code) => code switch
    {
        ErrorCodes.InvalidJson => "The request body is not valid JSON.",
        ErrorCodes.UnsupportedApiVersion => "The API version in the URL is not supported. Supported versions: 1.",
        ErrorCodes.Unauthorized => "A valid bearer token is required.",
        ErrorCodes.Forbidden => "The token does not grant the scope this operation needs.",
        ErrorCodes.NotFound => "The customer was not found.",
        ErrorCodes.DuplicateExternalId => "A customer with this externalId already exists.",
        ErrorCodes.DuplicateAccountAddress => "An account with this address on this network is already registered.",
        ErrorCodes.CustomerNotActive => "Only an active customer can take new accounts.",
        ErrorCodes.IdempotencyKeyInUse => "A request with this Idempotency-Key is still being processed; retry later.",
        ErrorCodes.IdempotencyKeyReused => "This Idempotency-Key was already used for a different request; use a new key for a new request.",
        ErrorCodes.PreconditionFailed => "The customer has changed since the version named in If-Match; read it again and retry.",
        ErrorCodes.PayloadTooLarge => "The request body is too large.",
        ErrorCodes.UnsupportedMediaType => "The request body must be sent as application/json.",
        ErrorCodes.RateLimited => "Too many requests; retry later.",
        ErrorCodes.ServiceUnavailable => "The service is temporarily unavailable; retry later.",
        _ => "An unexpected error occurred.",
    };
}
