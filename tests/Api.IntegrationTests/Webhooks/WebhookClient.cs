using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CustomerService.Api.IntegrationTests.Webhooks;

/// <summary>Registering endpoints and checking signatures as an integrator does.</summary>
public static class WebhookClient
{
    public const string EveryScope = "customers:read customers:write webhooks:read webhooks:write";

    /// <summary>Settings for a service that delivers to receivers on loopback over http, retrying quickly.</summary>
    public static Dictionary<string, string?> LoopbackSettings(params string[] retryDelays)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Webhooks:AllowInsecureUrls"] = "true",
            ["Webhooks:AllowPrivateNetworks"] = "true",
            ["Webhooks:PollInterval"] = "00:00:00.100",
        };
        var delays = retryDelays.Length == 0 ? ["00:00:00.200", "00:00:00.200", "00:00:00.200"] : retryDelays;
        for (var i = 0; i < delays.Length; i++)
        {
            settings[$"Webhooks:RetryDelays:{i}"] = delays[i];
        }

        return settings;
    }

    /// <summary>A client of <paramref name="factory"/> for <paramref name="participantId"/> with every scope.</summary>
    public static HttpClient ClientWithEveryScope(this CustomerServiceFactory factory, string? participantId = null) =>
        factory.ClientFor(participantId ?? factory.ParticipantId, EveryScope);

    /// <summary>Registers an endpoint at <paramref name="url"/>; returns it with its secret.</summary>
    public static async Task<JsonObject> RegisterEndpointAsync(this HttpClient client, string url, params string[] eventTypes)
    {
        var body = eventTypes.Length == 0
            ? JsonSerializer.Serialize(new { url })
            : JsonSerializer.Serialize(new { url, eventTypes });
        using var response = await client.PostJsonAsync(WebhookEndpointsClient.EndpointsPath, body);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return await response.ReadObjectAsync();
    }

    public static async Task SetEnabledAsync(this HttpClient client, string id, bool enabled)
    {
        using var response = await client.SendAsync(HttpMethod.Put, $"{WebhookEndpointsClient.EndpointsPath}/{id}", JsonSerializer.Serialize(new { enabled }));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
    }

    public static async Task<JsonArray> ListDeliveriesAsync(this HttpClient client, string endpointId, string query = "")
    {
        using var response = await client.GetAsync($"{WebhookEndpointsClient.EndpointsPath}/{endpointId}/deliveries{query}");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        return await response.ReadArrayAsync();
    }

    /// <summary>
    /// The Standard Webhooks check, written here from the specification rather than taken from the
    /// service: base64 HMAC-SHA256 of <c>{id}.{timestamp}.{body}</c> keyed with the secret's bytes.
    /// </summary>
    public static bool IsSignedWith(this ReceivedWebhook received, string secret)
    {
        var key = Convert.FromBase64String(secret["whsec_".Length..]);
        var expected = "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{received.Id}.{received.Timestamp}.{received.Body}")));
        return received.Signature.Split(' ').Contains(expected, StringComparer.Ordinal);
    }
}
