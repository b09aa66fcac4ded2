using CustomerService.Application.Common.Abstractions;
using CustomerService.Application.Common.Errors;
using MediatR;

namespace CustomerService.Application.Webhooks.ListWebhookDeliveries;

public sealed class ListWebhookDeliveriesHandler(IWebhookEndpointReadModel endpoints, IWebhookDeliveryLog deliveries)
    : IRequestHandler<ListWebhookDeliveriesQuery, WebhookDeliveryPage>
{
    public async Task<WebhookDeliveryPage> Handle(ListWebhookDeliveriesQuery request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var after = request.After.Value;
        var limit = request.Limit.Value;
        if (await endpoints.FindAsync(request.EndpointId, cancellationToken) is null)
        {
            throw NotFoundException.WebhookEndpoint();
        }

        if (after is { } attemptId && !await deliveries.AttemptExistsAsync(request.EndpointId, attemptId, cancellationToken))
        {
            throw new RequestValidationException([new FieldError("after", "after must be the id of one of this endpoint's delivery attempts.")]);
        }

        var (attempts, hasMore) = await deliveries.ReadAsync(
            request.EndpointId, after, limit, cancellationToken);
        return new WebhookDeliveryPage(attempts, hasMore);
    }
}
