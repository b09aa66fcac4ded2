using System.Text;

namespace CustomerService.Api.IntegrationTests.Hostile;

/// <summary>What the service must answer a request of the corpus with.</summary>
/// <param name="Status">The exact HTTP status.</param>
/// <param name="Code">The contract error code of a non-2xx answer; null for a 2xx.</param>
/// <param name="Fields">For a VALIDATION_ERROR, exactly the fields its details name (empty: not checked).</param>
public sealed record Outcome(int Status, string? Code, IReadOnlyList<string> Fields)
{
    public static readonly Outcome InvalidJson = Error(400, "INVALID_JSON");
    public static readonly Outcome NotFound = Error(404, "NOT_FOUND");
    public static readonly Outcome MethodNotAllowed = Error(405, "METHOD_NOT_ALLOWED");
    public static readonly Outcome UnsupportedMediaType = Error(415, "UNSUPPORTED_MEDIA_TYPE");
    public static readonly Outcome PayloadTooLarge = Error(413, "PAYLOAD_TOO_LARGE");

    /// <summary>The request looks hostile but is legitimate, and the service must serve it.</summary>
    public static Outcome Served(int status) => new(status, null, []);

    public static Outcome Error(int status, string code) => new(status, code, []);

    /// <summary>400 VALIDATION_ERROR naming exactly these fields.</summary>
    public static Outcome Invalid(params string[] fields) => new(400, "VALIDATION_ERROR", fields);

    public bool IsSuccess => Status is >= 200 and < 300;

    public override string ToString() => Code is null ? $"{Status} (served)" : $"{Status} {Code}";
}

/// <summary>
/// One request of the hostile corpus, sent byte for byte as written. The path may name the seeded
/// customer and account as <c>{customer}</c> and <c>{account}</c>; a path or body may ask for a fresh
/// external id (<c>{unique}</c>) or a fresh EVM address (<c>{address}</c>), and a header for the
/// service's valid token (<c>{token}</c>), filled in when it is sent.
/// </summary>
public sealed record HostileRequest(string Name, string Method, string Path, Outcome Expected)
{
    /// <summary>The body's exact bytes; null sends no body at all.</summary>
    public byte[]? Body { get; init; }

    /// <summary>The Content-Type header, sent unvalidated; null sends none.</summary>
    public string? ContentType { get; init; }

    /// <summary>Send the body with chunked transfer encoding, so it declares no length.</summary>
    public bool Chunked { get; init; }

    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];

    public override string ToString() => Name;

    /// <summary>Fills the placeholders; Latin-1 maps every byte to one char and back, so bodies that are not UTF-8 survive it.</summary>
    public static byte[] Fill(byte[] bytes, Func<string, string> fill) =>
        Encoding.Latin1.GetBytes(fill(Encoding.Latin1.GetString(bytes)));
}
