using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CustomerService.Api.IntegrationTests;

/// <summary>Speaks to the service the way an integrator does: raw HTTP and JSON, no shared types.</summary>
public static class ContractClient
{
    public const string CustomersPath = "/api/v1/account-manager/customers";

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public static Task<HttpResponseMessage> CreateCustomerAsync(this HttpClient client, string externalId, string status = "active") =>
        client.PostAsync(CustomersPath, Json(JsonSerializer.Serialize(new { externalId, status })));

    public static async Task<JsonObject> CreateCustomerOkAsync(this HttpClient client, string externalId, string status = "active")
    {
        using var response = await client.CreateCustomerAsync(externalId, status);
        Assert.That((int)response.StatusCode, Is.EqualTo(201), await response.Content.ReadAsStringAsync());
        return await response.ReadObjectAsync();
    }

    public static async Task<JsonObject> ReadObjectAsync(this HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

    public static async Task<JsonArray> ReadArrayAsync(this HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray();

    /// <summary>Asserts the contract's error body and returns its details.</summary>
    public static async Task<JsonArray> AssertErrorAsync(this HttpResponseMessage response, int status, string code)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.Multiple(() =>
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(status), body);
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"), body);
        });

        var error = JsonNode.Parse(body)!["error"]!.AsObject();
        Assert.Multiple(() =>
        {
            Assert.That(error["code"]!.GetValue<string>(), Is.EqualTo(code), body);
            Assert.That(error["message"]!.GetValue<string>(), Is.Not.Empty, body);
            Assert.That(error["details"], Is.InstanceOf<JsonArray>(), body);
        });
        return error["details"]!.AsArray();
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
}
