using CustomerService.Application.Common;
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
    public Guid? CustomerId { get; } = customerId;

    public Checked<Guid?> After { get; } = PageRules.After(after, "an event");

    public Checked<int> Limit { get; } = PageRules.Limit(limit);

    public Checked<string?> Type { get; } =
        type is null || EventTypes.IsKnown(type)
            ? Checked.Accept(type)
            : Checked.Refuse<string?>("type", $"type must be one of: {string.Join(", ", EventTypes.All)}.");
}
