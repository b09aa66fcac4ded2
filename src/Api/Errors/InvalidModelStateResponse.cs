using CustomerService.Application.Common.Errors;
using CustomerService.Api.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CustomerService.Api.Errors;

/// <summary>
/// Route and query values that cannot be bound (a non-UUID id, a non-numeric limit) become a
/// VALIDATION_ERROR naming each parameter as the client sent it.
/// </summary>
internal static class InvalidModelStateResponse
{
    public static IActionResult Create(ActionContext context)
    {
        var parameters = context.ActionDescriptor.Parameters
            .ToDictionary(parameter => parameter.Name, StringComparer.OrdinalIgnoreCase);

        var details = context.ModelState
            .Where(entry => entry.Value is { Errors.Count: > 0 })
            .Select(entry => new FieldError(entry.Key, Describe(entry.Key, entry.Value!, parameters.GetValueOrDefault(entry.Key))))
            .ToList();

        return new ErrorResult(ApiErrors.Of(ContractErrors.ValidationError, RequestValidationException.ValidationFailed, details));
    }

    /// <summary>
    /// Query values are bound by <see cref="QueryValueModelBinder"/>, whose messages are written for
    /// people; the framework's messages for other values may quote the input, so those are described
    /// by the parameter's type instead.
    /// </summary>
    private static string Describe(string field, ModelStateEntry entry, ParameterDescriptor? parameter) =>
        parameter is not null && QueryValueModelBinder.Binds(parameter.BindingInfo?.BindingSource, parameter.ParameterType)
            ? entry.Errors[0].ErrorMessage
            : Describe(field, parameter?.ParameterType);

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
