using CustomerService.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CustomerService.Infrastructure.Health;

/// <summary>
/// Ready only when the database answers a query. A refused login says so (it is the operator's to
/// mend, not a wait); any other failure is simply not ready.
/// </summary>
internal sealed class DatabaseConnectionCheck(CustomerDbContext database, DatabaseLoginRefusals loginRefusals) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext healthContext, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(healthContext);
        try
        {
            await database.Database.ExecuteSqlRawAsync("SELECT 1", cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            if (!DatabaseFailures.IsLoginRefused(exception))
            {
                return new HealthCheckResult(healthContext.Registration.FailureStatus, exception: exception);
            }

            loginRefusals.Report(exception);
            return new HealthCheckResult(healthContext.Registration.FailureStatus, DatabaseLoginRefusals.Reason);
        }
    }
}
