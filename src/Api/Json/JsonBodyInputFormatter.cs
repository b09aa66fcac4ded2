using System.Text.Json;
using CustomerService.Api.Errors;
using CustomerService.Application.Common.Errors;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Formatters;
using Microsoft.Net.Http.Headers;

namespace CustomerService.Api.Json;

/// <summary>
/// Reads <c>application/json</c> bodies and tells the two ways they can be wrong apart: a body that
/// is empty or not JSON at all (INVALID_JSON), and JSON whose values have the wrong type
/// (VALIDATION_ERROR naming the field). Failures are thrown as typed errors, so they reach the one
/// error writer instead of the model state.
/// </summary>
internal sealed class JsonBodyInputFormatter : InputFormatter, IInputFormatterExceptionPolicy
{
    private const int MaxDepth = 32;
    private readonly JsonSerializerOptions _serializerOptions;

    public JsonBodyInputFormatter(JsonSerializerOptions serializerOptions)
    {
        _serializerOptions = serializerOptions;
        SupportedMediaTypes.Add(MediaTypeHeaderValue.Parse("application/json"));
    }

    /// <summary>Our own exceptions must propagate to the error writer, not be folded into model state.</summary>
    public InputFormatterExceptionPolicy ExceptionPolicy => InputFormatterExceptionPolicy.MalformedInputExceptions;

    public override Task<InputFormatterResult> ReadAsync(InputFormatterContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.HttpContext.Request;
        var canHaveBody = context.HttpContext.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody ?? true;
        return !canHaveBody || request.ContentLength == 0
            ? throw new InvalidJsonException("The request body is empty; a JSON object is required.")
            : base.ReadAsync(context);
    }

    public override async Task<InputFormatterResult> ReadRequestBodyAsync(InputFormatterContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(
                context.HttpContext.Request.Body,
                new JsonDocumentOptions { MaxDepth = MaxDepth },
                context.HttpContext.RequestAborted);
        }
        catch (JsonException)
        {
            throw new InvalidJsonException("The request body is not valid JSON.");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new RequestValidationException([new FieldError("body", "The request body must be a JSON object.")]);
            }

            try
            {
                return InputFormatterResult.Success(document.RootElement.Deserialize(context.ModelType, _serializerOptions));
            }
            catch (JsonException exception)
            {
                var field = FieldName(exception.Path);
                throw new RequestValidationException([new FieldError(field, $"{field} has a value of the wrong type.")]);
            }
        }
    }

    /// <summary>"$.externalId" → "externalId"; the JSON path as the client wrote it, without the root marker.</summary>
    private static string FieldName(string? path) =>
        path is null || path.Length <= 2 || !path.StartsWith("$.", StringComparison.Ordinal)
            ? "body"
            : path[2..];
}
