namespace CustomerService.Api.OpenApi;

/// <summary>
/// A header an operation's answer with <see cref="StatusCode"/> carries beyond those every answer of
/// that status carries (<c>Location</c> on a 201, <c>Retry-After</c> on a 429, ...), e.g. <c>ETag</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class ResponseHeaderAttribute(int statusCode, string name) : Attribute
{
    public int StatusCode { get; } = statusCode;

    public string Name { get; } = name;
}
