using CustomerService.Application.Common.Abstractions;
using CustomerService.Application.Common.Errors;
using MediatR;

namespace CustomerService.Application.Webhooks.GetWebhookEndpoint;

public sealed class GetWebhookEndpointHandler(IWebhookEndpointReadModel endpoints)
    : IRequestHandler<GetWebhookEndpointQuery, WebhookEndpointDto>
{
    public async Task<WebhookEndpointDto> Handle(GetWebhookEndpointQuery request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return await endpoints.FindAsync(request.Id, cancellationToken)
            ?? throw NotFoundException.WebhookEndpoint();
    }
}
