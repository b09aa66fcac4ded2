using CustomerService.Application.Common;
using CustomerService.Application.Common.Abstractions;
using CustomerService.Application.Common.Errors;
using MediatR;

namespace CustomerService.Application.Webhooks.DeleteWebhookEndpoint;

public sealed class DeleteWebhookEndpointHandler(IWebhookEndpointRepository endpoints, IUnitOfWork unitOfWork)
    : IRequestHandler<DeleteWebhookEndpointCommand, Unit>
{
    public Task<Unit> Handle(DeleteWebhookEndpointCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);

        // The delete is conditional on the version that was read: one that lost a race is made
        // again, and finds nothing (404) when a concurrent delete won.
        return OptimisticConcurrency.WriteAsync(unitOfWork, acceptedVersions: null, async () =>
        {
            var endpoint = await endpoints.FindForUpdateAsync(request.Id, cancellationToken)
                ?? throw NotFoundException.WebhookEndpoint();

            endpoints.Remove(endpoint);
            await unitOfWork.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        });
    }
}
