using CustomerService.Application.Events;
using CustomerService.Domain.Events;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CustomerService.Api.OpenApi;

/// <summary>
/// The document's <c>webhooks</c> (OpenAPI 3.1): for each event type, the request a registered
/// endpoint receives (docs/contract.md, section 9): the event as the feed shows it, with the
/// Standard Webhooks headers, acknowledged by any 2xx within 10 s.
/// </summary>
internal sealed class WebhookPayloadsTransformer : IOpenApiDocumentTransformer
{
    private static readonly (string Name, string Description)[] Headers =
    [
        ("webhook-id", "The event's id: the same on every retry, so a receiver deduplicates on it."),
        ("webhook-timestamp", "When this attempt was made, in Unix seconds; signed, so a receiver can refuse stale replays."),
        ("webhook-signature", "`v1,` + base64 HMAC-SHA256 of `{webhook-id}.{webhook-timestamp}.{body}`, keyed with the base64-decoded endpoint secret after `whsec_`; several, space-separated, for 24 h after a secret rotation."),
    ];

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.Webhooks ??= new Dictionary<string, IOpenApiPathItem>();
        foreach (var type in EventTypes.All)
        {
            document.Webhooks[type] = new OpenApiPathItem
            {
                Operations = new Dictionary<HttpMethod, OpenApiOperation>
                {
                    [HttpMethod.Post] = new()
                    {
                        OperationId = $"on{string.Concat(type.Split('.', '_').Select(part => char.ToUpperInvariant(part[0]) + part[1..]))}",
                        Summary = type,
                        Description = $"Sent to every enabled endpoint that takes `{type}`, at least once, in order per customer.",
                        Tags = new HashSet<OpenApiTagReference> { new("Events", document) },
                        Parameters = [.. Headers.Select(header => (IOpenApiParameter)new OpenApiParameter
                        {
                            Name = header.Name,
                            In = ParameterLocation.Header,
                            Required = true,
                            Description = header.Description,
                            Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                        })],
                        RequestBody = new OpenApiRequestBody
                        {
                            Required = true,
                            Content = new Dictionary<string, OpenApiMediaType>
                            {
                                ["application/json"] = new() { Schema = new OpenApiSchemaReference(nameof(EventDto), document) },
                            },
                        },
                        Responses = new OpenApiResponses
                        {
                            ["2XX"] = new OpenApiResponse { Description = "Acknowledged: the event is not sent again." },
                            ["default"] = new OpenApiResponse { Description = "Anything else, a timeout or a redirect is a failure, retried after the delays of `Webhooks:RetryDelays`." },
                        },
                    },
                },
            };
        }

        return Task.CompletedTask;
    }
}
