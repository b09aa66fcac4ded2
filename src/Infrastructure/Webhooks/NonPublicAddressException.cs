namespace CustomerService.Infrastructure.Webhooks;

/// <summary>A delivery's host resolved to an address deliveries may not reach (docs/contract.md, section 9, "Safety").</summary>
internal sealed class NonPublicAddressException(string host)
    : Exception($"The host {host} resolves to a non-public address.");
