using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace CustomerService.Api.IntegrationTests;

/// <summary>Speaks to the service the way an integrator does: raw HTTP and JSON, no shared types.</summary>
public static partial class ContractClient
{
    public const string CustomersPath = "/api/v1/account-manager/customers";

    /// <summary>Fragments that must never appear in an error body: type names, exception text, stack traces, JSON reader positions.</summary>
    private static readonly string[] LeakMarkers = ["Exception", "System.", "CustomerService.", "   at ", "LineNumber", "BytePosition", "SQLite"];

    public static string CustomerPath(string id) => $"{CustomersPath}/{id}";

    public static string AddressesPath(string id) => $"{CustomersPath}/{id}/accounts/addresses";

    /// <summary>An externalId no other test uses.</summary>
    public static string UniqueExternalId(string prefix) => $"{prefix}-{Guid.NewGuid():N}";

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public static StringContent PlainText(string text) => new(text, Encoding.UTF8, "text/plain");

    public static string CreateBody(string externalId, string status) => JsonSerializer.Serialize(new { externalId, status });

    public static string StatusBody(string status) => JsonSerializer.Serialize(new { status });

    public static Task<HttpResponseMessage> CreateCustomerAsync(this HttpClient client, string externalId, string status = "active") =>
        client.PostAsync(CustomersPath, Json(CreateBody(externalId, status)));

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string path, string json) =>
        client.PostAsync(path, Json(json));

    public static async Task<JsonObject> CreateCustomerOkAsync(this HttpClient client, string externalId, string status = "active")
    {
        using var response = await client.CreateCustomerAsync(externalId, status);
        Assert.That((int)response.StatusCode, Is.EqualTo(201), await response.Content.ReadAsStringAsync());
        return await response.ReadObjectAsync();
    }

    /// <summary>Creates a customer and returns it with the ETag the create answered with.</summary>
    public static async Task<(JsonObject Customer, string ETag)> CreateCustomerWithETagAsync(this HttpClient client, string externalId, string status = "active")
    {
        using var response = await client.CreateCustomerAsync(externalId, status);
        Assert.That((int)response.StatusCode, Is.EqualTo(201), await response.Content.ReadAsStringAsync());
        return (await response.ReadObjectAsync(), response.ETag());
    }

    public static Task<HttpResponseMessage> GetCustomerAsync(this HttpClient client, string id) =>
        client.GetAsync(CustomerPath(id));

    /// <summary>Reads a customer that must exist; returns the body and its ETag.</summary>
    public static async Task<(JsonObject Customer, string ETag)> GetCustomerOkAsync(this HttpClient client, string id)
    {
        using var response = await client.GetCustomerAsync(id);
        Assert.That((int)response.StatusCode, Is.EqualTo(200), await response.Content.ReadAsStringAsync());
        return (await response.ReadObjectAsync(), response.ETag());
    }

    public static Task<HttpResponseMessage> UpdateCustomerAsync(this HttpClient client, string id, string json, string? ifMatch = null) =>
        client.SendAsync(HttpMethod.Put, CustomerPath(id), json, ifMatch);

    public static Task<HttpResponseMessage> UpdateStatusAsync(this HttpClient client, string id, string status, string? ifMatch = null) =>
        client.UpdateCustomerAsync(id, StatusBody(status), ifMatch);

    /// <summary>GET /customers with a raw query string such as <c>?status=active&amp;limit=2</c>.</summary>
    public static Task<HttpResponseMessage> ListCustomersAsync(this HttpClient client, string query = "") =>
        client.GetAsync(CustomersPath + query);

    public static async Task<JsonArray> ListCustomersOkAsync(this HttpClient client, string query = "")
    {
        using var response = await client.ListCustomersAsync(query);
        Assert.That((int)response.StatusCode, Is.EqualTo(200), await response.Content.ReadAsStringAsync());
        return await response.ReadArrayAsync();
    }

    /// <summary>Follows <c>Link: rel="next"</c> from the first page to the last; returns every page.</summary>
    public static async Task<List<JsonArray>> ListAllPagesAsync(this HttpClient client, string query)
    {
        var pages = new List<JsonArray>();
        string? next = CustomersPath + query;
        while (next is not null)
        {
            Assert.That(pages, Has.Count.LessThan(100), "the Link chain does not end");
            using var response = await client.GetAsync(new Uri(next, UriKind.RelativeOrAbsolute));
            Assert.That((int)response.StatusCode, Is.EqualTo(200), await response.Content.ReadAsStringAsync());
            pages.Add(await response.ReadArrayAsync());
            next = response.NextLink();
        }

        return pages;
    }

    /// <summary>The target of the <c>Link: &lt;…&gt;; rel="next"</c> header, or null when there is none.</summary>
    public static string? NextLink(this HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("Link", out var values))
        {
            return null;
        }

        var link = string.Join(", ", values);
        var match = NextLinkPattern().Match(link);
        Assert.That(match.Success, Is.True, $"Link header is not <…>; rel=\"next\": {link}");
        return match.Groups["target"].Value;
    }

    public static string ETag(this HttpResponseMessage response)
    {
        var etag = response.Headers.ETag;
        Assert.That(etag, Is.Not.Null, "the response has no ETag");
        return etag!.ToString();
    }

    public static string Text(this JsonNode? node, string property) => node![property]!.GetValue<string>();

    public static string Id(this JsonNode? customer) => customer.Text("id");

    public static IEnumerable<string> Ids(this IEnumerable<JsonNode?> customers) => customers.Select(Id);

    public static async Task<JsonObject> ReadObjectAsync(this HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

    public static async Task<JsonArray> ReadArrayAsync(this HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray();

    /// <summary>Asserts the contract's error body (and that it leaks nothing) and returns its details.</summary>
    public static async Task<JsonArray> AssertErrorAsync(this HttpResponseMessage response, int status, string code)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.Multiple(() =>
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(status), body);
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"), body);
            foreach (var marker in LeakMarkers)
            {
                Assert.That(body, Does.Not.Contain(marker), "the error body leaks implementation detail");
            }
        });

        var root = JsonNode.Parse(body)!.AsObject();
        Assert.That(root.Select(property => property.Key), Is.EqualTo(new[] { "error" }), body);
        var error = root["error"]!.AsObject();
        Assert.Multiple(() =>
        {
            Assert.That(error["code"]!.GetValue<string>(), Is.EqualTo(code), body);
            Assert.That(error["message"]!.GetValue<string>(), Is.Not.Empty, body);
            Assert.That(error["details"], Is.InstanceOf<JsonArray>(), body);
        });

        var details = error["details"]!.AsArray();
        foreach (var detail in details)
        {
            Assert.That(detail!.AsObject().Select(property => property.Key), Is.EquivalentTo(new[] { "field", "message" }), body);
            Assert.That(detail.Text("message"), Is.Not.Empty, body);
        }

        return details;
    }

    /// <summary>Asserts 400 VALIDATION_ERROR whose details name exactly the given fields.</summary>
    public static async Task AssertValidationErrorAsync(this HttpResponseMessage response, params string[] fields)
    {
        var details = await response.AssertErrorAsync(400, "VALIDATION_ERROR");
        Assert.That(details.Fields().Distinct(), Is.EquivalentTo(fields), details.ToJsonString());
    }

    /// <summary>Asserts 405 METHOD_NOT_ALLOWED with an <c>Allow</c> header naming exactly the given methods.</summary>
    public static async Task AssertMethodNotAllowedAsync(this HttpResponseMessage response, params string[] allowed)
    {
        await response.AssertErrorAsync(405, "METHOD_NOT_ALLOWED");
        var allow = response.Content.Headers.Allow.Concat(response.Headers.TryGetValues("Allow", out var values) ? values : []);
        Assert.That(
            allow.SelectMany(value => value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)),
            Is.EquivalentTo(allowed),
            "Allow header");
    }

    public static IEnumerable<string?> Fields(this JsonArray details) =>
        details.Select(detail => detail!["field"]!.GetValue<string>());

    public static HttpRequestMessage Request(HttpMethod method, string path, string? json = null, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (json is not null)
        {
            request.Content = Json(json);
        }

        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return request;
    }

    public static async Task<HttpResponseMessage> SendAsync(this HttpClient client, HttpMethod method, string path, string? json = null, string? ifMatch = null)
    {
        using var request = Request(method, path, json, ifMatch);
        return await client.SendAsync(request);
    }

    [GeneratedRegex("^<(?<target>[^>]+)>;\\s*rel=\"next\"$")]
    private static partial Regex NextLinkPattern();
}
