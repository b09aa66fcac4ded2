namespace CustomerService.Application.Common.Errors;

/// <summary>
/// One error of the HTTP contract (docs/contract.md, section 4): its code, the status it is answered
/// with, what it says by default, what it means, and the body the OpenAPI document shows for it.
/// Each is declared once, in <see cref="ContractErrors"/>; nothing else creates one.
/// </summary>
public sealed class ContractError
{
    internal ContractError(string code, int status, string message, string meaning)
    {
        Code = code;
        Status = status;
        Message = message;
        Meaning = meaning;
        ExampleMessage = message;
    }

    /// <summary>The code the error body carries, e.g. <c>NOT_FOUND</c>.</summary>
    public string Code { get; }

    /// <summary>The HTTP status the error is answered with.</summary>
    public int Status { get; }

    /// <summary>What the answer says when the place that raises it has nothing more particular to say.</summary>
    public string Message { get; }

    /// <summary>What the error means, for people reading the API's documentation: it completes "<c>CODE</c>: …".</summary>
    public string Meaning { get; }

    /// <summary>
    /// Whether an answer that has only this status (from routing, the server or the framework) is
    /// this error: one error per status at most.
    /// </summary>
    public bool AnswersBareStatus { get; init; }

    /// <summary>The message of the example body in the OpenAPI document: what the service really sends most often.</summary>
    public string ExampleMessage { get; init; }

    /// <summary>The fields at fault in the example body.</summary>
    public IReadOnlyList<FieldError> ExampleDetails { get; init; } = [];

    public override string ToString() => Code;
}
