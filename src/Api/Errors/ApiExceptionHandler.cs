using CustomerService.Application.Common.Errors;
using CustomerService.Infrastructure.Persistence;
using Microsoft.AspNetCore.Diagnostics;

namespace CustomerService.Api.Errors;

/// <summary>
/// Turns every exception that reaches the pipeline into the contract's error body: the typed
/// application errors into their status, anything else into a 500 that is logged but never shown.
/// </summary>
internal sealed partial class ApiExceptionHandler(ILogger<ApiExceptionHandler> logger, DatabaseLoginRefusals loginRefusals) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        switch (exception)
        {
            case ApplicationErrorException error:
                await ErrorResponseWriter.WriteAsync(httpContext, error.Error.Status, ApiErrors.For(error));
                return true;

            case OperationCanceledException when httpContext.RequestAborted.IsCancellationRequested:
                // The client went away; there is nobody to answer.
                return true;

            case var refused when DatabaseFailures.IsLoginRefused(refused):
                // A configuration error, not an outage: no Retry-After, said once at Critical.
                loginRefusals.Report(exception);
                await ErrorResponseWriter.WriteAsync(
                    httpContext,
                    StatusCodes.Status500InternalServerError,
                    ApiErrors.ForStatus(StatusCodes.Status500InternalServerError));
                return true;

            case ConcurrencyConflictException:
                // Writers kept racing past every retry: nothing was written; the client may simply retry.
            case var unavailable when DatabaseFailures.IsUnavailable(unavailable):
                LogDatabaseUnavailable(exception, httpContext.Request.Method, httpContext.Request.Path, httpContext.TraceIdentifier);
                await ErrorResponseWriter.WriteUnavailableAsync(
                    httpContext,
                    ApiErrors.ForStatus(StatusCodes.Status503ServiceUnavailable));
                return true;

            case BadHttpRequestException badRequest:
                await ErrorResponseWriter.WriteAsync(httpContext, badRequest.StatusCode, ApiErrors.ForStatus(badRequest.StatusCode));
                return true;

            default:
                LogUnhandled(exception, httpContext.Request.Method, httpContext.Request.Path, httpContext.TraceIdentifier);
                await ErrorResponseWriter.WriteAsync(
                    httpContext,
                    StatusCodes.Status500InternalServerError,
                    ApiErrors.ForStatus(StatusCodes.Status500InternalServerError));
                return true;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Database unavailable for {Method} {Path} (trace {TraceIdentifier})")]
    private partial void LogDatabaseUnavailable(Exception exception, string method, PathString path, string traceIdentifier);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception for {Method} {Path} (trace {TraceIdentifier})")]
    private partial void LogUnhandled(Exception exception, string method, PathString path, string traceIdentifier);
}
