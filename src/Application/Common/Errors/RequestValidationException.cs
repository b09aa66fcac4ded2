namespace CustomerService.Application.Common.Errors;

/// <summary>One or more fields of the request are missing or invalid; all of them are reported at once.</summary>
public sealed class RequestValidationException(IReadOnlyList<FieldError> details)
    : ApplicationErrorException(ErrorCodes.ValidationError, "Validation failed.", details);
