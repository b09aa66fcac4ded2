using CustomerService.Domain.Common;
using MediatR;

namespace CustomerService.Application.Webhooks.ListWebhookDeliveries;

/// <summary>The delivery attempts made to one of the current participant's endpoints, newest first; each value is read as the query is made.</summary>
/// <param name="endpointId">The endpoint.</param>
/// <param name="after">The id of the last attempt of the previous page.</param>
/// <param name="limit">At most this many (1–1000); 100 when absent.</param>
public sealed class ListWebhookDeliveriesQuery(Guid endpointId, string? after, int? limit) : IRequest<WebhookDeliveryPage>
{
    public const int MaxLimit = 1000;
    public const int DefaultLimit = 100;

    public Guid EndpointId { get; } = endpointId;

    public Checked<Guid?> After { get; } =
        after is null ? Checked.Accept<Guid?>(null)
        : Guid.TryParseExact(after, "D", out var id) ? Checked.Accept<Guid?>(id)
        : Checked.Refuse<Guid?>("after", "after must be the id of a delivery attempt.");

    public Checked<int> Limit { get; } =
        limit is null ? Checked.Accept(DefaultLimit)
        : limit is >= 1 and <= MaxLimit ? Checked.Accept(limit.Value)
        : Checked.Refuse<int>("limit", $"limit must be a whole number from 1 to {MaxLimit}.");
}

/// <summary>A page of attempts, newest first, and whether more follow.</summary>
public sealed record WebhookDeliveryPage(IReadOnlyList<WebhookDeliveryDto> Attempts, bool HasMore);
