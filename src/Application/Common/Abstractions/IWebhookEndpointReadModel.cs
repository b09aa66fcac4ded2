using CustomerService.Application.Webhooks;

namespace CustomerService.Application.Common.Abstractions;

/// <summary>
/// The query side of webhook endpoints: the current participant's endpoints read straight into the
/// DTOs the API answers with, never with their secrets. Implementations scope every read to the
/// participant, so another participant's endpoint is never found.
/// </summary>
public interface IWebhookEndpointReadModel
{
    /// <summary>An endpoint, or null when the participant has no such endpoint.</summary>
    Task<WebhookEndpointDto?> FindAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>Every endpoint of the participant, oldest first.</summary>
    Task<IReadOnlyList<WebhookEndpointDto>> ListAsync(CancellationToken cancellationToken);
}
