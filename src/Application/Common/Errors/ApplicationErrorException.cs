namespace CustomerService.Application.Common.Errors;

/// <summary>
/// A failure the client is told about: it carries the contract's error code, a message written
/// for the client and the fields at fault. The Api turns each kind into its HTTP status and answers
/// with <see cref="ClientMessage"/>, never with an exception's text.
/// </summary>
public abstract class ApplicationErrorException : Exception
{
    protected ApplicationErrorException(string code, string message, IReadOnlyList<FieldError>? details = null)
        : base(message)
    {
        Code = code;
        ClientMessage = message;
        Details = details ?? [];
    }

    public string Code { get; }

    /// <summary>The message for the client, as the contract's error body carries it.</summary>
    public string ClientMessage { get; }

    public IReadOnlyList<FieldError> Details { get; }
}
