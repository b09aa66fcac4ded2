using MediatR;

namespace CustomerService.Application.Webhooks.DeleteWebhookEndpoint;

/// <summary>Deletes a webhook endpoint of the current participant.</summary>
public sealed record DeleteWebhookEndpointCommand(Guid Id) : IRequest<Unit>;
