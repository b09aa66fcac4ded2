using CustomerService.Application.Common;
using CustomerService.Domain.Common;
using MediatR;

namespace CustomerService.Application.Webhooks.ListWebhookDeliveries;

/// <summary>The delivery attempts made to one of the current participant's endpoints, newest first; each value is read as the query is made.</summary>
/// <param name="endpointId">The endpoint.</param>
/// <param name="after">The id of the last attempt of the previous page.</param>
/// <param name="limit">At most this many (1–1000); 100 when absent.</param>
public sealed class ListWebhookDeliveriesQuery(Guid endpointId, string? after, int? limit) : IRequest<WebhookDeliveryPage>
{
    public Guid EndpointId { get; } = endpointId;

    public Checked<Guid?> After { get; } = PageRules.After(after, "a delivery attempt");

    public Checked<int> Limit { get; } = PageRules.Limit(limit);
}

/// <summary>A page of attempts, newest first, and whether more follow.</summary>
public sealed record WebhookDeliveryPage(IReadOnlyList<WebhookDeliveryDto> Attempts, bool HasMore);
