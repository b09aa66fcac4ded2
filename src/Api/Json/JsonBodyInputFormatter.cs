using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using CustomerService.Api.Errors;
using CustomerService.Application.Common.Errors;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Formatters;
using Microsoft.Net.Http.Headers;

namespace CustomerService.Api.Json;

/// <summary>
/// Reads <c>application/json</c> bodies and tells the two ways they can be wrong apart: a body that
/// is empty, not UTF-8 or not JSON at all (INVALID_JSON), and JSON whose values have the wrong type
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

        // The body is at most 64 KiB (the body limit stops the copy beyond that), so it is read whole
        // and checked as text before it is parsed.
        using var body = new MemoryStream();
        await context.HttpContext.Request.Body.CopyToAsync(body, context.HttpContext.RequestAborted);
        var text = Utf8Text(body.GetBuffer().AsMemory(0, (int)body.Length));

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = MaxDepth });
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

    /// <summary>
    /// The body without a UTF-8 byte order mark (which RFC 8259 lets a reader ignore). JSON text is
    /// UTF-8; bytes that are not are refused wherever they are, even in a property that is ignored.
    /// </summary>
    private static ReadOnlyMemory<byte> Utf8Text(ReadOnlyMemory<byte> body)
    {
        var text = body.Span.StartsWith(Encoding.UTF8.Preamble) ? body[Encoding.UTF8.Preamble.Length..] : body;
        return Utf8.IsValid(text.Span) ? text : throw new InvalidJsonException("The request body is not valid UTF-8.");
    }

    /// <summary>"$.externalId" → "externalId"; the JSON path as the client wrote it, without the root marker.</summary>
    private static string FieldName(string? path) =>
        path is null || path.Length <= 2 || !path.StartsWith("$.", StringComparison.Ordinal)
            ? "body"
            : path[2..];
}
