using System.Text.Json.Serialization;

namespace CustomerService.Application.Webhooks;

/// <summary>
/// One delivery attempt as the API returns it (docs/contract.md, section 9); <c>statusCode</c> is
/// omitted when the receiver never answered, <c>error</c> when the attempt succeeded.
/// </summary>
/// <param name="Id">The attempt's id; <c>after</c> of the next page.</param>
/// <param name="EventId">The event delivered, the <c>webhook-id</c> sent.</param>
/// <param name="EventType">The event's type.</param>
/// <param name="Attempt">1 for the first attempt at this event.</param>
/// <param name="AttemptedAt">When the attempt was made.</param>
/// <param name="Succeeded">The receiver answered 2xx in time.</param>
/// <param name="StatusCode">The receiver's status, when it answered.</param>
/// <param name="Error">Why the attempt failed, in a few words.</param>
/// <param name="DurationMs">How long the attempt took, in milliseconds.</param>
public sealed record WebhookDeliveryDto(
    Guid Id,
    Guid EventId,
    string EventType,
    int Attempt,
    DateTime AttemptedAt,
    bool Succeeded,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? StatusCode,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Error,
    int DurationMs);
