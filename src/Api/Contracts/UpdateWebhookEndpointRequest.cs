namespace CustomerService.Api.Contracts;

/// <summary>The body of <c>PUT /webhook-endpoints/{id}</c>: each field given is changed, each left out stays.</summary>
/// <param name="Url">A new URL: <c>https</c>, whose host resolves to public addresses only.</param>
/// <param name="EventTypes">The event types it receives from now on.</param>
/// <param name="Description">A new description, at most 256 characters; an empty one removes it.</param>
/// <param name="Enabled">Whether deliveries are on; enabling clears <c>disabledReason</c>.</param>
public sealed record UpdateWebhookEndpointRequest(
    string? Url = null,
    IReadOnlyList<string?>? EventTypes = null,
    string? Description = null,
    bool? Enabled = null);
