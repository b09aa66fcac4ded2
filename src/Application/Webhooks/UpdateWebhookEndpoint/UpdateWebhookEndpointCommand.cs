using MediatR;

namespace CustomerService.Application.Webhooks.UpdateWebhookEndpoint;

/// <summary>Changes what is given of a webhook endpoint; a null field stays as it is.</summary>
/// <param name="Id">The endpoint.</param>
/// <param name="Url">A new URL: <c>https</c>, on a public address.</param>
/// <param name="EventTypes">The event types it receives from now on.</param>
/// <param name="Description">A new description; empty removes it.</param>
/// <param name="Enabled">Whether deliveries are on; enabling clears <c>disabledReason</c>.</param>
public sealed record UpdateWebhookEndpointCommand(Guid Id, string? Url, IReadOnlyList<string?>? EventTypes, string? Description, bool? Enabled)
    : IRequest<WebhookEndpointDto>;
