using CustomerService.Application.Common.Errors;

namespace CustomerService.Api.Errors;

/// <summary>The request body is empty or is not parseable JSON.</summary>
internal sealed class InvalidJsonException(string? message = null)
    : ApplicationErrorException(ContractErrors.InvalidJson, message)
{
    public static InvalidJsonException NotJson() => new();
}
