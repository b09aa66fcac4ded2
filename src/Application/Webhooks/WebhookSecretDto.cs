namespace CustomerService.Application.Webhooks;

/// <summary>The answer to a rotation: the new secret, shown this once.</summary>
public sealed record WebhookSecretDto(string Secret);
