using CustomerService.Application.Common.Errors;

namespace CustomerService.Api.Errors;

internal static class ApiErrors
{
    public static readonly ApiError UnsupportedApiVersion =
        new(ErrorCodes.UnsupportedApiVersion, "The API version in the URL is not supported. Supported versions: 1.");

    /// <summary>The error body of an application error: its code, its client message, its fields.</summary>
    public static ApiError For(ApplicationErrorException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new(error.Code, error.ClientMessage, error.Details);
    }
}
