using Asp.Versioning;

namespace CustomerService.Api.Errors;

/// <summary>
/// API versioning answers a URL-segment version that no endpoint serves with a plain 404 (by design
/// since Asp.Versioning 6). The contract wants 400 UNSUPPORTED_API_VERSION for <c>/api/v2/...</c>,
/// so a 404 under <c>/api/{segment}/</c> whose segment is not a served version is reported as such.
/// </summary>
internal static class UnsupportedApiVersionPaths
{
    private static readonly ApiVersion[] Supported = [new(1, 0)];

    public static bool IsUnsupportedVersion(PathString path)
    {
        var segments = path.Value.AsSpan();
        if (!segments.StartsWith("/api/", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var rest = segments["/api/".Length..];
        var end = rest.IndexOf('/');
        var segment = end < 0 ? rest : rest[..end];
        if (segment.Length < 2 || (segment[0] != 'v' && segment[0] != 'V'))
        {
            return false;
        }

        return !ApiVersionParser.Default.TryParse(segment[1..], out var version)
            || !Supported.Contains(version);
    }
}
