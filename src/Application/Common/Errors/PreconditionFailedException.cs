namespace CustomerService.Application.Common.Errors;

/// <summary>The client's precondition (If-Match) does not hold for the current version.</summary>
public sealed class PreconditionFailedException()
    : ApplicationErrorException(
        ErrorCodes.PreconditionFailed,
        "The customer has changed since the version named in If-Match; read it again and retry.");
