using System.Globalization;
using CustomerService.Api.Errors;
using CustomerService.Application.Common.Errors;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Net.Http.Headers;
using Microsoft.OpenApi;

namespace CustomerService.Api.OpenApi;

/// <summary>
/// Adds an operation for each method an action declares its path refuses (<see cref="RefusedMethodAttribute"/>):
/// its 405 with the error body and <c>Allow</c>, and the errors that can come before routing refuses it.
/// </summary>
internal sealed class RefusedMethodsTransformer : IOpenApiDocumentTransformer
{
    /// <summary>
    /// Routing refuses the method before any action runs, so only authentication (any valid token will
    /// do: no scope is needed), the rate limits and an unexpected failure can answer first.
    /// </summary>
    private static readonly int[] AnswersBeforeRouting =
    [
        StatusCodes.Status401Unauthorized,
        StatusCodes.Status429TooManyRequests,
        StatusCodes.Status500InternalServerError,
    ];

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(context);
        foreach (var description in context.DescriptionGroups.SelectMany(group => group.Items))
        {
            foreach (var refused in description.ActionDescriptor.EndpointMetadata.OfType<RefusedMethodAttribute>())
            {
                var key = "/" + description.RelativePath;
                if (document.Paths?.GetValueOrDefault(key) is not OpenApiPathItem { Operations: { Count: > 0 } served } path)
                {
                    throw new InvalidOperationException($"{refused.Method} {key} is declared refused, but the document has no operation on that path.");
                }

                var allow = string.Join(", ", served.Keys.Select(method => method.Method));
                path.AddOperation(new HttpMethod(refused.Method), Operation(document, served.Values.First(), refused, allow));
            }
        }

        return Task.CompletedTask;
    }

    private static OpenApiOperation Operation(OpenApiDocument document, OpenApiOperation sibling, RefusedMethodAttribute refused, string allow)
    {
        var pathParameters = sibling.Parameters?.Where(parameter => parameter.In == ParameterLocation.Path).ToList() ?? [];
        var whatever = string.Join(" or ", pathParameters.Select(parameter => $"`{parameter.Name}`"));
        var notAllowed = ErrorResponse(document, StatusCodes.Status405MethodNotAllowed, []);
        notAllowed.Description = $"`{ContractErrors.MethodNotAllowed.Code}`, always.";
        notAllowed.Headers![HeaderNames.Allow] = ContractOperationTransformer.Header($"The methods this path serves: `{allow}`.");
        notAllowed.Content!["application/json"].Example = ErrorExamples.Body(ErrorResponseWriter.MethodNotAllowed(refused.Method));

        var responses = new OpenApiResponses { ["405"] = notAllowed };
        foreach (var error in ErrorResponsesConvention.EveryOperation.Where(error => AnswersBeforeRouting.Contains(error.StatusCode)))
        {
            responses[error.StatusCode.ToString(CultureInfo.InvariantCulture)] = ErrorResponse(document, error.StatusCode, [.. error.Meanings()]);
        }

        return new OpenApiOperation
        {
            OperationId = refused.OperationId,
            Summary = refused.OperationId,
            Description = string.Join(
                ' ',
                new[] { refused.Description, $"Always answers 405 `{ContractErrors.MethodNotAllowed.Code}` with `Allow: {allow}`, whatever the {whatever}.", "Requires a valid token, with any scope." }
                    .Where(text => !string.IsNullOrWhiteSpace(text))),
            Tags = sibling.Tags is null ? null : new HashSet<OpenApiTagReference>(sibling.Tags),
            Parameters = [.. pathParameters, ContractOperationTransformer.RequestIdParameter()],
            Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ContractDocumentTransformer.BearerScheme, document)] = [] }],
            Responses = responses,
        };
    }

    /// <summary>An error answer with the error body, described by the errors it carries.</summary>
    private static OpenApiResponse ErrorResponse(OpenApiDocument document, int status, IReadOnlyList<(ContractError Error, string Meaning)> errors)
    {
        var response = new OpenApiResponse
        {
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/json"] = new() { Schema = new OpenApiSchemaReference(nameof(ErrorEnvelope), document) },
            },
        };
        ContractOperationTransformer.DescribeResponse(response, status, errors);
        return response;
    }
}
