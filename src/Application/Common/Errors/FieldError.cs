namespace CustomerService.Application.Common.Errors;

/// <summary>One field at fault: <paramref name="Field"/> is the JSON name the client sent.</summary>
public sealed record FieldError(string Field, string Message);
