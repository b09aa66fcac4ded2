using CustomerService.Application.Common.Errors;

namespace CustomerService.Api.Errors;

/// <summary>The error bodies of the contract's errors (<see cref="ContractErrors"/>).</summary>
internal static class ApiErrors
{
    /// <summary>
    /// The error for an answer that has only a status (routing, media type, framework paths): the
    /// contract error that answers that status, else, for a status no error of the contract claims,
    /// INTERNAL_ERROR from 500 up and VALIDATION_ERROR below.
    /// </summary>
    private static readonly Dictionary<int, ApiError> ByBareStatus = ContractErrors.All
        .Where(error => error.AnswersBareStatus)
        .ToDictionary(error => error.Status, error => Of(error));

    /// <summary>The body of <paramref name="error"/>, with its default message unless another is given.</summary>
    public static ApiError Of(ContractError error, string? message = null, IReadOnlyList<FieldError>? details = null)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new(error.Code, message ?? error.Message, details ?? []);
    }

    /// <summary>The error body of an application error: its code, its client message, its fields.</summary>
    public static ApiError For(ApplicationErrorException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return Of(error.Error, error.ClientMessage, error.Details);
    }

    /// <summary>The body the OpenAPI document shows as the example of <paramref name="error"/>.</summary>
    public static ApiError ExampleOf(ContractError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return Of(error, error.ExampleMessage, error.ExampleDetails);
    }

    /// <summary>The error body for a response that has only a status.</summary>
    public static ApiError ForStatus(int status) =>
        ByBareStatus.TryGetValue(status, out var error)
            ? error
            : status >= StatusCodes.Status500InternalServerError
                ? ByBareStatus[StatusCodes.Status500InternalServerError]
                : Of(ContractErrors.ValidationError, "The request cannot be served as sent.");
}
