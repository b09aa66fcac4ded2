using CustomerService.Application.Common.Errors;

namespace CustomerService.Api.Errors;

internal static class ApiErrors
{
    public static readonly ApiError UnsupportedApiVersion =
        new(ErrorCodes.UnsupportedApiVersion, "The API version in the URL is not supported. Supported versions: 1.");
}
