using System.Text.Json;
using System.Text.Json.Nodes;
using CustomerService.Api.Errors;
using CustomerService.Application.Common.Errors;
using CustomerService.Domain.Customers;

namespace CustomerService.Api.OpenApi;

/// <summary>
/// An example error body for each documented error response, with the code that response names
/// first. The bodies are the ones the service really sends, taken from the errors that produce them.
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
        ApiErrors.For(ConflictException.IdempotencyKeyInUse()),
        ApiErrors.For(new IdempotencyKeyReusedException()),
        ApiErrors.For(new PreconditionFailedException()),
        ErrorStatusCodes.ForStatus(StatusCodes.Status413PayloadTooLarge),
        ErrorStatusCodes.ForStatus(StatusCodes.Status415UnsupportedMediaType),
        ErrorStatusCodes.ForStatus(StatusCodes.Status429TooManyRequests),
        ErrorStatusCodes.ForStatus(StatusCodes.Status500InternalServerError),
        ErrorStatusCodes.ForStatus(StatusCodes.Status503ServiceUnavailable),
    ];

    public static JsonNode? For(string status, string? description)
    {
        if (status[0] is not ('4' or '5') || description is null)
        {
            return null;
        }

        var error = Known
            .Select(candidate => (Error: candidate, Position: description.IndexOf($"`{candidate.Code}`", StringComparison.Ordinal)))
            .Where(found => found.Position >= 0)
            .OrderBy(found => found.Position)
            .Select(found => found.Error)
            .FirstOrDefault();
        return error is null
            ? null
            : JsonSerializer.SerializeToNode(new ErrorEnvelope(error), ErrorJsonContext.Default.ErrorEnvelope);
    }
}
