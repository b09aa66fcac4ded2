using System.Text.Json.Serialization;
using CustomerService.Application.Customers;
using CustomerService.Domain.Customers;

namespace CustomerService.Application.Events;

/// <summary>An event as the feed shows it and a webhook delivers it (docs/contract.md, section 9).</summary>
/// <param name="Id">The event's id; a webhook's <c>webhook-id</c>.</param>
/// <param name="Type">One of <see cref="Domain.Events.EventTypes"/>.</param>
/// <param name="OccurredAt">When the change was made.</param>
/// <param name="CustomerId">The customer the event is about.</param>
/// <param name="Data">What changed; its fields depend on the type.</param>
public sealed record EventDto(Guid Id, string Type, DateTime OccurredAt, Guid CustomerId, EventDataDto Data);

/// <summary>
/// An event's data: <c>customer</c> for <c>customer.created</c>; <c>previousStatus</c> and
/// <c>customer</c> (after the change) for <c>customer.status_changed</c>; <c>account</c> for
/// <c>account.created</c>. A field an event's type does not carry is left out.
/// </summary>
public sealed record EventDataDto(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] CustomerStatus? PreviousStatus,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] CustomerDto? Customer,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] AccountDto? Account);
