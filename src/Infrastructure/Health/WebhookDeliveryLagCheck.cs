using CustomerService.Infrastructure.Webhooks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace CustomerService.Infrastructure.Health;

/// <summary>
/// Warns (degraded, still ready) when the oldest event owed to an enabled webhook endpoint is older
/// than <see cref="WebhookDeliveryOptions.LagWarningThreshold"/>: deliveries lag, but the API serves.
/// </summary>
internal sealed class WebhookDeliveryLagCheck(WebhookMetrics metrics, IOptions<WebhookDeliveryOptions> options) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var age = metrics.OldestUndeliveredAge;
        var threshold = options.Value.LagWarningThreshold;
        return Task.FromResult(age <= threshold
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Degraded(
                $"The oldest undelivered webhook event is {Math.Round(age.TotalSeconds)} s old, over the {Math.Round(threshold.TotalSeconds)} s threshold."));
    }
}
