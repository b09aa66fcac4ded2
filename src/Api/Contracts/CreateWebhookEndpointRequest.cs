namespace CustomerService.Api.Contracts;

/// <summary>The body of <c>POST /webhook-endpoints</c>.</summary>
/// <param name="Url">Where deliveries are POSTed: an <c>https</c> URL whose host resolves to public addresses only.</param>
/// <param name="EventTypes">The event types it receives: <c>customer.created</c>, <c>customer.status_changed</c>, <c>account.created</c>; every type when left out.</param>
/// <param name="Description">An optional note for your own use, at most 256 characters.</param>
public sealed record CreateWebhookEndpointRequest(string? Url, IReadOnlyList<string?>? EventTypes = null, string? Description = null);
