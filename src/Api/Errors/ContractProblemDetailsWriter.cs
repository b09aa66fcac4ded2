using CustomerService.Application.Common.Errors;

namespace CustomerService.Api.Errors;

/// <summary>
/// Framework components that answer with RFC 7807 problem details (API versioning among them) are
/// given the contract's error body instead.
/// </summary>
internal sealed class ContractProblemDetailsWriter : IProblemDetailsWriter
{
    /// <summary>Error codes API versioning puts in its problem details.</summary>
    private static readonly HashSet<string> VersioningProblems =
        new(["UnsupportedApiVersion", "InvalidApiVersion", "ApiVersionUnspecified", "AmbiguousApiVersion"], StringComparer.Ordinal);

    public bool CanWrite(ProblemDetailsContext context) => true;

    public ValueTask WriteAsync(ProblemDetailsContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var isVersioningProblem = context.ProblemDetails.Extensions.TryGetValue("code", out var code)
            && code is string versioningCode
            && VersioningProblems.Contains(versioningCode);

        var status = context.ProblemDetails.Status ?? context.HttpContext.Response.StatusCode;
        var error = isVersioningProblem && status == StatusCodes.Status400BadRequest
            ? ApiErrors.Of(ContractErrors.UnsupportedApiVersion)
            : ApiErrors.ForStatus(status);

        return new ValueTask(ErrorResponseWriter.WriteAsync(context.HttpContext, status, error));
    }
}
