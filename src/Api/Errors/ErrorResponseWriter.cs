using CustomerService.Api.Security;
using CustomerService.Application.Common.Errors;

namespace CustomerService.Api.Errors;

/// <summary>The one place that writes the contract's error body.</summary>
internal static class ErrorResponseWriter
{
    /// <summary>The 401 message in Development, where a newcomer needs to know how to get a token.</summary>
    public const string DevelopmentUnauthorizedMessage =
        "A valid bearer token is required. In Development, mint one with: " + DevelopmentUserSecrets.MintCommand;

    /// <summary>The 405 message for a DELETE: no resource of this API can be deleted.</summary>
    private const string DeletionNotPermittedMessage = "Deletion is not permitted for this resource.";

    public static Task WriteAsync(HttpContext context, int status, ApiError error)
    {
        var response = context.Response;
        response.StatusCode = status;
        response.Headers.CacheControl = "no-store";
        return response.WriteAsJsonAsync(
            new ErrorEnvelope(error),
            ErrorJsonContext.Default.ErrorEnvelope,
            contentType: "application/json; charset=utf-8",
            context.RequestAborted);
    }

    /// <summary>503 SERVICE_UNAVAILABLE with the Retry-After every unavailable answer carries.</summary>
    public static Task WriteUnavailableAsync(HttpContext context, ApiError error)
    {
        context.Response.Headers.RetryAfter = "5";
        return WriteAsync(context, StatusCodes.Status503ServiceUnavailable, error);
    }

    /// <summary>The 405 body for a request with <paramref name="method"/> on a path that does not serve it.</summary>
    public static ApiError MethodNotAllowed(string method)
    {
        var error = ApiErrors.ForStatus(StatusCodes.Status405MethodNotAllowed);
        return HttpMethods.IsDelete(method) ? error with { Message = DeletionNotPermittedMessage } : error;
    }

    /// <summary>Writes the body that belongs to a bare status, unless a body was already written.</summary>
    public static Task WriteForStatusAsync(HttpContext context)
    {
        var response = context.Response;
        if (response.HasStarted || response.ContentLength > 0 || !string.IsNullOrEmpty(response.ContentType))
        {
            return Task.CompletedTask;
        }

        if (response.StatusCode == StatusCodes.Status404NotFound
            && UnsupportedApiVersionPaths.IsUnsupportedVersion(context.Request.Path))
        {
            return WriteAsync(context, StatusCodes.Status400BadRequest, ApiErrors.Of(ContractErrors.UnsupportedApiVersion));
        }

        var error = ApiErrors.ForStatus(response.StatusCode);
        if (response.StatusCode == StatusCodes.Status401Unauthorized
            && context.RequestServices.GetRequiredService<IHostEnvironment>().IsDevelopment())
        {
            error = error with { Message = DevelopmentUnauthorizedMessage };
        }

        if (response.StatusCode == StatusCodes.Status405MethodNotAllowed)
        {
            error = MethodNotAllowed(context.Request.Method);
        }

        return WriteAsync(context, response.StatusCode, error);
    }
}
