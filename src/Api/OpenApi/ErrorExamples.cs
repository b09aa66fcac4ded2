using System.Text.Json;
using System.Text.Json.Nodes;
using CustomerService.Api.Errors;
using CustomerService.Application.Common.Errors;
using CustomerService.Domain.Customers;

namespace CustomerService.Api.OpenApi;

/// <summary>
/// Example error bodies for each documented error response, one for each code the response names.
/// The bodies are the ones the service really sends, taken from the errors that produce them.
/// </summary>
internal static class ErrorExamples
{
    private static readonly ApiError[] Known =
    [
        ApiErrors.For(new RequestValidationException([new FieldError("externalId", "externalId is required.")])),
        ApiErrors.For(InvalidJsonException.NotJson()),
        ApiErrors.UnsupportedApiVersion,
        ErrorStatusCodes.ForStatus(StatusCodes.Status401Unauthorized),
        ErrorStatusCodes.ForStatus(StatusCodes.Status403Forbidden),
        ApiErrors.For(NotFoundException.Customer()),
        ApiErrors.For(ConflictException.DuplicateExternalId()),
        ApiErrors.For(ConflictException.DuplicateAccountAddress()),
        ApiErrors.For(ConflictException.CustomerNotActive(new CustomerNotActiveException(CustomerStatus.Suspended))),
        ApiErrors.For(ConflictException.AccountLimitReached(new AccountLimitReachedException(1000))),
        ApiErrors.For(ConflictException.IdempotencyKeyInUse()),
        ApiErrors.For(new IdempotencyKeyReusedException()),
        ApiErrors.For(new PreconditionFailedException()),
        ErrorStatusCodes.ForStatus(StatusCodes.Status413PayloadTooLarge),
        ErrorStatusCodes.ForStatus(StatusCodes.Status415UnsupportedMediaType),
        ErrorStatusCodes.ForStatus(StatusCodes.Status429TooManyRequests),
        ErrorStatusCodes.ForStatus(StatusCodes.Status500InternalServerError),
        ErrorStatusCodes.ForStatus(StatusCodes.Status503ServiceUnavailable),
    ];

    /// <summary>
    /// The example body of each code that <paramref name="description"/> names, in the order it
    /// names them; none for a success or an undescribed response.
    /// </summary>
    public static IReadOnlyList<(string Code, JsonNode Body)> For(string status, string? description)
    {
        if (status[0] is not ('4' or '5') || description is null)
        {
            return [];
        }

        return
        [
            .. Known
                .Select(candidate => (Error: candidate, Position: description.IndexOf($"`{candidate.Code}`", StringComparison.Ordinal)))
                .Where(found => found.Position >= 0)
                .OrderBy(found => found.Position)
                .Select(found => (found.Error.Code, JsonSerializer.SerializeToNode(new ErrorEnvelope(found.Error), ErrorJsonContext.Default.ErrorEnvelope)!)),
        ];
    }
}
