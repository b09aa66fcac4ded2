using CustomerService.Application.Common.Errors;
using Microsoft.AspNetCore.Mvc;

namespace CustomerService.Api.Errors;

/// <summary>
/// Route and query values that cannot be bound (a non-UUID id, a non-numeric limit) become a
/// VALIDATION_ERROR naming each parameter as the client sent it.
/// </summary>
internal static class InvalidModelStateResponse
{
    public static IActionResult Create(ActionContext context)
    {
        var parameterTypes = context.ActionDescriptor.Parameters
            .ToDictionary(parameter => parameter.Name, parameter => parameter.ParameterType, StringComparer.OrdinalIgnoreCase);

        var details = context.ModelState
            .Where(entry => entry.Value is { Errors.Count: > 0 })
            .Select(entry => new FieldError(entry.Key, Describe(entry.Key, parameterTypes.GetValueOrDefault(entry.Key))))
            .ToList();

        return new ErrorResult(new ApiError(ErrorCodes.ValidationError, "Validation failed.", details));
    }

    private static string Describe(string field, Type? type) =>
        (Nullable.GetUnderlyingType(type ?? typeof(object)) ?? type) switch
        {
            { } t when t == typeof(Guid) => $"{field} must be a UUID.",
            { } t when t == typeof(int) => $"{field} must be a whole number.",
            _ => $"{field} is not valid.",
        };

    private sealed class ErrorResult(ApiError error) : IActionResult
    {
        public Task ExecuteResultAsync(ActionContext context) =>
            ErrorResponseWriter.WriteAsync(context.HttpContext, StatusCodes.Status400BadRequest, error);
    }
}
