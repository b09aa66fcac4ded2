using CustomerService.Application.Common.Idempotency;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CustomerService.Infrastructure.Persistence.Idempotency;

/// <summary>Deletes expired idempotency keys every <see cref="IdempotencyOptions.PurgeInterval"/>.</summary>
internal sealed partial class IdempotencyPurgeService(
    IServiceScopeFactory scopes,
    TimeProvider clock,
    IOptions<IdempotencyOptions> options,
    ILogger<IdempotencyPurgeService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PurgeInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var purged = await scope.ServiceProvider.GetRequiredService<IIdempotencyStore>().PurgeExpiredAsync(stoppingToken);
                LogPurged(purged);
            }
            catch (Exception exception) when (exception is not OperationCanceledException && DatabaseFailures.IsUnavailable(exception))
            {
                // The database is away; the next tick tries again.
                LogUnavailable(exception);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Purged {Count} expired idempotency keys")]
    private partial void LogPurged(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Expired idempotency keys could not be purged; the database is unavailable")]
    private partial void LogUnavailable(Exception exception);
}
