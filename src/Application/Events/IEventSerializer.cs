namespace CustomerService.Application.Events;

/// <summary>
/// Writes an event as JSON, exactly as the API writes its answers (names, enum spelling,
/// timestamps), so that a customer inside an event reads like the customer the API returns.
/// </summary>
public interface IEventSerializer
{
    string Serialize(EventDto value);
}
