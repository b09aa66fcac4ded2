using CustomerService.Application.Common;
using CustomerService.Application.Common.Abstractions;
using CustomerService.Application.Common.Errors;
using MediatR;

namespace CustomerService.Application.Webhooks.UpdateWebhookEndpoint;

public sealed class UpdateWebhookEndpointHandler(
    IWebhookEndpointRepository endpoints,
    IUnitOfWork unitOfWork,
    TimeProvider clock) : IRequestHandler<UpdateWebhookEndpointCommand, WebhookEndpointDto>
{
    public Task<WebhookEndpointDto> Handle(UpdateWebhookEndpointCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var url = request.Url.Value;
        var eventTypes = request.EventTypes.Value;
        var description = request.Description.Value;

        // The last write wins; a write that lost the race (to another update, or to the dispatcher
        // disabling the endpoint) is made again on what the winner saved.
        return OptimisticConcurrency.WriteAsync(unitOfWork, acceptedVersions: null, async () =>
        {
            var endpoint = await endpoints.FindForUpdateAsync(request.Id, cancellationToken)
                ?? throw NotFoundException.WebhookEndpoint();

            if (endpoint.Update(url, eventTypes, description, request.Enabled, clock))
            {
                await unitOfWork.SaveChangesAsync(cancellationToken);
            }

            return WebhookEndpointDto.From(endpoint);
        });
    }
}
