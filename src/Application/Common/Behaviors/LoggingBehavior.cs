using System.Diagnostics;
using CustomerService.Application.Common.Errors;
using MediatR;
using Microsoft.Extensions.Logging;

namespace CustomerService.Application.Common.Behaviors;

/// <summary>
/// Logs each request's name, outcome and duration; never its content. An error the client is told
/// about (a 4xx such as 400, 404, 409 or 412) is an expected outcome, logged at Debug; any other
/// failure at Information, before the exception handler logs it in full.
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

    [LoggerMessage(Level = LogLevel.Debug, Message = "Handled {RequestName} in {ElapsedMilliseconds:0.0} ms")]
    private partial void LogHandled(string requestName, double elapsedMilliseconds);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Handled {RequestName} with the client error {ErrorCode} in {ElapsedMilliseconds:0.0} ms")]
    private partial void LogAnswered(string requestName, string errorCode, double elapsedMilliseconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "{RequestName} failed with {FailureType} after {ElapsedMilliseconds:0.0} ms")]
    private partial void LogFailed(string requestName, string failureType, double elapsedMilliseconds);
}
