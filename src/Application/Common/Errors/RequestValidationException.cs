namespace CustomerService.Application.Common.Errors;

/// <summary>One or more fields of the request are missing or invalid; all of them are reported at once.</summary>
public sealed class RequestValidationException(IReadOnlyList<FieldError> details)
    : ApplicationErrorException(ContractErrors.ValidationError, ValidationFailed, details)
{
    /// <summary>The message of a validation error that names its fields.</summary>
    public const string ValidationFailed = "Validation failed.";
}
