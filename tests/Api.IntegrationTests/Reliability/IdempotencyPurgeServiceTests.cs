using CustomerService.Application.Common.Idempotency;
using CustomerService.Infrastructure.Persistence.Idempotency;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace CustomerService.Api.IntegrationTests.Reliability;

/// <summary>The background purge of expired idempotency keys survives its own failures.</summary>
public sealed class IdempotencyPurgeServiceTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(10);

    [Test]
    public async Task An_unexpected_purge_failure_is_logged_and_the_next_interval_purges_again()
    {
        var purges = 0;
        var purgedAgain = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var store = new Mock<IIdempotencyStore>();
        store.Setup(s => s.PurgeExpiredAsync(It.IsAny<CancellationToken>()))
            .Returns(() =>
            {
                if (Interlocked.Increment(ref purges) == 1)
                {
                    throw new InvalidOperationException("a bug in the purge");
                }

                purgedAgain.TrySetResult();
                return Task.FromResult(3);
            });
        await using var services = new ServiceCollection().AddScoped(_ => store.Object).BuildServiceProvider();
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var logger = new RecordingLogger();
        using var purge = new IdempotencyPurgeService(
            services.GetRequiredService<IServiceScopeFactory>(),
            clock,
            Options.Create(new IdempotencyOptions { PurgeInterval = Interval }),
            logger);

        await purge.StartAsync(CancellationToken.None);
        try
        {
            await AdvanceUntilAsync(clock, () => Volatile.Read(ref purges) >= 1);
            await AdvanceUntilAsync(clock, () => purgedAgain.Task.IsCompleted);

            Assert.Multiple(() =>
            {
                Assert.That(Volatile.Read(ref purges), Is.GreaterThanOrEqualTo(2));
                Assert.That(purge.ExecuteTask!.IsCompleted, Is.False, "the purge loop is still running");
            });
            Assert.That(
                logger.Entries(),
                Has.One.Matches<(LogLevel Level, Exception? Exception)>(entry => entry.Level == LogLevel.Error && entry.Exception is InvalidOperationException),
                "the failure is logged at Error with its exception");
        }
        finally
        {
            await purge.StopAsync(CancellationToken.None);
        }
    }

    /// <summary>Moves the clock one interval at a time (the loop may not be waiting yet) until the condition holds.</summary>
    private static async Task AdvanceUntilAsync(FakeTimeProvider clock, Func<bool> condition)
    {
        for (var attempt = 0; attempt < 200 && !condition(); attempt++)
        {
            clock.Advance(Interval);
            await Task.Delay(10);
        }

        Assert.That(condition(), Is.True, "the purge did not run");
    }

    private sealed class RecordingLogger : ILogger<IdempotencyPurgeService>
    {
        private readonly List<(LogLevel Level, Exception? Exception)> _entries = [];

        public (LogLevel Level, Exception? Exception)[] Entries()
        {
            lock (_entries)
            {
                return [.. _entries];
            }
        }

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (_entries)
            {
                _entries.Add((logLevel, exception));
            }
        }
    }
}
