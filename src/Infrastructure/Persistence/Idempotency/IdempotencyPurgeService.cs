using CustomerService.Application.Common.Idempotency;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CustomerService.Infrastructure.Persistence.Idempotency;

/// <summary>
/// Deletes expired idempotency keys every <see cref="IdempotencyOptions.PurgeInterval"/>. A purge
/// that fails is logged and tried again on the next tick: it never stops the host, which is what
/// an exception escaping a background service does by default.
/// </summary>
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
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                // Not expected, and worth an alert; but expired keys only take space, so serving
                // requests matters more than this purge.
                LogFailed(exception);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Purged {Count} expired idempotency keys")]
    private partial void LogPurged(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Expired idempotency keys could not be purged; the database is unavailable")]
    private partial void LogUnavailable(Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Expired idempotency keys could not be purged; the purge tries again at its next interval")]
    private partial void LogFailed(Exception exception);
}
