using CustomerService.Application.Common.Idempotency;
using Microsoft.AspNetCore.Mvc;

namespace CustomerService.Api.Idempotency;

/// <summary>A stored answer, sent again as it was, marked <c>Idempotent-Replayed: true</c>.</summary>
internal sealed class ReplayedResult(StoredResponse stored) : IActionResult
{
    public Task ExecuteResultAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = context.HttpContext.Response;
        response.StatusCode = stored.StatusCode;
        response.ContentType = stored.ContentType;
        if (stored.Location is not null)
        {
            response.Headers.Location = stored.Location;
        }

        if (stored.ETag is not null)
        {
            response.Headers.ETag = stored.ETag;
        }

        response.Headers[IdempotencyFilter.ReplayedHeader] = "true";
        response.ContentLength = stored.Body.Length;
        return response.Body.WriteAsync(stored.Body, context.HttpContext.RequestAborted).AsTask();
    }
}
