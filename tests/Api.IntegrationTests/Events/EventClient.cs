using System.Net;
using System.Text.Json.Nodes;

namespace CustomerService.Api.IntegrationTests.Events;

/// <summary>Reading the event feed as an integrator does.</summary>
public static class EventClient
{
    public const string EventsPath = "/api/v1/account-manager/events";

    public static string CustomerEventsPath(string customerId) => $"{ContractClient.CustomerPath(customerId)}/events";

    /// <summary>One page of <paramref name="path"/>, which must answer 200.</summary>
    public static async Task<(JsonArray Events, string? Next)> ReadPageAsync(this HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.RelativeOrAbsolute));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        ContractAssert.JsonUtf8(response.Content.Headers);
        return (await response.ReadArrayAsync(), response.NextLink());
    }

    /// <summary>Every event from <paramref name="path"/> on, following <c>Link: rel="next"</c> to the end.</summary>
    public static async Task<List<JsonObject>> ReadAllAsync(this HttpClient client, string path = EventsPath)
    {
        var events = new List<JsonObject>();
        string? next = path;
        for (var pages = 0; next is not null; pages++)
        {
            Assert.That(pages, Is.LessThan(1000), "the Link chain does not end");
            var (page, link) = await client.ReadPageAsync(next);
            events.AddRange(page.Select(node => node!.AsObject()));
            next = link;
        }

        return events;
    }

    public static IEnumerable<string> Types(this IEnumerable<JsonObject> events) => events.Select(e => e.Text("type"));
}
