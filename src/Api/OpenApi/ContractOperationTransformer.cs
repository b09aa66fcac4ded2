using System.Globalization;
using CustomerService.Api.Contracts;
using CustomerService.Api.Idempotency;
using CustomerService.Api.Security;
using CustomerService.Application.Common.Errors;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Net.Http.Headers;
using Microsoft.OpenApi;

namespace CustomerService.Api.OpenApi;

/// <summary>
/// Per operation: a short summary (its <c>operationId</c>, the SDK's method name, declared as the
/// action's route name) with the action's own summary moved to the description, the bearer
/// requirement with the scope its policy demands, the request id header, the schemas its parameters
/// declare, the response headers the contract promises (<c>Location</c>, <c>ETag</c>, <c>Link</c>,
/// <c>Retry-After</c>), and each error answer described from the registry of the contract's errors.
/// </summary>
internal sealed class ContractOperationTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(context);
        if (context.Description.ActionDescriptor is not ControllerActionDescriptor action)
        {
            return Task.CompletedTask;
        }

        // The action's XML summary is a sentence: it belongs in the description, the sidebar shows the method name.
        var description = new List<string?> { operation.Summary, operation.Description };
        operation.Summary = operation.OperationId;
        var scope = action.EndpointMetadata.OfType<AuthorizeAttribute>().Select(authorize => authorize.Policy).LastOrDefault(policy => policy is not null && Scopes.All.Contains(policy));
        if (scope is not null)
        {
            operation.Security =
            [
                new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ContractDocumentTransformer.BearerScheme, context.Document)] = [scope] },
            ];
            description.Add($"Requires scope `{scope}`.");
        }

        operation.Description = string.Join(' ', description.Where(text => !string.IsNullOrWhiteSpace(text)));

        operation.Parameters ??= [];
        foreach (var parameter in operation.Parameters.OfType<OpenApiParameter>())
        {
            DescribeSchema(parameter, context.Description.ParameterDescriptions.SingleOrDefault(declared => declared.Name == parameter.Name), context.Document);
        }

        operation.Parameters.Add(RequestIdParameter());

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
                    $"again gets that answer with `Idempotent-Replayed: true` and creates nothing. 1–{IdempotencyFilter.MaxKeyLength} printable ASCII characters.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = IdempotencyFilter.MaxKeyLength },
            });
        }

        var declaredHeaders = action.EndpointMetadata.OfType<ResponseHeaderAttribute>().ToList();
        var declaredErrors = action.FilterDescriptors.Select(descriptor => descriptor.Filter).OfType<ProducesErrorAttribute>().ToList();
        foreach (var (status, response) in operation.Responses ?? [])
        {
            if (response is not OpenApiResponse concrete)
            {
                continue;
            }

            var statusCode = int.Parse(status, CultureInfo.InvariantCulture);
            DescribeResponse(concrete, statusCode, [.. declaredErrors.Where(error => error.StatusCode == statusCode).SelectMany(error => error.Meanings())]);
            foreach (var declared in declaredHeaders.Where(header => header.StatusCode == statusCode))
            {
                concrete.Headers![declared.Name] = Header(ResponseHeaders.DescriptionOf(declared.Name));
            }

            if (idempotent && statusCode == StatusCodes.Status201Created)
            {
                concrete.Headers![IdempotencyFilter.ReplayedHeader] = Header("`true` when this is the stored answer to an earlier request with the same `Idempotency-Key`.");
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>The request id header every operation takes.</summary>
    internal static OpenApiParameter RequestIdParameter() => new()
    {
        Name = "X-Request-Id",
        In = ParameterLocation.Header,
        Required = false,
        Description = "Your id for this request (1–128 of `A-Za-z0-9._-`); echoed back, else one is generated.",
        Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 128, Pattern = "^[A-Za-z0-9._-]{1,128}$" },
    };

    /// <summary>
    /// What every answer with <paramref name="status"/> has: the request id and the headers of that
    /// status, and, for an error, its description (each error with its meaning) and the body the
    /// service sends for each error as an example.
    /// </summary>
    internal static void DescribeResponse(OpenApiResponse response, int status, IReadOnlyList<(ContractError Error, string Meaning)> errors)
    {
        response.Headers ??= new Dictionary<string, IOpenApiHeader>();
        response.Headers["X-Request-Id"] = Header("The request id: yours when you sent a sane one, else a generated one.");
        foreach (var (name, description) in HeadersOf(status))
        {
            response.Headers[name] = Header(description);
        }

        if (errors.Count == 0)
        {
            return;
        }

        response.Description = ErrorExamples.Description(errors);
        var examples = ErrorExamples.For(errors.Select(error => error.Error));
        if (response.Content?.TryGetValue("application/json", out var media) == true)
        {
            // One error: its body is the example. Several (the 409s): a named example for each.
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

    /// <summary>The headers every answer with this status carries.</summary>
    private static IEnumerable<(string Name, string Description)> HeadersOf(int status)
    {
        switch (status)
        {
            case StatusCodes.Status201Created:
                yield return (HeaderNames.Location, "The path of the created resource.");
                break;
            case StatusCodes.Status401Unauthorized:
                yield return (HeaderNames.WWWAuthenticate, "`Bearer`; outside Development it does not say which check the token failed (the service logs that with the request id).");
                break;
            case StatusCodes.Status429TooManyRequests or StatusCodes.Status503ServiceUnavailable:
                yield return (HeaderNames.RetryAfter, "Seconds to wait before retrying.");
                break;
        }
    }

    /// <summary>
    /// The schema a parameter's declaration asks for beyond its type: the enum whose one schema its
    /// values are (<see cref="EnumValuesAttribute"/>), the bounds of a number (<see cref="ValueRangeAttribute"/>).
    /// Its description is the framework's, from the parameter's <see cref="System.ComponentModel.DescriptionAttribute"/>.
    /// </summary>
    private static void DescribeSchema(OpenApiParameter parameter, ApiParameterDescription? declared, OpenApiDocument? document)
    {
        var attributes = (declared?.ParameterDescriptor as ControllerParameterDescriptor)?.ParameterInfo.GetCustomAttributes(inherit: false) ?? [];
        foreach (var attribute in attributes)
        {
            switch (attribute)
            {
                case EnumValuesAttribute values:
                    parameter.Schema = new OpenApiSchemaReference(values.EnumType.Name, document);
                    break;
                case ValueRangeAttribute range:
                    // A whole number, and only that: the framework's schema of a query number also allows its digits as a string.
                    parameter.Schema = new OpenApiSchema
                    {
                        Type = JsonSchemaType.Integer,
                        Format = "int32",
                        Minimum = range.Minimum.ToString(CultureInfo.InvariantCulture),
                        Maximum = range.Maximum.ToString(CultureInfo.InvariantCulture),
                    };
                    break;
            }
        }
    }

    internal static OpenApiHeader Header(string description) =>
        new() { Description = description, Schema = new OpenApiSchema { Type = JsonSchemaType.String } };
}
