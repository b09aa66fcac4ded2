namespace CustomerService.Api.OpenApi;

/// <summary>
/// A method that the path of the action it is put on does not serve, documented as an operation
/// of its own so that clients generated from the document have it (the SDK calls it). The service
/// answers it, whatever the path's values, with 405 <c>METHOD_NOT_ALLOWED</c> and an <c>Allow</c>
/// header naming the methods the path serves.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class RefusedMethodAttribute(string method, string operationId) : Attribute
{
    /// <summary>The HTTP method, e.g. <c>DELETE</c>.</summary>
    public string Method { get; } = method;

    /// <summary>The operation's id: the SDK's name for the call.</summary>
    public string OperationId { get; } = operationId;

    /// <summary>Why the path refuses it, for people.</summary>
    public string? Description { get; init; }
}
