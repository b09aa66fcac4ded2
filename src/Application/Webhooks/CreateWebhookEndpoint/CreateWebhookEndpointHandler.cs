using CustomerService.Application.Common.Abstractions;
using CustomerService.Application.Common.Errors;
using CustomerService.Domain.Webhooks;
using MediatR;
using Microsoft.Extensions.Options;

namespace CustomerService.Application.Webhooks.CreateWebhookEndpoint;

public sealed class CreateWebhookEndpointHandler(
    IWebhookEndpointRepository endpoints,
    IUnitOfWork unitOfWork,
    ICurrentParticipant participant,
    TimeProvider clock,
    IOptions<WebhookOptions> options) : IRequestHandler<CreateWebhookEndpointCommand, CreatedWebhookEndpointDto>
{
    public async Task<CreatedWebhookEndpointDto> Handle(CreateWebhookEndpointCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var url = request.Url.Value;
        var eventTypes = request.EventTypes.Value;
        var description = request.Description.Value;
        var maxEndpoints = options.Value.MaxEndpoints;
        if (await endpoints.CountAsync(cancellationToken) >= maxEndpoints)
        {
            throw ConflictException.WebhookEndpointLimitReached(maxEndpoints);
        }

        var endpoint = WebhookEndpoint.Create(
            participant.Id,
            url,
            eventTypes,
            description,
            clock);

        endpoints.Add(endpoint);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return CreatedWebhookEndpointDto.From(endpoint);
    }
}
