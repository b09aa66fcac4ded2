using CustomerService.Application.Common.Abstractions;
using CustomerService.Domain.Common;
using CustomerService.Domain.Events;
using MediatR;

namespace CustomerService.Application.Events.ListEvents;

/// <summary>Reads the current participant's events oldest first, or one customer's; each value is read as the query is made.</summary>
/// <param name="customerId">Only this customer's events; the customer must be the participant's.</param>
/// <param name="after">The id of the last event the client has; the page starts after it.</param>
/// <param name="limit">At most this many (1–1000); 100 when absent.</param>
/// <param name="type">Only events of this type.</param>
public sealed class ListEventsQuery(Guid? customerId, string? after, int? limit, string? type) : IRequest<EventFeedPage>
{
    public const int MaxLimit = 1000;
    public const int DefaultLimit = 100;

    public Guid? CustomerId { get; } = customerId;

    public Checked<Guid?> After { get; } =
        after is null ? Checked.Accept<Guid?>(null)
        : Guid.TryParseExact(after, "D", out var id) ? Checked.Accept<Guid?>(id)
        : Checked.Refuse<Guid?>("after", "after must be the id of an event.");

    public Checked<int> Limit { get; } =
        limit is null ? Checked.Accept(DefaultLimit)
        : limit is >= 1 and <= MaxLimit ? Checked.Accept(limit.Value)
        : Checked.Refuse<int>("limit", $"limit must be a whole number from 1 to {MaxLimit}.");

    public Checked<string?> Type { get; } =
        type is null || EventTypes.IsKnown(type)
            ? Checked.Accept(type)
            : Checked.Refuse<string?>("type", $"type must be one of: {string.Join(", ", EventTypes.All)}.");
}
