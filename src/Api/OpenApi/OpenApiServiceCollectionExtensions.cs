using Scalar.AspNetCore;

namespace CustomerService.Api.OpenApi;

internal static class OpenApiServiceCollectionExtensions
{
    public const string DocumentName = "v1";
    private const string ReferencePagePath = "/scalar";

    /// <summary>The OpenAPI document of API version 1, shaped by the contract's transformers.</summary>
    public static IServiceCollection AddContractOpenApi(this IServiceCollection services)
    {
        services.AddOpenApi(DocumentName, options =>
        {
            options.AddDocumentTransformer<ContractDocumentTransformer>();
            options.AddDocumentTransformer<RefusedMethodsTransformer>();
            options.AddDocumentTransformer<RequestEnumsTransformer>();
            options.AddDocumentTransformer<WebhookEventTypesTransformer>();
            options.AddDocumentTransformer<WebhookPayloadsTransformer>();
            options.AddOperationTransformer<ContractOperationTransformer>();
            options.AddSchemaTransformer<ContractSchemaTransformer>();
        });
        services.AddSingleton<OpenApiDocumentCache>();
        return services;
    }

    /// <summary>
    /// The document at <c>/openapi/v1.json</c>, built once per process, and, unless
    /// <c>OpenApi:ReferencePage</c> is false, the interactive reference page at <c>/scalar</c>.
    /// Neither needs a token.
    /// </summary>
    public static WebApplication MapContractOpenApi(this WebApplication app)
    {
        app.MapGet($"/openapi/{DocumentName}.json", ServeDocumentAsync).AllowAnonymous().ExcludeFromDescription();
        if (app.Configuration.GetValue("OpenApi:ReferencePage", true))
        {
            app.UseWhen(
                context => context.Request.Path.StartsWithSegments(ReferencePagePath, StringComparison.OrdinalIgnoreCase),
                page => page.UseMiddleware<ReferencePageSecurityMiddleware>());
            app.MapScalarApiReference(ReferencePagePath, page =>
            {
                page.Title = "Customer Service API";
                page.OpenApiRoutePattern = "/openapi/{documentName}.json";
                page.AddDocument(DocumentName);
                page.AddPreferredSecuritySchemes(ContractDocumentTransformer.BearerScheme);

                // The page is self-contained: the document's requests and code samples go to the
                // origin that served it, no fonts from a CDN, no telemetry, no AI chat, no vendor toolbar.
                page.DynamicBaseServerUrl = true;
                page.DefaultFonts = false;
                page.Telemetry = false;
                page.Agent = new ScalarAgentOptions { Disabled = true };
                page.ShowDeveloperTools = DeveloperToolsVisibility.Never;
                page.SchemaPropertyOrder = PropertyOrder.Preserve;
            }).AllowAnonymous();
        }

        return app;
    }

    private static async Task ServeDocumentAsync(HttpContext context, OpenApiDocumentCache cache)
    {
        var json = await cache.GetJsonAsync(context.RequestAborted);
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.ContentLength = json.Length;
        await context.Response.Body.WriteAsync(json, context.RequestAborted);
    }
}
