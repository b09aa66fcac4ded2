namespace CustomerService.Application.Common.Errors;

/// <summary>One field at fault: <c>field</c> is the JSON name the client sent.</summary>
public sealed record FieldError(string Field, string Message);
