using CustomerService.Application.Common.Abstractions;
using CustomerService.Domain.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Infrastructure.Persistence.Repositories;

/// <summary>
/// The write side's webhook endpoints of the current participant (the context's query filter scopes
/// every read), loaded tracked to be changed or removed and saved by the unit of work.
/// </summary>
internal sealed class WebhookEndpointRepository(CustomerDbContext context) : IWebhookEndpointRepository
{
    public void Add(WebhookEndpoint endpoint) => context.WebhookEndpoints.Add(endpoint);

    public void Remove(WebhookEndpoint endpoint) => context.WebhookEndpoints.Remove(endpoint);

    public Task<WebhookEndpoint?> FindForUpdateAsync(Guid id, CancellationToken cancellationToken) =>
        context.WebhookEndpoints.FirstOrDefaultAsync(endpoint => endpoint.Id == id, cancellationToken);

    public Task<int> CountAsync(CancellationToken cancellationToken) =>
        context.WebhookEndpoints.CountAsync(cancellationToken);
}
