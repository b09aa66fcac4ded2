using CustomerService.Domain.Common;
using CustomerService.Domain.Webhooks;
using MediatR;

namespace CustomerService.Application.Webhooks.UpdateWebhookEndpoint;

/// <summary>Changes what is given of a webhook endpoint (a null field stays as it is); each value is read as the command is made.</summary>
/// <param name="id">The endpoint.</param>
/// <param name="url">A new URL: <c>https</c>, on a public address.</param>
/// <param name="eventTypes">The event types it receives from now on.</param>
/// <param name="description">A new description; empty removes it.</param>
/// <param name="enabled">Whether deliveries are on; enabling clears <c>disabledReason</c>.</param>
public sealed class UpdateWebhookEndpointCommand(Guid id, string? url, IReadOnlyList<string?>? eventTypes, string? description, bool? enabled)
    : IRequest<WebhookEndpointDto>
{
    public Guid Id { get; } = id;

    public Checked<string?> Url { get; } = WebhookUrl.CheckOptional(url);

    public Checked<IReadOnlyList<string>?> EventTypes { get; } = WebhookEventTypes.Check(eventTypes);

    public Checked<string?> Description { get; } = WebhookEndpoint.CheckDescription(description);

    public bool? Enabled { get; } = enabled;
}
