using CustomerService.Api.Http;
using CustomerService.Api.Idempotency;
using CustomerService.Api.Security;
using CustomerService.Application.Common.Errors;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.RateLimiting;

namespace CustomerService.Api.OpenApi;

/// <summary>
/// Declares, on every action, the error answers any operation can give (so the OpenAPI document lists
/// them with the error body); the errors particular to one operation are declared on the action itself.
/// </summary>
internal sealed class ErrorResponsesConvention : IActionModelConvention
{
    /// <summary>The error answers any operation can give.</summary>
    internal static readonly ProducesErrorAttribute[] EveryOperation =
    [
        new(ContractErrors.ValidationError, ContractErrors.InvalidJson, ContractErrors.UnsupportedApiVersion),
        new(ContractErrors.Unauthorized),
        new(ContractErrors.Forbidden),
        new(ContractErrors.RateLimited),
        new(ContractErrors.InternalError),
        new(ContractErrors.ServiceUnavailable),
    ];

    private static readonly ProducesErrorAttribute[] OperationsWithBody =
    [
        new(ContractErrors.PayloadTooLarge) { Meaning = $"the body is over {RequestBodyLimitMiddleware.MaxBodyBytes / 1024} KiB" },
        new(ContractErrors.UnsupportedMediaType),
    ];

    private static readonly ProducesErrorAttribute TooManyFullLists = new(ContractErrors.RateLimited)
    {
        Meaning = "over the participant's request rate, or (a request refused before a participant is known) over the client address's rate, " +
            "or (without `limit`) the participant already runs as many unlimited lists as it may at once; retry after `Retry-After` seconds",
    };

    private static readonly ProducesErrorAttribute IdempotencyKeyReused = new(ContractErrors.IdempotencyKeyReused);

    public void Apply(ActionModel action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var takesBody = action.Attributes.OfType<ConsumesAttribute>().Any();
        var limitsFullLists = action.Attributes.OfType<EnableRateLimitingAttribute>()
            .Any(attribute => attribute.PolicyName == FullListConcurrencyPolicy.Name);
        foreach (var error in takesBody ? EveryOperation.Concat(OperationsWithBody) : EveryOperation)
        {
            action.Filters.Add(error.StatusCode == StatusCodes.Status429TooManyRequests && limitsFullLists ? TooManyFullLists : error);
        }

        if (action.Attributes.OfType<IdempotentAttribute>().Any())
        {
            action.Filters.Add(IdempotencyKeyReused);
        }
    }
}
