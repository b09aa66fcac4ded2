using CustomerService.Application.Common.Abstractions;
using MediatR;

namespace CustomerService.Application.Webhooks.ListWebhookEndpoints;

public sealed class ListWebhookEndpointsHandler(IWebhookEndpointReadModel endpoints)
    : IRequestHandler<ListWebhookEndpointsQuery, IReadOnlyList<WebhookEndpointDto>>
{
    public Task<IReadOnlyList<WebhookEndpointDto>> Handle(ListWebhookEndpointsQuery request, CancellationToken cancellationToken) =>
        endpoints.ListAsync(cancellationToken);
}
