using CustomerService.Application.Common;
using CustomerService.Application.Common.Abstractions;
using CustomerService.Application.Common.Errors;
using MediatR;

namespace CustomerService.Application.Webhooks.RotateWebhookEndpointSecret;

public sealed class RotateWebhookEndpointSecretHandler(
    IWebhookEndpointRepository endpoints,
    IUnitOfWork unitOfWork,
    TimeProvider clock) : IRequestHandler<RotateWebhookEndpointSecretCommand, WebhookSecretDto>
{
    public Task<WebhookSecretDto> Handle(RotateWebhookEndpointSecretCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return OptimisticConcurrency.WriteAsync(unitOfWork, acceptedVersions: null, async () =>
        {
            var endpoint = await endpoints.FindForUpdateAsync(request.Id, cancellationToken)
                ?? throw NotFoundException.WebhookEndpoint();

            var secret = endpoint.RotateSecret(clock);
            await unitOfWork.SaveChangesAsync(cancellationToken);
            return new WebhookSecretDto(secret);
        });
    }
}
