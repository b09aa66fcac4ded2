using CustomerService.Application.Common.Abstractions;
using MediatR;

namespace CustomerService.Application.Events.ListEvents;

/// <summary>Reads the current participant's events oldest first, or one customer's when <paramref name="CustomerId"/> is given.</summary>
/// <param name="CustomerId">Only this customer's events; the customer must be the participant's.</param>
/// <param name="After">The id of the last event the client has; the page starts after it.</param>
/// <param name="Limit">At most this many (1–1000); 100 when absent.</param>
/// <param name="Type">Only events of this type.</param>
public sealed record ListEventsQuery(Guid? CustomerId, string? After, int? Limit, string? Type) : IRequest<EventFeedPage>;
