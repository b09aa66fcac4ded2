using CustomerService.Domain.Common;
using CustomerService.Domain.Webhooks;
using MediatR;

namespace CustomerService.Application.Webhooks.CreateWebhookEndpoint;

/// <summary>Registers a webhook endpoint for the current participant; each value is read as the command is made.</summary>
/// <param name="url">Where deliveries are POSTed: <c>https</c>, on a public address.</param>
/// <param name="eventTypes">The event types it receives; null means every type.</param>
/// <param name="description">An optional note for the participant's own use.</param>
public sealed class CreateWebhookEndpointCommand(string? url, IReadOnlyList<string?>? eventTypes, string? description)
    : IRequest<CreatedWebhookEndpointDto>
{
    public Checked<string> Url { get; } = WebhookUrl.Check(url);

    public Checked<IReadOnlyList<string>?> EventTypes { get; } = WebhookEventTypes.Check(eventTypes);

    public Checked<string?> Description { get; } = WebhookEndpoint.CheckDescription(description);
}
