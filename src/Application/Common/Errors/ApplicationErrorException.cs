namespace CustomerService.Application.Common.Errors;

/// <summary>
/// A failure the client is told about: it carries the contract's error code, a message for people
/// and the fields at fault. The Api turns each kind into its HTTP status.
/// </summary>
public abstract class ApplicationErrorException : Exception
{
    protected ApplicationErrorException(string code, string message, IReadOnlyList<FieldError>? details = null)
        : base(message)
    {
        Code = code;
        Details = details ?? [];
    }

    public string Code { get; }

    public IReadOnlyList<FieldError> Details { get; }
}
