using MediatR;

namespace CustomerService.Application.Webhooks.CreateWebhookEndpoint;

/// <summary>Registers a webhook endpoint for the current participant.</summary>
/// <param name="Url">Where deliveries are POSTed: <c>https</c>, on a public address.</param>
/// <param name="EventTypes">The event types it receives; null means every type.</param>
/// <param name="Description">An optional note for the participant's own use.</param>
public sealed record CreateWebhookEndpointCommand(string? Url, IReadOnlyList<string?>? EventTypes, string? Description)
    : IRequest<CreatedWebhookEndpointDto>;
