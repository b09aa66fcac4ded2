using MediatR;

namespace CustomerService.Application.Webhooks.RotateWebhookEndpointSecret;

/// <summary>Gives a webhook endpoint a new signing secret; the previous one keeps signing for 24 h.</summary>
public sealed record RotateWebhookEndpointSecretCommand(Guid Id) : IRequest<WebhookSecretDto>;
