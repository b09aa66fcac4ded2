using System.Buffers;
using System.Text.Json;

namespace CustomerService.Reference;

/// <summary>The headers every answer of the service carries, and its error body.</summary>
internal static class ReferenceResponses
{
    private const string RequestIdHeader = "X-Request-Id";

    private static readonly SearchValues<char> RequestIdCharacters =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._-");

    private static readonly JsonEncodedText Error = JsonEncodedText.Encode("error");
    private static readonly JsonEncodedText Code = JsonEncodedText.Encode("code");
    private static readonly JsonEncodedText Message = JsonEncodedText.Encode("message");
    private static readonly JsonEncodedText Details = JsonEncodedText.Encode("details");
    private static readonly JsonEncodedText Field = JsonEncodedText.Encode("field");

    /// <summary>Status, JSON content type, no caching, no sniffing, the API version and the request id.</summary>
    public static void Start(HttpContext context, int status)
    {
        var response = context.Response;
        response.StatusCode = status;
        response.ContentType = "application/json; charset=utf-8";
        var headers = response.Headers;
        headers.CacheControl = "no-store";
        headers.XContentTypeOptions = "nosniff";
        headers["api-supported-versions"] = "1.0";
        var sent = context.Request.Headers[RequestIdHeader];
        headers[RequestIdHeader] = sent.Count == 1 && sent[0] is { Length: > 0 and <= 128 } id && !id.AsSpan().ContainsAnyExcept(RequestIdCharacters)
            ? id
            : Guid.NewGuid().ToString("N");
    }

    public static Task WriteLiveAsync(HttpContext context)
    {
        Start(context, StatusCodes.Status200OK);
        return context.Response.WriteAsync("{\"status\":\"healthy\",\"checks\":[]}");
    }

    public static Task WriteErrorAsync(HttpContext context, int status, string code, string message) =>
        WriteErrorAsync(context, status, code, message, []);

    /// <summary>The contract's error body; <paramref name="details"/> pairs a field with its message.</summary>
    public static async Task WriteErrorAsync(HttpContext context, int status, string code, string message, IReadOnlyList<(string Field, string Message)> details)
    {
        Start(context, status);
        await using var json = new Utf8JsonWriter(context.Response.BodyWriter);
        json.WriteStartObject();
        json.WriteStartObject(Error);
        json.WriteString(Code, code);
        json.WriteString(Message, message);
        json.WriteStartArray(Details);
        foreach (var detail in details)
        {
            json.WriteStartObject();
            json.WriteString(Field, detail.Field);
            json.WriteString(Message, detail.Message);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }
}
