using CustomerService.Application.Common.Errors;

namespace CustomerService.Api.Errors;

/// <summary>The request body is empty or is not parseable JSON.</summary>
internal sealed class InvalidJsonException(string message)
    : ApplicationErrorException(ErrorCodes.InvalidJson, message)
{
    public static InvalidJsonException NotJson() => new("The request body is not valid JSON.");
}
