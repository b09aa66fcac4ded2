namespace CustomerService.Application.Common.Abstractions;

/// <summary>
/// Makes one delivery attempt: POSTs a body to an endpoint's URL, signed per the Standard Webhooks
/// specification (docs/contract.md, section 9). It never throws for what the receiver does (an error
/// status, a timeout, a refused or unsafe connection, a redirect): the result says what happened.
/// </summary>
public interface IWebhookSender
{
    Task<WebhookSendResult> SendAsync(WebhookMessage message, CancellationToken cancellationToken);
}

/// <summary>One attempt's request.</summary>
/// <param name="Url">The endpoint's URL.</param>
/// <param name="Id">The <c>webhook-id</c>: the event id, the same on every attempt.</param>
/// <param name="Timestamp">This attempt's time, sent as <c>webhook-timestamp</c> (Unix seconds) and signed.</param>
/// <param name="Body">The event JSON, sent as <c>application/json</c> in UTF-8 and signed as those bytes.</param>
/// <param name="Secrets">The secrets that sign it (<c>whsec_…</c>), one signature each; see <c>WebhookEndpoint.SigningSecretsAt</c>.</param>
public sealed record WebhookMessage(string Url, string Id, DateTimeOffset Timestamp, string Body, IReadOnlyList<string> Secrets)
{
    /// <summary>Names the delivery without its body or secrets, so that logging the message leaks neither.</summary>
    public override string ToString() => $"{nameof(WebhookMessage)} {{ Id = {Id}, Timestamp = {Timestamp.ToUnixTimeSeconds()}, Secrets = {Secrets.Count} }}";
}

/// <summary>What one attempt came to.</summary>
/// <param name="Succeeded">The receiver answered with a 2xx status in time.</param>
/// <param name="StatusCode">The receiver's status, when it answered at all.</param>
/// <param name="Error">Why it failed, in a few words (<c>timeout</c>, <c>connection refused</c>, <c>HTTP 500</c>, …); null on success.</param>
/// <param name="Duration">From sending to the end of the answer (or the failure).</param>
public sealed record WebhookSendResult(bool Succeeded, int? StatusCode, string? Error, TimeSpan Duration);
