using System.Text.Json.Nodes;
using CustomerService.Domain.Events;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CustomerService.Api.OpenApi;

/// <summary>
/// The event types are strings in code but an enum in the contract (docs/contract.md, section 9):
/// one component schema, <c>WebhookEventType</c>, that every <c>eventTypes</c> list refers to, so
/// that generated clients have one type for them.
/// </summary>
internal sealed class WebhookEventTypesTransformer : IOpenApiDocumentTransformer
{
    public const string SchemaName = "WebhookEventType";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (document.Components?.Schemas is not { } schemas)
        {
            return Task.CompletedTask;
        }

        var lists = schemas.Values
            .OfType<OpenApiSchema>()
            .Select(schema => schema.Properties is { } properties && properties.TryGetValue("eventTypes", out var list) ? list : null)
            .OfType<OpenApiSchema>()
            .ToList();
        if (lists.Count == 0)
        {
            return Task.CompletedTask;
        }

        schemas[SchemaName] = new OpenApiSchema
        {
            Type = JsonSchemaType.String,
            Description = "A type of event a webhook endpoint can receive.",
            Enum = [.. EventTypes.All.Select(type => (JsonNode)JsonValue.Create(type))],
        };
        foreach (var list in lists)
        {
            list.Items = new OpenApiSchemaReference(SchemaName, document);
        }

        return Task.CompletedTask;
    }
}
