using System.Text.Json;
using System.Text.Json.Nodes;
using CustomerService.Api.Errors;
using CustomerService.Application.Common.Errors;
using CustomerService.Application.Customers.AddAccount;
using CustomerService.Application.Webhooks;
using CustomerService.Domain.Customers;

namespace CustomerService.Api.OpenApi;

/// <summary>
/// The example error body of each contract code. The bodies are the ones the service really sends,
/// taken from the errors that produce them.
/// </summary>
internal static class ErrorExamples
{
    private static readonly Dictionary<string, ApiError> ByCode = new ApiError[]
    {
        ApiErrors.For(new RequestValidationException([new FieldError("externalId", "externalId is required.")])),
        ApiErrors.For(InvalidJsonException.NotJson()),
        ApiErrors.UnsupportedApiVersion,
        ErrorStatusCodes.ForStatus(StatusCodes.Status401Unauthorized),
        ErrorStatusCodes.ForStatus(StatusCodes.Status403Forbidden),
        ApiErrors.For(NotFoundException.Customer()),
        ApiErrors.For(ConflictException.DuplicateExternalId()),
        ApiErrors.For(ConflictException.DuplicateAccountAddress()),
        ApiErrors.For(ConflictException.CustomerNotActive(new CustomerNotActiveException(CustomerStatus.Suspended))),
        ApiErrors.For(ConflictException.AccountLimitReached(new AccountLimitReachedException(new AccountLimitOptions().AccountsPerCustomer))),
        ApiErrors.For(ConflictException.IdempotencyKeyInUse()),
        ApiErrors.For(new IdempotencyKeyReusedException()),
        ApiErrors.For(new PreconditionFailedException()),
        ErrorStatusCodes.ForStatus(StatusCodes.Status413PayloadTooLarge),
        ErrorStatusCodes.ForStatus(StatusCodes.Status415UnsupportedMediaType),
        ErrorStatusCodes.ForStatus(StatusCodes.Status429TooManyRequests),
        ErrorStatusCodes.ForStatus(StatusCodes.Status500InternalServerError),
        ErrorStatusCodes.ForStatus(StatusCodes.Status503ServiceUnavailable),
        ApiErrors.For(ConflictException.WebhookEndpointLimitReached(new WebhookOptions().MaxEndpoints)),
    }.ToDictionary(error => error.Code, StringComparer.Ordinal);

    /// <summary>The example body of each of <paramref name="codes"/>, in their order.</summary>
    /// <exception cref="InvalidOperationException">A code has no example: add the error that produces it above.</exception>
    public static IReadOnlyList<(string Code, JsonNode Body)> For(IEnumerable<string> codes) =>
    [
        .. codes.Select(code => ByCode.TryGetValue(code, out var error)
            ? (code, Body(error))
            : throw new InvalidOperationException($"The error code {code} has no example body.")),
    ];

    /// <summary>The error body that carries <paramref name="error"/>, as JSON.</summary>
    public static JsonNode Body(ApiError error) =>
        JsonSerializer.SerializeToNode(new ErrorEnvelope(error), ErrorJsonContext.Default.ErrorEnvelope)!;
}
