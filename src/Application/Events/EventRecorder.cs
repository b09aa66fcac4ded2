using AutoMapper;
using CustomerService.Application.Customers;
using CustomerService.Domain.Customers;
using CustomerService.Domain.Events;

namespace CustomerService.Application.Events;

/// <summary>
/// Turns the events a customer raised into what is stored with the change: the body is written
/// now, from the customer as it is being saved, so the feed and every delivery show the customer
/// as it was when the event happened.
/// </summary>
public sealed class EventRecorder(IMapper mapper, IEventSerializer serializer)
{
    /// <summary>The customer's pending events, oldest first, in their stored form.</summary>
    public IReadOnlyList<RecordedEvent> Record(Customer customer)
    {
        ArgumentNullException.ThrowIfNull(customer);
        if (customer.PendingEvents.Count == 0)
        {
            return [];
        }

        var recorded = new List<RecordedEvent>(customer.PendingEvents.Count);
        foreach (var pending in customer.PendingEvents)
        {
            var data = pending switch
            {
                CustomerCreated => new EventDataDto(null, mapper.Map<CustomerDto>(customer), null),
                CustomerStatusChanged changed => new EventDataDto(changed.PreviousStatus, mapper.Map<CustomerDto>(customer), null),
                AccountCreated created => new EventDataDto(null, null, mapper.Map<AccountDto>(created.Account)),
                _ => throw new InvalidOperationException($"No stored form for {pending.GetType().Name}."),
            };
            var body = serializer.Serialize(new EventDto(pending.Id, pending.Type, pending.OccurredAt, customer.Id, data));
            recorded.Add(new RecordedEvent(pending.Id, pending.Type, customer.Id, pending.OccurredAt, body));
        }

        return recorded;
    }
}
