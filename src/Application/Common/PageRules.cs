using CustomerService.Domain.Common;

namespace CustomerService.Application.Common;

/// <summary>The paging values of the feeds that page by an item's id: <c>limit</c> and <c>after</c>.</summary>
public static class PageRules
{
    /// <summary>The most items one page holds.</summary>
    public const int MaxLimit = 1000;

    /// <summary>The items a page holds when the client asks for no number.</summary>
    public const int DefaultLimit = 100;

    /// <summary>A limit from 1 to <see cref="MaxLimit"/>, <see cref="DefaultLimit"/> when left out.</summary>
    public static Checked<int> Limit(int? limit) =>
        limit is null ? Checked.Accept(DefaultLimit)
        : limit is >= 1 and <= MaxLimit ? Checked.Accept(limit.Value)
        : Checked.Refuse<int>("limit", $"limit must be a whole number from 1 to {MaxLimit}.");

    /// <summary>An id in its canonical form, or null when left out; <paramref name="what"/> names what it must be the id of.</summary>
    public static Checked<Guid?> After(string? after, string what) =>
        after is null ? Checked.Accept<Guid?>(null)
        : Guid.TryParseExact(after, "D", out var id) ? Checked.Accept<Guid?>(id)
        : Checked.Refuse<Guid?>("after", $"after must be the id of {what}.");
}
