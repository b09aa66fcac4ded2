using MediatR;

namespace CustomerService.Application.Webhooks.ListWebhookEndpoints;

/// <summary>The current participant's webhook endpoints, oldest first.</summary>
public sealed record ListWebhookEndpointsQuery : IRequest<IReadOnlyList<WebhookEndpointDto>>;
