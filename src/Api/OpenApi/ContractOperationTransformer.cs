using CustomerService.Api.Idempotency;
using CustomerService.Api.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CustomerService.Api.OpenApi;

/// <summary>
/// Per operation: the bearer requirement with the scope its policy demands, the request id header,
/// and the response headers the contract promises (<c>Location</c>, <c>ETag</c>, <c>Link</c>, <c>Retry-After</c>).
/// </summary>
internal sealed class ContractOperationTransformer : IOpenApiOperationTransformer
{
    private const string EtagDescription = "The customer's version; send it back in `If-Match` to update only that version.";

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(context);
        if (context.Description.ActionDescriptor is not ControllerActionDescriptor action)
        {
            return Task.CompletedTask;
        }

        var scope = action.EndpointMetadata.OfType<AuthorizeAttribute>().Select(authorize => authorize.Policy).LastOrDefault(policy => policy is Scopes.Read or Scopes.Write);
        if (scope is not null)
        {
            operation.Security =
            [
                new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ContractDocumentTransformer.BearerScheme, context.Document)] = [scope] },
            ];
            operation.Description = $"Requires scope `{scope}`.";
        }

        operation.Parameters ??= [];
        foreach (var parameter in operation.Parameters.OfType<OpenApiParameter>())
        {
            Describe(parameter);
        }

        operation.Parameters.Add(new OpenApiParameter
        {
            Name = "X-Request-Id",
            In = ParameterLocation.Header,
            Required = false,
            Description = "Your id for this request (1–128 of `A-Za-z0-9._-`); echoed back, else one is generated.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 128, Pattern = "^[A-Za-z0-9._-]{1,128}$" },
        });

        var idempotent = action.EndpointMetadata.OfType<IdempotentAttribute>().Any();
        if (idempotent)
        {
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = IdempotencyFilter.HeaderName,
                In = ParameterLocation.Header,
                Required = false,
                Description =
                    "Makes a retry safe: the first request with a key executes and its answer is kept for 24 h; the same request " +
                    "again gets that answer with `Idempotent-Replayed: true` and creates nothing. 1–255 printable ASCII characters.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = IdempotencyFilter.MaxKeyLength },
            });
        }

        foreach (var (status, response) in operation.Responses ?? [])
        {
            if (response is not OpenApiResponse concrete)
            {
                continue;
            }

            concrete.Headers ??= new Dictionary<string, IOpenApiHeader>();
            concrete.Headers["X-Request-Id"] = Header("The request id: yours when you sent a sane one, else a generated one.");
            foreach (var (name, description) in HeadersOf(action.ActionName, action.ControllerName, status))
            {
                concrete.Headers[name] = Header(description);
            }

            if (idempotent && status == "201")
            {
                concrete.Headers[IdempotencyFilter.ReplayedHeader] = Header("`true` when this is the stored answer to an earlier request with the same `Idempotency-Key`.");
            }

            var examples = ErrorExamples.For(status, concrete.Description);
            if (examples.Count > 0 && concrete.Content?.TryGetValue("application/json", out var media) == true)
            {
                // One code: its body is the example. Several (the 409s): a named example for each.
                if (examples.Count == 1)
                {
                    media.Example = examples[0].Body;
                }
                else
                {
                    media.Examples = examples.ToDictionary(example => example.Code, example => (IOpenApiExample)new OpenApiExample { Value = example.Body });
                }
            }
        }

        return Task.CompletedTask;
    }

    private static IEnumerable<(string Name, string Description)> HeadersOf(string actionName, string controllerName, string status)
    {
        var customers = controllerName == "Customers";
        switch (status)
        {
            case "201":
                yield return ("Location", "The path of the created resource.");
                if (customers)
                {
                    yield return ("ETag", EtagDescription);
                }

                break;
            case "200" when customers && actionName is "Get" or "UpdateStatus":
                yield return ("ETag", EtagDescription);
                break;
            case "200" when customers && actionName == "List":
                yield return ("Link", "With `limit`, while more remain: `<…?limit=N&after=CURSOR>; rel=\"next\"`.");
                break;
            case "401":
                yield return ("WWW-Authenticate", "`Bearer`; outside Development it does not say which check the token failed (the service logs that with the request id).");
                break;
            case "429" or "503":
                yield return ("Retry-After", "Seconds to wait before retrying.");
                break;
        }
    }

    private static void Describe(OpenApiParameter parameter)
    {
        switch (parameter.Name)
        {
            case "id":
                parameter.Description = "The customer's id (a UUID).";
                break;
            case "accountId":
                parameter.Description = "The account's id (a UUID).";
                break;
            case "status":
                parameter.Description = "Only customers with this status.";
                parameter.Schema = new OpenApiSchema
                {
                    Type = JsonSchemaType.String,
                    Enum = ContractSchemaTransformer.LowercaseNames<Domain.Customers.CustomerStatus>(),
                };
                break;
            case "externalId":
                parameter.Description = "Only the customer with exactly this externalId.";
                break;
            case "limit":
                parameter.Description = "At most this many customers (1–1000); a `Link` header leads to the next page while more remain. Without it, every customer.";
                parameter.Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Minimum = "1", Maximum = "1000" };
                break;
            case "after":
                parameter.Description = "The opaque cursor from the previous page's `Link` header.";
                break;
            case "If-Match":
                parameter.Description = "The `ETag` you last read: the change is made only if the customer is still at that version (else 412). Without it, the last write wins.";
                break;
        }
    }

    private static OpenApiHeader Header(string description) =>
        new() { Description = description, Schema = new OpenApiSchema { Type = JsonSchemaType.String } };
}
