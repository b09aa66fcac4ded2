using System.Text;
using static CustomerService.Api.IntegrationTests.Hostile.Outcome;

namespace CustomerService.Api.IntegrationTests.Hostile;

/// <summary>
/// Hostile requests against every route: bodies that are not UTF-8 or not JSON, nesting far past
/// any sane depth, values of the wrong type, control characters, duplicate keys, oversized path
/// segments, encoded traversal, absurd query values and junk headers. Each says exactly what it
/// must be answered with; the few that are legitimate say so with <see cref="Outcome.Served"/>.
/// </summary>
public static class HostileCorpus
{
    public const string Customers = "/api/v1/account-manager/customers";
    public const string Customer = Customers + "/{customer}";
    public const string Accounts = Customer + "/accounts";
    public const string Account = Accounts + "/{account}";
    public const string Addresses = Accounts + "/addresses";

    private const string Json = "application/json";
    private const int DeepNesting = 10_000;

    /// <summary>Just under the 64 KiB body limit, leaving room for the rest of the body.</summary>
    private const int NearLimit = (64 * 1024) - 512;

    private static readonly string LongSegment = new('a', 5_000);

    /// <summary>Printable ASCII junk: header values beyond ASCII never get past a real server.</summary>
    private static readonly string Junk8K = string.Concat(Enumerable.Repeat("junk;,=\"'<>{}[]!@#$%^&*()\\", 400))[..8_000];

    /// <summary>The three routes that read a JSON body, each with the string field hostile values go into.</summary>
    private static readonly BodyRoute[] BodyRoutes =
    [
        new("POST customers", "POST", Customers, 201, "externalId", "\"status\":\"active\"", "\"externalId\":\"{unique}\""),
        new("PUT customer", "PUT", Customer, 200, "status", string.Empty, "\"status\":\"active\""),
        new("POST accounts", "POST", Accounts, 201, "address", "\"network\":\"ethereum\"", "\"address\":\"{address}\""),
    ];

    /// <summary>Every route, with the answer it gives when its path id is not a UUID.</summary>
    private static readonly (string Name, string Method, Func<string, string> Path, Outcome BadId)[] IdRoutes =
    [
        ("GET customer", "GET", id => $"{Customers}/{id}", Invalid("id")),
        ("PUT customer", "PUT", id => $"{Customers}/{id}", Invalid("id")),
        ("DELETE customer", "DELETE", id => $"{Customers}/{id}", MethodNotAllowed),
        ("GET accounts", "GET", id => $"{Customers}/{id}/accounts", Invalid("id")),
        ("POST accounts", "POST", id => $"{Customers}/{id}/accounts", Invalid("id")),
        ("GET addresses", "GET", id => $"{Customers}/{id}/accounts/addresses", Invalid("id")),
        ("GET account", "GET", id => $"{Customers}/{id}/accounts/{{account}}", Invalid("id")),
    ];

    public static IEnumerable<TestCaseData> All() =>
        new[] { Bodies(), FieldValues(), MediaTypes(), Paths(), Queries(), Headers(), Methods() }
            .SelectMany(cases => cases)
            .Select(request => new TestCaseData(request).SetArgDisplayNames(request.Name));

    private static IEnumerable<HostileRequest> Bodies()
    {
        foreach (var route in BodyRoutes)
        {
            HostileRequest Send(string what, Outcome expected, params object[] body) =>
                new($"{route.Name}: {what}", route.Method, route.Path, expected) { Body = Bytes(body), ContentType = Json };

            // Bytes that are not UTF-8, wherever they are.
            yield return Send("invalid UTF-8 C3 28 in the field", InvalidJson, route.WithValue("\"", new byte[] { 0xC3, 0x28 }, "\""));
            yield return Send("invalid UTF-8 FF in the field", InvalidJson, route.WithValue("\"", new byte[] { 0xFF }, "\""));
            yield return Send("invalid UTF-8 FE FF in the field", InvalidJson, route.WithValue("\"a", new byte[] { 0xFE, 0xFF }, "b\""));
            yield return Send("truncated UTF-8 sequence in the field", InvalidJson, route.WithValue("\"a", new byte[] { 0xE2, 0x82 }, "\""));
            yield return Send("overlong UTF-8 for a slash in the field", InvalidJson, route.WithValue("\"", new byte[] { 0xC0, 0xAF }, "\""));
            yield return Send("UTF-8 encoded surrogate ED A0 80 in the field", InvalidJson, route.WithValue("\"", new byte[] { 0xED, 0xA0, 0x80 }, "\""));
            yield return Send("invalid UTF-8 in an unknown property", InvalidJson, route.Valid("\"note\":\"", new byte[] { 0xFF, 0xFE }, "\""));
            yield return Send("invalid UTF-8 in a property name", InvalidJson, route.Valid("\"n", new byte[] { 0xC3, 0x28 }, "\":1"));
            yield return Send("invalid UTF-8 between tokens", InvalidJson, "{", new byte[] { 0xFF }, route.ValidMembers, "}");
            yield return Send("UTF-16 little-endian JSON", InvalidJson, Encoding.Unicode.GetPreamble(), Encoding.Unicode.GetBytes(route.ValidJson));
            yield return Send("UTF-32 JSON", InvalidJson, Encoding.UTF32.GetBytes(route.ValidJson));

            // Escapes that spell no Unicode text.
            yield return Send("lone high surrogate escape in the field", InvalidJson, route.WithValue("\"\\ud800\""));
            yield return Send("lone low surrogate escape in the field", InvalidJson, route.WithValue("\"a\\udc00b\""));
            yield return Send("surrogate escapes in reverse order", InvalidJson, route.WithValue("\"\\udc00\\ud800\""));
            yield return Send("high surrogate escape then a letter escape", InvalidJson, route.WithValue("\"\\ud800\\u0041\""));
            yield return Send("high surrogate escape at the end of the string", InvalidJson, route.WithValue("\"abc\\uDBFF\""));
            yield return Send("lone surrogate escape in an unknown property", InvalidJson, route.Valid("\"note\":\"\\ud800\""));
            yield return Send("lone surrogate escape in a property name", InvalidJson, route.Valid("\"\\ud800\":1"));
            yield return Send("escaped backslash before u d800 is plain text", route.Success, route.Valid("\"note\":\"\\\\ud800\""));
            yield return Send("surrogate pair escape in an unknown property", route.Success, route.Valid("\"note\":\"\\ud83d\\ude00\""));

            // Nesting far beyond any sane depth, and just beyond the limit.
            yield return Send("arrays nested 10000 deep", InvalidJson, Nested("[", "]", DeepNesting));
            yield return Send("objects nested 10000 deep", InvalidJson, Nested("{\"a\":", "}", DeepNesting, "1"));
            yield return Send("arrays nested 10000 deep in the field", InvalidJson, route.WithValue(Nested("[", "]", DeepNesting)));
            yield return Send("objects nested 10000 deep in an unknown property", InvalidJson, route.Valid("\"note\":", Nested("{\"a\":", "}", DeepNesting, "1")));
            yield return Send("60000 unclosed brackets", InvalidJson, new string('[', 60_000));
            yield return Send("arrays nested 100000 deep, over the body limit", PayloadTooLarge, Nested("[", "]", 100_000));
            yield return Send("arrays nested 40 deep in an unknown property", InvalidJson, route.Valid("\"note\":", Nested("[", "]", 40)));
            yield return Send("arrays nested 20 deep in an unknown property", route.Success, route.Valid("\"note\":", Nested("[", "]", 20)));
            yield return Send("objects nested 20 deep in an unknown property", route.Success, route.Valid("\"note\":", Nested("{\"a\":", "}", 20, "null")));

            // Top-level values that are not an object.
            yield return Send("top-level empty array", Invalid("body"), "[]");
            yield return Send("top-level array holding a valid body", Invalid("body"), "[", route.ValidJson, "]");
            yield return Send("top-level string", Invalid("body"), "\"active\"");
            yield return Send("top-level number", Invalid("body"), "42");
            yield return Send("top-level huge number", Invalid("body"), "1e400");
            yield return Send("top-level true", Invalid("body"), "true");
            yield return Send("top-level false", Invalid("body"), "false");
            yield return Send("top-level null", Invalid("body"), "null");

            // Empty, blank and broken bodies.
            yield return Send("empty body", InvalidJson);
            yield return Send("whitespace-only body", InvalidJson, " \t\r\n   ");
            yield return Send("NUL bytes only", InvalidJson, new byte[] { 0, 0, 0, 0 });
            yield return Send("raw NUL in the field", InvalidJson, route.WithValue("\"a", new byte[] { 0 }, "b\""));
            yield return Send("raw control character in the field", InvalidJson, route.WithValue("\"a\u0001b\""));
            yield return Send("raw newline in the field", InvalidJson, route.WithValue("\"a\nb\""));
            yield return Send("NUL after the object", InvalidJson, route.ValidJson, new byte[] { 0 });
            yield return Send("garbage after the object", InvalidJson, route.ValidJson, "garbage");
            yield return Send("two objects", InvalidJson, route.ValidJson, route.ValidJson);
            yield return Send("comment in the object", InvalidJson, "{/* note */", route.ValidMembers, "}");
            yield return Send("single-quoted strings", InvalidJson, route.ValidJson.Replace('"', '\''));
            yield return Send("NaN literal", InvalidJson, route.Valid("\"note\":NaN"));
            yield return Send("Infinity literal", InvalidJson, route.Valid("\"note\":-Infinity"));
            yield return Send("unterminated string", InvalidJson, route.WithValue("\"never ends"));
            yield return Send("only an opening brace", InvalidJson, "{");
            yield return Send("byte order mark only", InvalidJson, Encoding.UTF8.GetPreamble());
            yield return Send("two byte order marks", InvalidJson, Encoding.UTF8.GetPreamble(), Encoding.UTF8.GetPreamble(), route.ValidJson);
            yield return Send("byte order mark before valid JSON", route.Success, Encoding.UTF8.GetPreamble(), route.ValidJson);
            yield return new HostileRequest($"{route.Name}: empty chunked body", route.Method, route.Path, InvalidJson)
            {
                Body = [], ContentType = Json, Chunked = true,
            };

            // Duplicate keys: ambiguous, so refused, naming the key as sent.
            yield return Send("the field twice", Invalid(route.Field), "{", route.ValidMembers, ",", route.ValidMembers.Split(',')[0], "}");
            yield return Send("the field twice in different case", Invalid(route.Field.ToUpperInvariant()), route.Valid($"\"{route.Field.ToUpperInvariant()}\":\"x\""));
            yield return Send("an unknown property twice", Invalid("note"), route.Valid("\"note\":1,\"note\":2"));
            yield return Send("a key twice inside an unknown object is ignored", route.Success, route.Valid("\"note\":{\"a\":1,\"a\":2}"));

            // Sizes near the 64 KiB limit.
            yield return Send("a string just under 64 KiB in the field", Invalid(route.Field), route.WithValue($"\"{new string('x', NearLimit)}\""));
            yield return Send("a string just under 64 KiB in an unknown property", route.Success, route.Valid($"\"note\":\"{new string('x', NearLimit)}\""));
            yield return Send("4000 unknown properties", route.Success, route.Valid(string.Join(',', Enumerable.Range(0, 4_000).Select(i => $"\"p{i}\":{i}"))));
            yield return Send("a 60000-character property name", route.Success, route.Valid($"\"{new string('n', 60_000)}\":1"));
            yield return Send("a huge number in an unknown property", route.Success, route.Valid("\"note\":1e400"));
            yield return Send("a 30000-digit number in an unknown property", route.Success, route.Valid($"\"note\":{new string('9', 30_000)}"));

            // Values of the wrong type in the field.
            yield return Send("number in the field", Invalid(route.Field), route.WithValue("12345"));
            yield return Send("huge number in the field", Invalid(route.Field), route.WithValue("1e400"));
            yield return Send("negative zero in the field", Invalid(route.Field), route.WithValue("-0"));
            yield return Send("true in the field", Invalid(route.Field), route.WithValue("true"));
            yield return Send("object in the field", Invalid(route.Field), route.WithValue("{\"value\":\"active\"}"));
            yield return Send("array in the field", Invalid(route.Field), route.WithValue("[\"active\"]"));
            yield return Send("empty object in the field", Invalid(route.Field), route.WithValue("{}"));
            yield return Send("null in the field", Invalid(route.Field), route.WithValue("null"));

            // Control characters, escaped so the JSON itself is fine.
            yield return Send("escaped NUL as the field", Invalid(route.Field), route.WithValue("\"\\u0000\""));
            yield return Send("escaped NUL inside the field", Invalid(route.Field), route.WithValue("\"ab\\u0000cd\""));
            yield return Send("escaped unit separator in the field", Invalid(route.Field), route.WithValue("\"ab\\u001fcd\""));
            yield return Send("escaped DEL in the field", Invalid(route.Field), route.WithValue("\"ab\\u007fcd\""));
            yield return Send("escaped C1 control in the field", Invalid(route.Field), route.WithValue("\"ab\\u0085cd\""));

            // The Idempotency-Key header holding junk: the POSTs, which take keys, refuse it before
            // reading the body; PUT does not take keys and ignores the header.
            var takesKeys = route.Method == "POST";
            foreach (var (what, key) in IdempotencyKeys())
            {
                yield return Send($"Idempotency-Key {what} with a valid body", takesKeys ? Invalid("Idempotency-Key") : route.Success, route.ValidJson) with { Headers = [new("Idempotency-Key", key)] };
                yield return Send($"Idempotency-Key {what} with a body that is not JSON", takesKeys ? Invalid("Idempotency-Key") : InvalidJson, "{nope") with { Headers = [new("Idempotency-Key", key)] };
            }

            yield return Send("a sane Idempotency-Key with a body that is not JSON", InvalidJson, "{nope") with { Headers = [new("Idempotency-Key", $"hostile-{route.Method}-not-json")] };
        }
    }

    /// <summary>Values that only one route's fields are open to.</summary>
    private static IEnumerable<HostileRequest> FieldValues()
    {
        HostileRequest Create(string what, Outcome expected, string json) =>
            new($"POST customers: {what}", "POST", Customers, expected) { Body = Bytes(json), ContentType = Json };
        HostileRequest Update(string what, Outcome expected, string json) =>
            new($"PUT customer: {what}", "PUT", Customer, expected) { Body = Bytes(json), ContentType = Json };
        HostileRequest AddAccount(string what, Outcome expected, string json) =>
            new($"POST accounts: {what}", "POST", Accounts, expected) { Body = Bytes(json), ContentType = Json };

        yield return Create("number for status", Invalid("status"), "{\"externalId\":\"{unique}\",\"status\":1}");
        yield return Create("object for status", Invalid("status"), "{\"externalId\":\"{unique}\",\"status\":{}}");
        yield return Create("array for both fields", Invalid("externalId"), "{\"externalId\":[],\"status\":[]}");
        yield return Create("status with a NUL", Invalid("status"), "{\"externalId\":\"{unique}\",\"status\":\"active\\u0000\"}");
        yield return Create("externalId of 5000 characters", Invalid("externalId"), $"{{\"externalId\":\"{LongSegment}\",\"status\":\"active\"}}");
        yield return Create("externalId of an emoji surrogate pair", Served(201), "{\"externalId\":\"{unique}-\\ud83d\\ude00\",\"status\":\"active\"}");
        yield return Create("participantId in the body is ignored", Served(201), "{\"externalId\":\"{unique}\",\"status\":\"active\",\"participantId\":\"someone-else\"}");
        yield return Create("status twice with different values", Invalid("status"), "{\"externalId\":\"{unique}\",\"status\":\"active\",\"status\":\"deleted\"}");
        yield return Create("externalId twice with the same value", Invalid("externalId"), "{\"externalId\":\"same\",\"externalId\":\"same\",\"status\":\"active\"}");

        yield return Update("externalId cannot be smuggled in", Served(200), "{\"status\":\"active\",\"externalId\":\"\\u0000\"}");
        yield return Update("status twice", Invalid("status"), "{\"status\":\"active\",\"status\":\"suspended\"}");

        yield return AddAccount("number for network", Invalid("network"), "{\"network\":1,\"address\":\"{address}\"}");
        yield return AddAccount("object for label", Invalid("label"), "{\"network\":\"ethereum\",\"address\":\"{address}\",\"label\":{}}");
        yield return AddAccount("network with a NUL", Invalid("network"), "{\"network\":\"ethereum\\u0000\",\"address\":\"{address}\"}");
        yield return AddAccount("label of 60000 characters", Invalid("label"), $"{{\"network\":\"ethereum\",\"address\":\"{{address}}\",\"label\":\"{new string('l', 60_000)}\"}}");
        yield return AddAccount("label with a NUL", Invalid("label"), "{\"network\":\"ethereum\",\"address\":\"{address}\",\"label\":\"a\\u0000b\"}");
        yield return AddAccount("label with a control character", Invalid("label"), "{\"network\":\"ethereum\",\"address\":\"{address}\",\"label\":\"a\\u001bb\"}");
        yield return AddAccount("bitcoin address of non-ASCII letters", Invalid("address"), "{\"network\":\"bitcoin\",\"address\":\"bc1\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\"}");
        yield return AddAccount("solana address of non-ASCII letters", Invalid("address"), "{\"network\":\"solana\",\"address\":\"\\u00ff\\u00ff\\u00ff\"}");
        yield return AddAccount("EVM address of full-width digits", Invalid("address"), "{\"network\":\"ethereum\",\"address\":\"0x\\uff10\\uff10\\uff10\\uff10\\uff10\\uff10\\uff10\\uff10\\uff10\\uff10\\uff10\\uff10\\uff10\\uff10\\uff10\\uff10\\uff10\\uff10\\uff10\\uff10\\uff10\\uff10\\uff10\\uff10\\uff10\\uff10\\uff10\\uff10\\uff10\\uff10\\uff10\\uff10\\uff10\\uff10\\uff10\\uff10\\uff10\\uff10\\uff10\\uff10\"}");
        yield return AddAccount("network and address twice", Invalid("network"), "{\"network\":\"ethereum\",\"network\":\"solana\",\"address\":\"{address}\"}");
    }

    private static IEnumerable<HostileRequest> MediaTypes()
    {
        foreach (var route in BodyRoutes)
        {
            HostileRequest Send(string what, string? contentType, Outcome expected) =>
                new($"{route.Name}: Content-Type {what}", route.Method, route.Path, expected) { Body = Bytes(route.ValidJson), ContentType = contentType };

            yield return Send("text/plain", "text/plain; charset=utf-8", UnsupportedMediaType);
            yield return Send("application/json with charset latin1", "application/json; charset=latin1", UnsupportedMediaType);
            yield return Send("application/json with charset ISO-8859-1", "application/json; charset=ISO-8859-1", UnsupportedMediaType);
            yield return Send("application/json with charset utf-16", "application/json; charset=utf-16", UnsupportedMediaType);
            yield return Send("application/json with charset UTF-8", "application/json; charset=UTF-8", route.Success);
            yield return Send("application/json with quoted charset utf-8", "application/json; charset=\"utf-8\"", route.Success);
            yield return Send("multipart/form-data", "multipart/form-data; boundary=xyz", UnsupportedMediaType);
            yield return Send("application/x-www-form-urlencoded", "application/x-www-form-urlencoded", UnsupportedMediaType);
            yield return Send("absent", null, UnsupportedMediaType);
            yield return Send("empty", string.Empty, UnsupportedMediaType);
            yield return Send("wildcard", "*/*", UnsupportedMediaType);
            yield return Send("application wildcard", "application/*", UnsupportedMediaType);
            yield return Send("without a subtype", "application/", UnsupportedMediaType);
            yield return Send("without a type", "/json", UnsupportedMediaType);
            yield return Send("bare word", "json", UnsupportedMediaType);
            yield return Send("with a dangling parameter", "application/json; charset", UnsupportedMediaType);
            yield return Send("with empty parameters", "application/json;;;", UnsupportedMediaType);
            yield return Send("with an unterminated quote", "application/json; charset=\"utf-8", UnsupportedMediaType);
            yield return Send("of 8000 characters", "application/json; x=" + new string('a', 8_000), route.Success);
            yield return Send("two media types", "application/json, text/plain", UnsupportedMediaType);

            HostileRequest Encoded(string what, string encoding, byte[] body, Outcome expected) =>
                new($"{route.Name}: Content-Encoding {what}", route.Method, route.Path, expected)
                {
                    Body = body,
                    ContentType = "application/json",
                    Headers = [new("Content-Encoding", encoding)],
                };

            yield return Encoded("gzip with a gzip body", "gzip", Gzip(route.ValidJson), UnsupportedMediaType);
            yield return Encoded("gzip with a plain body", "gzip", Bytes(route.ValidJson), UnsupportedMediaType);
            yield return Encoded("br", "br", Bytes(route.ValidJson), UnsupportedMediaType);
            yield return Encoded("identity, gzip", "identity, gzip", Gzip(route.ValidJson), UnsupportedMediaType);
            yield return Encoded("identity", "identity", Bytes(route.ValidJson), route.Success);
            yield return Encoded("IDENTITY", "IDENTITY", Bytes(route.ValidJson), route.Success);
            yield return Encoded("empty", string.Empty, Bytes(route.ValidJson), route.Success);
        }

        yield return new HostileRequest("POST customers: multipart body", "POST", Customers, UnsupportedMediaType)
        {
            Body = Bytes("--xyz\r\nContent-Disposition: form-data; name=\"externalId\"\r\n\r\nx\r\n--xyz--\r\n"),
            ContentType = "multipart/form-data; boundary=xyz",
        };
    }

    private static IEnumerable<HostileRequest> Paths()
    {
        foreach (var (name, method, path, badId) in IdRoutes)
        {
            HostileRequest Send(string what, string id, Outcome expected) => WithBodyFor(new($"{name}: {what}", method, path(id), expected));

            yield return Send("5000-character id", LongSegment, badId);
            yield return Send("5000-digit id", new string('9', 5_000), badId);
            yield return Send("id of encoded traversal", "%2e%2e%2f%2e%2e%2fhealth%2flive", badId);
            yield return Send("id of half-encoded traversal", "..%2f..%2fhealth%2flive", badId);
            yield return Send("id of double-encoded traversal", "%252e%252e%252fhealth", badId);
            yield return Send("id of backslash traversal", "..%5c..%5chealth%5clive", badId);
            yield return Send("id of encoded dots, a dot segment that is removed", "%2e%2e", NotFound);
            yield return Send("UUID followed by an encoded control character", "0193a6f4-8a1e-7c3b-9d2e-5f6a7b8c9d0e%01", badId);
            yield return Send("id of invalid UTF-8 escapes", "%C3%28%FF", badId);
            yield return Send("id with encoded newline", "abc%0d%0aSet-Cookie:x", badId);
            yield return Send("id of full-width digits", "%EF%BC%90%EF%BC%91", badId);
            yield return Send("id with a UUID and a script", "0193a6f4-8a1e-7c3b-9d2e-5f6a7b8c9d0e%3Cscript%3E", badId);
        }

        HostileRequest Get(string what, string path, Outcome expected) => new($"GET {what}", "GET", path, expected);

        yield return Get("5000-character account id", $"{Accounts}/{LongSegment}", Invalid("accountId"));
        yield return Get("5000-character ids for customer and account", $"{Customers}/{LongSegment}/accounts/{LongSegment}", Invalid("id", "accountId"));
        yield return Get("5000-character segment after the customer", $"{Customer}/{LongSegment}", NotFound);
        yield return Get("5000-character segment after the account", $"{Account}/{LongSegment}", NotFound);
        yield return Get("5000-character segment after addresses", $"{Addresses}/{LongSegment}", NotFound);
        yield return Get("5000-character first segment", $"/{LongSegment}", NotFound);
        yield return Get("5000-character segment in place of the version", $"/api/{LongSegment}/account-manager/customers", NotFound);
        yield return Get("5000-digit version", $"/api/v{new string('9', 5_000)}/account-manager/customers", Error(400, "UNSUPPORTED_API_VERSION"));
        yield return Get("version beyond a 32-bit number", "/api/v99999999999999999999/account-manager/customers", Error(400, "UNSUPPORTED_API_VERSION"));
        yield return Get("version with a minor beyond a 32-bit number", "/api/v1.99999999999999999999/account-manager/customers", Error(400, "UNSUPPORTED_API_VERSION"));
        yield return Get("version of an impossible date", "/api/v2025-13-45/account-manager/customers", Error(400, "UNSUPPORTED_API_VERSION"));
        yield return Get("version of junk", "/api/v1%01/account-manager/customers", Error(400, "UNSUPPORTED_API_VERSION"));
        yield return Get("version 1.0 spelled out", "/api/v1.0/account-manager/customers", Served(200));
        yield return Get("2000 segments", string.Concat(Enumerable.Repeat("/a", 2_000)), NotFound);
        yield return Get("encoded traversal out of the API", $"{Customers}/%2e%2e/%2e%2e/%2e%2e/health/live", NotFound);
        yield return Get("encoded slashes in the path", "/api/v1/account-manager%2fcustomers", NotFound);
        yield return Get("encoded traversal under accounts", $"{Accounts}/%2e%2e%2f%2e%2e%2f%2e%2e", Invalid("accountId"));
        yield return Get("double-encoded traversal under accounts", $"{Accounts}/%252e%252e%252f", Invalid("accountId"));
        yield return Get("backslash traversal under accounts", $"{Accounts}/..%5c..%5c..%5c", Invalid("accountId"));
        yield return Get("nil UUID", $"{Customers}/00000000-0000-0000-0000-000000000000", NotFound);
        yield return Get("UUID in braces", $"{Customers}/%7B0193a6f4-8a1e-7c3b-9d2e-5f6a7b8c9d0e%7D", NotFound);
        yield return Get("percent-encoded UUID", $"{Customers}/%30%31%39%33a6f4-8a1e-7c3b-9d2e-5f6a7b8c9d0e", NotFound);
    }

    private static IEnumerable<HostileRequest> Queries()
    {
        HostileRequest List(string what, string query, Outcome expected) => new($"GET customers?{what}", "GET", Customers + query, expected);

        yield return List("limit beyond a 64-bit number", "?limit=99999999999999999999", Invalid("limit"));
        yield return List("limit of 10000 digits", $"?limit={new string('9', 10_000)}", Invalid("limit"));
        yield return List("limit -1", "?limit=-1", Invalid("limit"));
        yield return List("limit 1e3", "?limit=1e3", Invalid("limit"));
        yield return List("limit 2.0", "?limit=2.0", Invalid("limit"));
        yield return List("limit NaN", "?limit=NaN", Invalid("limit"));
        yield return List("limit Infinity", "?limit=Infinity", Invalid("limit"));
        yield return List("limit empty", "?limit=", Invalid("limit"));
        yield return List("limit blank", "?limit=%20%20", Invalid("limit"));
        yield return List("limit without a value", "?limit", Invalid("limit"));
        yield return List("limit with a NUL", "?limit=1%00", Invalid("limit"));
        yield return List("limit of Arabic-Indic digits", "?limit=%D9%A3", Invalid("limit"));
        yield return List("limit in hex", "?limit=0x10", Invalid("limit"));
        yield return List("limit with a plus sign", "?limit=%2B5", Invalid("limit"));
        yield return List("limit with spaces around it", "?limit=%205%20", Invalid("limit"));
        yield return List("limit with a semicolon", "?limit=5;limit=6", Invalid("limit"));
        yield return List("limit repeated", "?limit=1&limit=2", Invalid("limit"));
        yield return List("limit repeated with one bad value", "?limit=1&limit=x", Invalid("limit"));
        yield return List("limit in upper case out of range", "?LIMIT=0", Invalid("limit"));

        yield return List("after of garbage", "?limit=1&after=garbage!", Invalid("after"));
        yield return List("after of 10000 characters", $"?after={new string('A', 10_000)}", Invalid("after"));
        yield return List("after of base64 junk", $"?after={Convert.ToBase64String(Encoding.UTF8.GetBytes("<script>alert(1)</script>"))}", Invalid("after"));
        yield return List("after of 24 bytes of FF", $"?after={Base64Url(Enumerable.Repeat((byte)0xFF, 24).ToArray())}", Invalid("after"));
        yield return List("after of 25 zero bytes", $"?after={Base64Url(new byte[25])}", Invalid("after"));
        yield return List("after with base64 padding", $"?after={Convert.ToBase64String(new byte[24])}%3D%3D", Invalid("after"));
        yield return List("after with a NUL", "?after=%00", Invalid("after"));
        yield return List("after of invalid UTF-8", "?after=%C3%28", Invalid("after"));
        yield return List("after empty", "?after=", Invalid("after"));
        yield return List("after repeated", $"?after={Base64Url(new byte[24])}&after={Base64Url(new byte[24])}", Invalid("after"));
        yield return List("after of 24 zero bytes, the first position", $"?after={Base64Url(new byte[24])}", Served(200));
        yield return List("after at the end of time", $"?after={Base64Url(Cursor(DateTime.MaxValue.Ticks))}", Served(200));

        yield return List("status ACTIVE", "?status=ACTIVE", Invalid("status"));
        yield return List("status with a NUL", "?status=active%00", Invalid("status"));
        yield return List("status of 10000 characters", $"?status={new string('s', 10_000)}", Invalid("status"));
        yield return List("status empty", "?status=", Invalid("status"));
        yield return List("status repeated", "?status=active&status=inactive", Invalid("status"));
        yield return List("status as an array parameter is an unknown parameter", "?status[]=x", Served(200));
        yield return List("status as an indexed parameter is an unknown parameter", "?status[0]=x", Served(200));

        yield return List("externalId of 10000 characters", $"?externalId={new string('e', 10_000)}", Invalid("externalId"));
        yield return List("externalId with a NUL", "?externalId=%00", Invalid("externalId"));
        yield return List("externalId with a leading space", "?externalId=%20x", Invalid("externalId"));
        yield return List("externalId empty", "?externalId=", Invalid("externalId"));
        yield return List("externalId repeated", "?externalId=a&externalId=b", Invalid("externalId"));
        yield return List("externalId of invalid UTF-8 escapes", "?externalId=%C3%28%FF", Served(200));
        yield return List("externalId of an encoded surrogate", "?externalId=%ED%A0%80", Served(200));
        yield return List("externalId of encoded traversal", "?externalId=..%2f..%2fetc%2fpasswd", Served(200));
        yield return List("externalId of SQL", "?externalId=x'%20OR%20'1'%3D'1", Served(200));

        yield return List("every parameter bad at once", "?limit=0&after=x&status=x&externalId=%00", Invalid("limit", "after", "status", "externalId"));
        yield return List("3000 unknown parameters", "?" + string.Join('&', Enumerable.Range(0, 3_000).Select(i => $"p{i}={i}")), Served(200));
        yield return List("an unknown parameter of 10000 characters", $"?x={new string('x', 10_000)}", Served(200));
        yield return List("a parameter without a name", "?=1&&&", Served(200));

        yield return new HostileRequest("GET customer with junk query parameters is served", "GET", Customer + "?limit=-1&after=%00&x[]=1", Served(200));
        yield return new HostileRequest("GET accounts with junk query parameters is served", "GET", Accounts + "?limit=abc", Served(200));
    }

    private static IEnumerable<HostileRequest> Headers()
    {
        HostileRequest Send(string what, string method, string path, Outcome expected, string name, string value) =>
            WithBodyFor(new HostileRequest(what, method, path, expected) { Headers = [new(name, value)] });

        yield return Send("GET customers with an 8000-character X-Request-Id", "GET", Customers, Served(200), "X-Request-Id", new string('r', 8_000));
        yield return Send("GET customers with a junk X-Request-Id", "GET", Customers, Served(200), "X-Request-Id", Junk8K);
        yield return Send("GET customers with a junk Accept", "GET", Customers, Served(200), "Accept", "text/html;;;q=nope, */*;q=2");
        yield return Send("GET customers with an 8000-character Accept-Language", "GET", Customers, Served(200), "Accept-Language", Junk8K);
        yield return Send("PUT customer with an 8000-character junk If-Match", "PUT", Customer, Error(412, "PRECONDITION_FAILED"), "If-Match", Junk8K);
        yield return Send("PUT customer with an If-Match beyond a 32-bit number", "PUT", Customer, Error(412, "PRECONDITION_FAILED"), "If-Match", "\"99999999999999999999\"");
        yield return Send("PUT customer with a negative If-Match", "PUT", Customer, Error(412, "PRECONDITION_FAILED"), "If-Match", "\"-1\"");
        yield return Send("PUT customer with a weak If-Match", "PUT", Customer, Error(412, "PRECONDITION_FAILED"), "If-Match", "W/\"1\"");
        yield return Send("PUT customer with 2000 If-Match tags", "PUT", Customer, Error(412, "PRECONDITION_FAILED"), "If-Match", string.Join(", ", Enumerable.Range(1_000, 2_000).Select(i => $"\"{i}\"")));
        yield return Send("PUT customer with If-Match star", "PUT", Customer, Served(200), "If-Match", "*");
        yield return Send("GET customers with an 8000-character junk token", "GET", Customers, Error(401, "UNAUTHORIZED"), "Authorization", "Bearer " + Junk8K);
        yield return Send("GET customers with a token of three junk parts", "GET", Customers, Error(401, "UNAUTHORIZED"), "Authorization", "Bearer a.b.c");
        yield return Send("GET customers with a Basic credential", "GET", Customers, Error(401, "UNAUTHORIZED"), "Authorization", "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("admin:admin")));
        yield return Send("GET customers with an empty bearer token", "GET", Customers, Error(401, "UNAUTHORIZED"), "Authorization", "Bearer ");
        yield return new HostileRequest("GET customers with two Authorization headers", "GET", Customers, Error(401, "UNAUTHORIZED"))
        {
            Headers = [new("Authorization", "Bearer {token}"), new("Authorization", "Bearer {token}")],
        };
    }

    private static IEnumerable<HostileRequest> Methods()
    {
        (string Method, string Path)[] unserved =
        [
            ("PATCH", Customer), ("FOO", Customer), ("TRACE", Customer), ("DELETE", Customers), ("OPTIONS", Customers),
            ("PUT", Accounts), ("DELETE", Account), ("POST", Addresses),
        ];
        foreach (var (method, path) in unserved)
        {
            yield return WithBodyFor(new HostileRequest($"{method} {path} with a 10000-deep body", method, path, MethodNotAllowed)
            {
                Body = Bytes(Nested("[", "]", DeepNesting)),
            });
        }
    }

    /// <summary>Gives a request to a route that reads a body a valid one (so only the hostile part is judged).</summary>
    private static HostileRequest WithBodyFor(HostileRequest request)
    {
        if (request.Body is not null || request.Method is not ("POST" or "PUT"))
        {
            return request with { ContentType = request.Body is null ? null : Json };
        }

        var body = request.Path.EndsWith("/accounts", StringComparison.Ordinal) || request.Path.Contains("/accounts?", StringComparison.Ordinal)
            ? "{\"network\":\"ethereum\",\"address\":\"{address}\"}"
            : "{\"status\":\"active\"}";
        return request with { Body = Bytes(body), ContentType = Json };
    }

    private static IEnumerable<(string What, string Key)> IdempotencyKeys()
    {
        yield return ("of 8000 characters", new string('k', 8_000));
        yield return ("of junk", Junk8K[..300]);
        yield return ("with a tab", "key\twith\ttabs");
        yield return ("of deeply nested JSON", Nested("[", "]", 2_000));
    }

    private static string Nested(string open, string close, int depth, string inner = "") =>
        string.Concat(Enumerable.Repeat(open, depth)) + inner + string.Concat(Enumerable.Repeat(close, depth));

    /// <summary>The text as UTF-8, gzip-compressed.</summary>
    private static byte[] Gzip(string text)
    {
        using var compressed = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(compressed, System.IO.Compression.CompressionLevel.Optimal))
        {
            gzip.Write(Encoding.UTF8.GetBytes(text));
        }

        return compressed.ToArray();
    }

    /// <summary>A body from parts: strings as UTF-8, byte arrays as they are.</summary>
    private static byte[] Bytes(params object[] parts) =>
        [.. parts.SelectMany(part => part switch
        {
            string text => Encoding.UTF8.GetBytes(text),
            byte[] bytes => bytes,
            object[] nested => Bytes(nested),
            _ => throw new ArgumentException($"Unexpected body part {part.GetType()}.", nameof(parts)),
        })];

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>A cursor's 24 bytes: big-endian ticks, then a UUID of zeros.</summary>
    private static byte[] Cursor(long ticks)
    {
        var bytes = new byte[24];
        System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(bytes, ticks);
        return bytes;
    }

    /// <summary>A route that reads a body; <paramref name="Field"/> is the string field hostile values go into.</summary>
    private sealed record BodyRoute(string Name, string Method, string Path, int SuccessStatus, string Field, string OtherMembers, string FieldMember)
    {
        public Outcome Success => Served(SuccessStatus);

        public string ValidMembers => OtherMembers.Length == 0 ? FieldMember : $"{FieldMember},{OtherMembers}";

        public string ValidJson => $"{{{ValidMembers}}}";

        /// <summary>The valid body with the field's value replaced by <paramref name="value"/>.</summary>
        public object[] WithValue(params object[] value) =>
            OtherMembers.Length == 0
                ? ["{\"", Field, "\":", value, "}"]
                : ["{\"", Field, "\":", value, ",", OtherMembers, "}"];

        /// <summary>The valid body with further members after it.</summary>
        public object[] Valid(params object[] members) => ["{", ValidMembers, ",", members, "}"];
    }
}
