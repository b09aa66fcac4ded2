using System.Globalization;
using CustomerService.Api.OpenApi;
using CustomerService.Application.Customers;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace CustomerService.Api.Http;

/// <summary>ETags are the customer's concurrency version, quoted; If-Match is read back into versions.</summary>
internal static class EntityTags
{
    public static string Format(int version) => $"\"{version}\"";

    /// <summary>
    /// The versions an If-Match header accepts, or null when it sets no condition (absent, or
    /// <c>*</c>). Weak or malformed tags never match (If-Match compares strongly), so a header
    /// made only of those yields an empty set and the write is refused.
    /// </summary>
    public static IReadOnlySet<int>? ParseIfMatch(string? header)
    {
        if (string.IsNullOrWhiteSpace(header) || header.Trim() == "*")
        {
            return null;
        }

        var versions = new HashSet<int>();
        foreach (var tag in header.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (tag.Length > 2 && tag[0] == '"' && tag[^1] == '"'
                && int.TryParse(tag.AsSpan(1, tag.Length - 2), NumberStyles.None, CultureInfo.InvariantCulture, out var version))
            {
                versions.Add(version);
            }
        }

        return versions;
    }
}

/// <summary>
/// Sends the <c>ETag</c> an action declares (<c>[ResponseHeader(status, ResponseHeaders.ETag)]</c>)
/// with the customer it answers, so the header is sent exactly where the document says it is.
/// </summary>
internal sealed class EntityTagFilter : IAsyncResultFilter
{
    public Task OnResultExecutionAsync(ResultExecutingContext context, ResultExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (context.Result is ObjectResult { Value: CustomerDto customer } result
            && context.ActionDescriptor.EndpointMetadata.OfType<ResponseHeaderAttribute>().Any(header =>
                header.Name == ResponseHeaders.ETag && header.StatusCode == (result.StatusCode ?? StatusCodes.Status200OK)))
        {
            context.HttpContext.Response.Headers.ETag = EntityTags.Format(customer.Version);
        }

        return next();
    }
}
