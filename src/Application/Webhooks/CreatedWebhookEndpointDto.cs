using System.Text.Json.Serialization;
using CustomerService.Domain.Webhooks;

namespace CustomerService.Application.Webhooks;

/// <summary>A webhook endpoint as created: the only answer, with rotation's, that carries its secret.</summary>
public sealed record CreatedWebhookEndpointDto(
    Guid Id,
    string Url,
    IReadOnlyList<string> EventTypes,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Description,
    bool Enabled,
    string Secret,
    DateTime CreatedAt,
    DateTime UpdatedAt)
{
    public static CreatedWebhookEndpointDto From(WebhookEndpoint endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        return new(endpoint.Id, endpoint.Url, endpoint.EventTypes, endpoint.Description, endpoint.Enabled, endpoint.Secret, endpoint.CreatedAt, endpoint.UpdatedAt);
    }
}
