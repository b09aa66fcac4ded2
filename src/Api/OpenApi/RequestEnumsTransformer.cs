using CustomerService.Api.Contracts;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace CustomerService.Api.OpenApi;

/// <summary>
/// Refers each request body field declared with <see cref="EnumValuesAttribute"/> to its enum's one
/// schema, the one the answers use, so that generated clients have one type per enum rather than
/// one per place it appears.
/// </summary>
internal sealed class RequestEnumsTransformer(IOptions<JsonOptions> json) : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(context);
        var bodies = context.DescriptionGroups
            .SelectMany(group => group.Items)
            .SelectMany(description => description.ParameterDescriptions)
            .Where(parameter => parameter.Source == BindingSource.Body)
            .Select(parameter => parameter.Type)
            .Distinct();
        foreach (var body in bodies)
        {
            if (document.Components?.Schemas is not { } schemas
                || !schemas.TryGetValue(body.Name, out var schema)
                || schema is not OpenApiSchema { Properties: { } properties })
            {
                continue;
            }

            foreach (var property in json.Value.SerializerOptions.GetTypeInfo(body).Properties)
            {
                var values = property.AttributeProvider?.GetCustomAttributes(typeof(EnumValuesAttribute), inherit: false).OfType<EnumValuesAttribute>().SingleOrDefault();
                if (values is not null && properties.TryGetValue(property.Name, out var inline))
                {
                    properties[property.Name] = new OpenApiSchemaReference(values.EnumType.Name, document) { Description = inline.Description };
                }
            }
        }

        return Task.CompletedTask;
    }
}
