using System.Text.Json.Serialization;
using CustomerService.Domain.Webhooks;

namespace CustomerService.Application.Webhooks;

/// <summary>
/// A webhook endpoint as the API returns it, never with its secret; <c>description</c> and
/// <c>disabledReason</c> are omitted when absent.
/// </summary>
public sealed record WebhookEndpointDto(
    Guid Id,
    string Url,
    IReadOnlyList<string> EventTypes,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Description,
    bool Enabled,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? DisabledReason,
    DateTime CreatedAt,
    DateTime UpdatedAt)
{
    /// <summary>The endpoint as a command leaves it.</summary>
    public static WebhookEndpointDto From(WebhookEndpoint endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        return new(endpoint.Id, endpoint.Url, endpoint.EventTypes, endpoint.Description, endpoint.Enabled, endpoint.DisabledReason, endpoint.CreatedAt, endpoint.UpdatedAt);
    }
}
