using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace CustomerService.Api.IntegrationTests.Webhooks;

/// <summary>The webhook endpoints API as an integrator calls it: raw HTTP and JSON.</summary>
public static class WebhookEndpointsClient
{
    public const string EndpointsPath = "/api/v1/account-manager/webhook-endpoints";
    public const string BothScopes = "webhooks:read webhooks:write";

    /// <summary>A public address literal: registration accepts it without asking DNS, and nothing connects to it.</summary>
    public const string PublicUrl = "https://8.8.8.8/hooks/customer-service";

    public static string EndpointPath(string id) => $"{EndpointsPath}/{id}";

    /// <summary>A client of <paramref name="factory"/>'s service whose token names this participant and these scopes.</summary>
    public static HttpClient ClientFor(this CustomerServiceFactory factory, string participantId, string? scope = BothScopes)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.Mint(participantId, scope));
        return client;
    }

    /// <summary>A participant no other test uses, so that each test starts with no endpoints.</summary>
    public static string NewParticipant() => $"participant-{Guid.NewGuid():N}";

    public static Task<HttpResponseMessage> CreateEndpointAsync(this HttpClient client, string json) =>
        client.PostJsonAsync(EndpointsPath, json);

    public static async Task<JsonObject> CreateEndpointOkAsync(this HttpClient client, string url = PublicUrl)
    {
        using var response = await client.CreateEndpointAsync($$"""{"url":"{{url}}"}""");
        Assert.That((int)response.StatusCode, Is.EqualTo(201), await response.Content.ReadAsStringAsync());
        return await response.ReadObjectAsync();
    }

    public static Task<HttpResponseMessage> UpdateEndpointAsync(this HttpClient client, string id, string json) =>
        client.PutAsync(EndpointPath(id), ContractClient.Json(json));

    public static Task<HttpResponseMessage> RotateSecretAsync(this HttpClient client, string id) =>
        client.PostAsync($"{EndpointPath(id)}/secret", content: null);

    public static async Task<JsonObject> GetEndpointOkAsync(this HttpClient client, string id)
    {
        using var response = await client.GetAsync(EndpointPath(id));
        Assert.That((int)response.StatusCode, Is.EqualTo(200), await response.Content.ReadAsStringAsync());
        return await response.ReadObjectAsync();
    }

    public static IEnumerable<string> Keys(this JsonObject node) => node.Select(property => property.Key);

    public static IEnumerable<string> Strings(this JsonNode? array) => array!.AsArray().Select(item => item!.GetValue<string>());
}
