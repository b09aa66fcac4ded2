using System.Globalization;

namespace CustomerService.Soak;

/// <summary>A list of customers as read, with the first request of it (for examples) and the tick it began at.</summary>
internal sealed record CustomerList(IReadOnlyList<CustomerBody> Items, Reply First, long StartTick);

/// <summary>Reads customer lists whole or page by page, checking the paging rules on the way.</summary>
internal static class CustomerLists
{
    /// <summary>Past this many pages a paged read stops: the soak's requests stay bounded however long the list grows.</summary>
    public const int MaxPages = 1000;

    /// <summary>The list without <c>limit</c> (every customer), or null when it could not be read.</summary>
    public static async Task<CustomerList?> FullAsync(SoakClient client, Invariants checks, string operation, Participant caller, string query = "")
    {
        var startTick = client.Tick;
        var reply = await client.SendAsync(operation, caller, HttpMethod.Get, SoakClient.CustomersPath + query);
        if (!checks.Expect(reply, Outcome.Ok))
        {
            return null;
        }

        var items = Json.TryRead<List<CustomerBody>>(reply.Body);
        checks.AsContracted.Check(items is not null, () => $"a list must be a JSON array of customers: {reply.Exchange.Describe()}");
        checks.AsContracted.Check(reply.Exchange.Link is null, () => $"a list without limit has no Link: {reply.Exchange.Describe()}");
        return items is null ? null : new CustomerList(items, reply, startTick);
    }

    /// <summary>
    /// The list read <paramref name="limit"/> at a time by following <c>Link rel="next"</c> from the
    /// first page, or null when a page could not be read or there were more than <see cref="MaxPages"/>.
    /// </summary>
    public static async Task<CustomerList?> PagedAsync(SoakClient client, Invariants checks, string operation, Participant caller, int limit)
    {
        var startTick = client.Tick;
        var items = new List<CustomerBody>();
        Reply? first = null;
        string? path = $"{SoakClient.CustomersPath}?limit={limit.ToString(CultureInfo.InvariantCulture)}";
        for (var pages = 0; path is not null; pages++)
        {
            if (pages == MaxPages)
            {
                return null;
            }

            var reply = await client.SendAsync(operation, caller, HttpMethod.Get, path);
            first ??= reply;
            if (!checks.Expect(reply, Outcome.Ok))
            {
                return null;
            }

            var page = Json.TryRead<List<CustomerBody>>(reply.Body);
            if (!checks.AsContracted.Check(page is not null, () => $"a page must be a JSON array of customers: {reply.Exchange.Describe()}"))
            {
                return null;
            }

            path = SoakClient.NextLink(reply);
            var count = page!.Count;
            checks.AsContracted.Check(
                path is null ? count <= limit : count == limit,
                () => $"a page holds at most limit={limit} customers, exactly that many when a next page is linked; this one has {count}: {reply.Exchange.Describe()}");
            items.AddRange(page);
        }

        return new CustomerList(items, first!, startTick);
    }
}
