using System.Linq.Expressions;
using CustomerService.Application.Common.Abstractions;
using CustomerService.Application.Webhooks;
using CustomerService.Domain.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Infrastructure.Persistence.ReadModel;

/// <summary>
/// The query side of webhook endpoints: each read projects the columns the answer shows (never the
/// secrets) straight into the DTO, untracked; the participant's query filter scopes it.
/// </summary>
internal sealed class WebhookEndpointReadModel(CustomerDbContext context) : IWebhookEndpointReadModel
{
    private static readonly Expression<Func<WebhookEndpoint, WebhookEndpointDto>> ToDto = endpoint => new WebhookEndpointDto(
        endpoint.Id,
        endpoint.Url,
        endpoint.EventTypes,
        endpoint.Description,
        endpoint.Enabled,
        endpoint.DisabledReason,
        endpoint.CreatedAt,
        endpoint.UpdatedAt);

    public Task<WebhookEndpointDto?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        context.WebhookEndpoints
            .Where(endpoint => endpoint.Id == id)
            .Select(ToDto)
            .FirstOrDefaultAsync(cancellationToken);

    public async Task<IReadOnlyList<WebhookEndpointDto>> ListAsync(CancellationToken cancellationToken) =>
        await context.WebhookEndpoints
            .OrderBy(endpoint => endpoint.CreatedAt)
            .ThenBy(endpoint => endpoint.Id)
            .Select(ToDto)
            .ToListAsync(cancellationToken);
}
