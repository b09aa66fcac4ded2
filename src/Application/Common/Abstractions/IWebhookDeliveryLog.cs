using CustomerService.Application.Webhooks;

namespace CustomerService.Application.Common.Abstractions;

/// <summary>The delivery attempts made to the current participant's endpoints, newest first.</summary>
public interface IWebhookDeliveryLog
{
    /// <summary>Whether <paramref name="attemptId"/> is an attempt at the endpoint <paramref name="endpointId"/>.</summary>
    Task<bool> AttemptExistsAsync(Guid endpointId, Guid attemptId, CancellationToken cancellationToken);

    /// <summary>
    /// At most <paramref name="limit"/> attempts at the endpoint, newest first, older than
    /// <paramref name="after"/> when given; and whether at least one more follows.
    /// </summary>
    Task<(IReadOnlyList<WebhookDeliveryDto> Attempts, bool HasMore)> ReadAsync(
        Guid endpointId, Guid? after, int limit, CancellationToken cancellationToken);
}
