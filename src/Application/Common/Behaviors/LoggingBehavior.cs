using System.Diagnostics;
using CustomerService.Application.Common.Errors;
using CustomerService.Application.Common.Streaming;
using MediatR;
using Microsoft.Extensions.Logging;

namespace CustomerService.Application.Common.Behaviors;

/// <summary>
/// Logs each request's name, outcome and duration; never its content. An error the client is told
/// about (a 4xx such as 400, 404, 409 or 412) is an expected outcome, logged at Debug; any other
/// failure at Information, before the exception handler logs it in full. A streamed response
/// (<see cref="IStreamedResponse"/>) is handled when its last item has been read, and a failure
/// while reading it is logged here like any other, before the response is aborted.
/// </summary>
public sealed partial class LoggingBehavior<TRequest, TResponse>(ILogger<LoggingBehavior<TRequest, TResponse>> logger)
    : IPipelineBehavior<TRequest, TResponse>
{
    private static readonly string RequestName = typeof(TRequest).Name;

    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        ArgumentNullException.ThrowIfNull(next);
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await next();
            if (response is IStreamedResponse streamed)
            {
                return (TResponse)streamed.Observe(new StreamOutcome(this, started));
            }

            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            LogHandled(RequestName, elapsed);
            return response;
        }
        catch (ApplicationErrorException error)
        {
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            LogAnswered(RequestName, error.Code, elapsed);
            throw;
        }
        catch (Exception exception)
        {
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            var failureType = exception.GetType().Name;
            LogFailed(RequestName, failureType, elapsed);
            throw;
        }
    }

    /// <summary>Logs how a streamed response's reading ended, timed from the request's start.</summary>
    private sealed class StreamOutcome(LoggingBehavior<TRequest, TResponse> behavior, long started) : IStreamObserver
    {
        public void Completed()
        {
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            behavior.LogHandled(RequestName, elapsed);
        }

        public void Failed(Exception exception)
        {
            ArgumentNullException.ThrowIfNull(exception);
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            var failureType = exception.GetType().Name;
            behavior.LogFailed(RequestName, failureType, elapsed);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Handled {RequestName} in {ElapsedMilliseconds:0.0} ms")]
    private partial void LogHandled(string requestName, double elapsedMilliseconds);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Handled {RequestName} with the client error {ErrorCode} in {ElapsedMilliseconds:0.0} ms")]
    private partial void LogAnswered(string requestName, string errorCode, double elapsedMilliseconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "{RequestName} failed with {FailureType} after {ElapsedMilliseconds:0.0} ms")]
    private partial void LogFailed(string requestName, string failureType, double elapsedMilliseconds);
}
