using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using CustomerService.Api.Contracts;
using CustomerService.Api.Errors;
using CustomerService.Application.Common.Errors;
using CustomerService.Application.Customers;
using CustomerService.Application.Webhooks;
using CustomerService.Domain.Customers;
using CustomerService.Domain.Webhooks;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CustomerService.Api.OpenApi;

/// <summary>
/// The contract's details the type system cannot say: which fields are always there (required), the
/// lengths of the string fields that requests carry, the timestamp format, and the examples of the
/// spec pages. (Request fields that take an enum's values are referred to its schema by
/// <see cref="RequestEnumsTransformer"/>.)
/// </summary>
internal sealed class ContractSchemaTransformer : IOpenApiSchemaTransformer
{
    private const string TimestampDescription = "UTC, ISO 8601 with exactly three fractional digits: `2025-11-18T12:34:56.789Z`.";

    private static readonly HashSet<Type> RequestTypes =
    [
        typeof(CreateCustomerRequest), typeof(UpdateCustomerRequest), typeof(AddAccountRequest),
        typeof(CreateWebhookEndpointRequest), typeof(UpdateWebhookEndpointRequest),
    ];

    private static readonly Dictionary<Type, string> Examples = new()
    {
        [typeof(CreateCustomerRequest)] = """{"externalId":"customer-external-id-123","status":"active"}""",
        [typeof(UpdateCustomerRequest)] = """{"status":"suspended"}""",
        [typeof(AddAccountRequest)] = """{"network":"ethereum","address":"0x742d35Cc6634C0532925a3b844Bc454e4438f44e","label":"treasury"}""",
        [typeof(CustomerDto)] = """
            {"id":"0193a6f4-8a1e-7c3b-9d2e-5f6a7b8c9d0e","externalId":"customer-external-id-123","status":"active",
             "participantId":"participant-123","accounts":[],"createdAt":"2025-11-18T12:34:56.789Z","updatedAt":"2025-11-18T12:34:56.789Z"}
            """,
        [typeof(AccountDto)] = """
            {"id":"0193a6f5-0c11-7a22-8b33-4c44d55e66f7","network":"ethereum","address":"0x742d35Cc6634C0532925a3b844Bc454e4438f44e",
             "label":"treasury","createdAt":"2025-11-18T12:40:00.000Z"}
            """,
        [typeof(CreateWebhookEndpointRequest)] = """
            {"url":"https://hooks.example.com/customer-service","eventTypes":["customer.status_changed"],"description":"compliance back office"}
            """,
        [typeof(UpdateWebhookEndpointRequest)] = """{"enabled":true}""",
        [typeof(CreatedWebhookEndpointDto)] = """
            {"id":"0193a6f7-2e33-7c44-9d55-6e66f7788990","url":"https://hooks.example.com/customer-service",
             "eventTypes":["customer.status_changed"],"description":"compliance back office","enabled":true,
             "secret":"whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSwMfKQ9r8GKYo=","createdAt":"2025-11-18T12:50:00.000Z","updatedAt":"2025-11-18T12:50:00.000Z"}
            """,
        [typeof(WebhookEndpointDto)] = """
            {"id":"0193a6f7-2e33-7c44-9d55-6e66f7788990","url":"https://hooks.example.com/customer-service",
             "eventTypes":["customer.status_changed"],"description":"compliance back office","enabled":true,
             "createdAt":"2025-11-18T12:50:00.000Z","updatedAt":"2025-11-18T12:50:00.000Z"}
            """,
        [typeof(WebhookSecretDto)] = """{"secret":"whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSwMfKQ9r8GKYo="}""",
    };

    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(context);
        if (Examples.TryGetValue(context.JsonTypeInfo.Type, out var example))
        {
            schema.Examples = [JsonNode.Parse(example)!];
        }
        else if (context.JsonTypeInfo.Type == typeof(ErrorEnvelope))
        {
            schema.Examples = [ErrorExamples.Body(ApiErrors.ExampleOf(ContractErrors.ValidationError))];
        }

        var type = context.JsonTypeInfo.Type;
        if (type.IsEnum)
        {
            schema.Type = JsonSchemaType.String;
        }

        if (context.JsonTypeInfo.Kind == JsonTypeInfoKind.Object)
        {
            schema.Required = RequiredProperties(context.JsonTypeInfo);
        }

        var declaringType = context.JsonPropertyInfo?.DeclaringType;
        if (declaringType is not null && RequestTypes.Contains(declaringType) && schema.Type is { } requestType)
        {
            // Request fields are nullable only so that a missing one is reported as a validation error.
            schema.Type = requestType & ~JsonSchemaType.Null;
        }

        switch (context.JsonPropertyInfo?.Name)
        {
            case "label" when declaringType == typeof(AddAccountRequest) || declaringType == typeof(AccountDto):
                schema.Type = JsonSchemaType.String;
                schema.MaxLength = Account.MaxLabelLength;
                break;
            case "externalId" when declaringType == typeof(CreateCustomerRequest):
                schema.MinLength = 1;
                schema.MaxLength = ExternalId.MaxLength;
                break;
            case "url" when declaringType == typeof(CreateWebhookEndpointRequest) || declaringType == typeof(UpdateWebhookEndpointRequest):
                schema.Format = "uri";
                schema.MaxLength = WebhookUrl.MaxLength;
                break;
            case "description" when declaringType == typeof(CreateWebhookEndpointRequest) || declaringType == typeof(UpdateWebhookEndpointRequest)
                                    || declaringType == typeof(WebhookEndpointDto) || declaringType == typeof(CreatedWebhookEndpointDto):
                // Left out of an answer when absent, never null.
                schema.Type = JsonSchemaType.String;
                schema.MaxLength = WebhookEndpoint.MaxDescriptionLength;
                break;
            case "disabledReason" when declaringType == typeof(WebhookEndpointDto):
                schema.Type = JsonSchemaType.String;
                schema.MaxLength = WebhookEndpoint.MaxDisabledReasonLength;
                break;
            case "createdAt" or "updatedAt":
                schema.Type = JsonSchemaType.String;
                schema.Format = "date-time";
                schema.Description = TimestampDescription;
                break;
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// A field is required exactly when it is always there: an answer's field the serializer always
    /// writes (not one omitted when empty, as an account's label), a request's field without a default.
    /// </summary>
    private static HashSet<string> RequiredProperties(JsonTypeInfo type) =>
        new(
            type.Properties
                .Where(property => property.ShouldSerialize is null && property.AssociatedParameter is not { HasDefaultValue: true })
                .Select(property => property.Name),
            StringComparer.Ordinal);
}
