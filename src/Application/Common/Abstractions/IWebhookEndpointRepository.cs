using CustomerService.Domain.Webhooks;

namespace CustomerService.Application.Common.Abstractions;

/// <summary>
/// The write side's webhook endpoints of the current participant, loaded as aggregates to be
/// changed and saved through <see cref="IUnitOfWork"/>. Implementations scope every read to that
/// participant, so another participant's endpoint is never found. Queries read through
/// <see cref="IWebhookEndpointReadModel"/>.
/// </summary>
public interface IWebhookEndpointRepository
{
    void Add(WebhookEndpoint endpoint);

    void Remove(WebhookEndpoint endpoint);

    Task<WebhookEndpoint?> FindForUpdateAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>How many endpoints the participant has.</summary>
    Task<int> CountAsync(CancellationToken cancellationToken);
}
