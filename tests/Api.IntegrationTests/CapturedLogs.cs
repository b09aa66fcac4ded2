using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CustomerService.Api.IntegrationTests;

/// <summary>
/// Every log line a service writes: its category, level, message, structured values, exception,
/// and the request ids of the scopes it was written in.
/// </summary>
public sealed class CapturedLogs : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<LogLine> _lines = new();
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public IEnumerable<LogLine> Lines => _lines;

    /// <summary>Adds the capture to a service's logging.</summary>
    public void AddTo(IWebHostBuilder builder) =>
        builder.ConfigureTestServices(services => services.AddSingleton<ILoggerProvider>(this));

    public IEnumerable<LogLine> From(string categorySuffix) =>
        _lines.Where(line => line.Category.EndsWith(categorySuffix, StringComparison.Ordinal));

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, this);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    public sealed record LogLine(
        string Category,
        LogLevel Level,
        string Message,
        IReadOnlyDictionary<string, object?> Values,
        Exception? Exception,
        IReadOnlyList<string> ScopeRequestIds);

    private sealed class Logger(string category, CapturedLogs capture) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => capture._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state as IEnumerable<KeyValuePair<string, object?>> ?? [];
            var requestIds = new List<string>();
            capture._scopes.ForEachScope(
                (scope, ids) =>
                {
                    if (scope is IEnumerable<KeyValuePair<string, object?>> pairs)
                    {
                        ids.AddRange(pairs.Where(pair => pair.Key == "RequestId").Select(pair => pair.Value?.ToString() ?? string.Empty));
                    }
                },
                requestIds);
            capture._lines.Enqueue(new LogLine(
                category, logLevel, formatter(state, exception), values.ToDictionary(pair => pair.Key, pair => pair.Value), exception, requestIds));
        }
    }
}
