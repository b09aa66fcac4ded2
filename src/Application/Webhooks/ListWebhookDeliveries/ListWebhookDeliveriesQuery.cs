using MediatR;

namespace CustomerService.Application.Webhooks.ListWebhookDeliveries;

/// <summary>The delivery attempts made to one of the current participant's endpoints, newest first.</summary>
/// <param name="EndpointId">The endpoint.</param>
/// <param name="After">The id of the last attempt of the previous page.</param>
/// <param name="Limit">At most this many (1–1000); 100 when absent.</param>
public sealed record ListWebhookDeliveriesQuery(Guid EndpointId, string? After, int? Limit) : IRequest<WebhookDeliveryPage>;

/// <summary>A page of attempts, newest first, and whether more follow.</summary>
public sealed record WebhookDeliveryPage(IReadOnlyList<WebhookDeliveryDto> Attempts, bool HasMore);
