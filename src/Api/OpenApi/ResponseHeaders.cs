namespace CustomerService.Api.OpenApi;

/// <summary>The headers an action can declare with <see cref="ResponseHeaderAttribute"/>, and what each says.</summary>
public static class ResponseHeaders
{
    public const string ETag = "ETag";
    public const string Link = "Link";

    /// <summary>The description of a declarable header.</summary>
    /// <exception cref="InvalidOperationException">The header is not one of the above.</exception>
    internal static string DescriptionOf(string header) => header switch
    {
        ETag => "The customer's version; send it back in `If-Match` to update only that version.",
        Link => "With `limit`, while more remain: `<…?limit=N&after=CURSOR>; rel=\"next\"`.",
        _ => throw new InvalidOperationException($"The response header {header} has no description: add it to {nameof(ResponseHeaders)}."),
    };
}
