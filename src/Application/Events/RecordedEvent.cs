namespace CustomerService.Application.Events;

/// <summary>An event ready to be stored: its identity, what it is about, and its body as the feed will show it.</summary>
public sealed record RecordedEvent(Guid Id, string Type, Guid CustomerId, DateTime OccurredAt, string Body);
