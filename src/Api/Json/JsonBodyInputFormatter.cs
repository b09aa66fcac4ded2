using System.Globalization;
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
/// Reads <c>application/json</c> bodies, UTF-8 only, and tells apart the ways they can be wrong: a
/// body that is empty, not UTF-8, not JSON, or JSON text no string can hold (INVALID_JSON); and JSON
/// that is not one unambiguous object of the right shape: not an object, a property given twice, a
/// value of the wrong type (VALIDATION_ERROR naming the field). Failures are thrown as typed errors,
/// so they reach the one error writer instead of the model state.
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

    /// <summary>
    /// Reads only UTF-8 JSON as sent: a Content-Type that is not one well-formed media type, or that
    /// names another charset, or a body in a content coding (gzip, br, ...), is left unread, which
    /// MVC answers with 415. A compressed body is not decoded, so reading it would only find garbage.
    /// </summary>
    public override bool CanRead(InputFormatterContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.HttpContext.Request;
        return MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            && IsUtf8(mediaType)
            && IsNotEncoded(request)
            && base.CanRead(context);
    }

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
            throw InvalidJsonException.NotJson();
        }

        using (document)
        {
            if (HasUnpairedSurrogateEscape(text.Span))
            {
                throw new InvalidJsonException("The request body is not valid JSON text: it escapes half of a surrogate pair, which is no character.");
            }

            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new RequestValidationException([new FieldError("body", "The request body must be a JSON object.")]);
            }

            if (FindRepeatedProperty(document.RootElement) is { } repeated)
            {
                throw new RequestValidationException([new FieldError(repeated, $"{repeated} appears more than once; send each property once.")]);
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

    /// <summary>True when the body has no content coding, or only <c>identity</c>.</summary>
    private static bool IsNotEncoded(HttpRequest request)
    {
        foreach (var value in request.Headers.ContentEncoding)
        {
            foreach (var coding in (value ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                if (!coding.Equals("identity", StringComparison.OrdinalIgnoreCase))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static bool IsUtf8(MediaTypeHeaderValue mediaType) =>
        mediaType.Parameters.FirstOrDefault(parameter => parameter.Name.Equals("charset", StringComparison.OrdinalIgnoreCase)) is not { } charset
        || HeaderUtilities.RemoveQuotes(charset.Value).Equals("utf-8", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The body without a UTF-8 byte order mark (which RFC 8259 lets a reader ignore). JSON text is
    /// UTF-8; bytes that are not are refused wherever they are, even in a property that is ignored.
    /// </summary>
    private static ReadOnlyMemory<byte> Utf8Text(ReadOnlyMemory<byte> body)
    {
        var text = body.Span.StartsWith(Encoding.UTF8.Preamble) ? body[Encoding.UTF8.Preamble.Length..] : body;
        return Utf8.IsValid(text.Span) ? text : throw new InvalidJsonException("The request body is not valid UTF-8.");
    }

    /// <summary>
    /// Whether a <c>\u</c> escape names half of a surrogate pair without the other half. The parser
    /// accepts such text, but no string can hold it (I-JSON, RFC 7493, refuses it). Only called on
    /// text the parser accepted, where every backslash starts an escape and <c>\u</c> has four hex digits.
    /// </summary>
    private static bool HasUnpairedSurrogateEscape(ReadOnlySpan<byte> json)
    {
        for (var index = json.IndexOf((byte)'\\'); index >= 0; index = json.IndexOf((byte)'\\'))
        {
            if (json[index + 1] != (byte)'u')
            {
                json = json[(index + 2)..];
                continue;
            }

            var unit = EscapedUnit(json.Slice(index + 2, 4));
            json = json[(index + 6)..];
            if (char.IsLowSurrogate(unit))
            {
                return true;
            }

            if (char.IsHighSurrogate(unit))
            {
                if (!json.StartsWith("\\u"u8) || !char.IsLowSurrogate(EscapedUnit(json.Slice(2, 4))))
                {
                    return true;
                }

                json = json[6..];
            }
        }

        return false;
    }

    private static char EscapedUnit(ReadOnlySpan<byte> hexDigits) =>
        (char)ushort.Parse(hexDigits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);

    /// <summary>
    /// A property the object names twice, the second spelling; null when there is none. Names are
    /// compared ignoring case, as they are bound. A reader would keep the last value silently, so
    /// which one the client meant is ambiguous: the body is refused instead.
    /// </summary>
    private static string? FindRepeatedProperty(JsonElement root)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var property in root.EnumerateObject())
        {
            if (!names.Add(property.Name))
            {
                return property.Name;
            }
        }

        return null;
    }

    /// <summary>"$.externalId" → "externalId"; the JSON path as the client wrote it, without the root marker.</summary>
    private static string FieldName(string? path) =>
        path is null || path.Length <= 2 || !path.StartsWith("$.", StringComparison.Ordinal)
            ? "body"
            : path[2..];
}
