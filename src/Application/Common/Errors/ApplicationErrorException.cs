namespace CustomerService.Application.Common.Errors;

/// <summary>
/// A failure the client is told about: one of the contract's errors (<see cref="ContractErrors"/>),
/// a message written for the client and the fields at fault. The Api answers it with the error's
/// status and <see cref="ClientMessage"/>, never with an exception's text.
/// </summary>
public class ApplicationErrorException : Exception
{
    /// <param name="error">The contract's error, from <see cref="ContractErrors"/>.</param>
    /// <param name="message">What the client is told, when it is more particular than the error's default message.</param>
    /// <param name="details">The fields at fault.</param>
    public ApplicationErrorException(ContractError error, string? message = null, IReadOnlyList<FieldError>? details = null)
        : base(message ?? error?.Message)
    {
        ArgumentNullException.ThrowIfNull(error);
        Error = error;
        ClientMessage = message ?? error.Message;
        Details = details ?? [];
    }

    public ContractError Error { get; }

    public string Code => Error.Code;

    /// <summary>The message for the client, as the contract's error body carries it.</summary>
    public string ClientMessage { get; }

    public IReadOnlyList<FieldError> Details { get; }
}
