using MediatR;

namespace CustomerService.Application.Webhooks.GetWebhookEndpoint;

/// <summary>Reads one webhook endpoint of the current participant.</summary>
public sealed record GetWebhookEndpointQuery(Guid Id) : IRequest<WebhookEndpointDto>;
