using System.Reflection;
using CustomerService.Api.Security;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CustomerService.Api.OpenApi;

/// <summary>
/// The document's title and description, the bearer scheme every <c>/api</c> operation needs, and an
/// order readers and generators meet: paths as a resource tree (a resource before what is nested
/// under it), tags in the order of their first path, each described by its controller's
/// <see cref="TagDescriptionAttribute"/>.
/// </summary>
internal sealed class ContractDocumentTransformer : IOpenApiDocumentTransformer
{
    public const string BearerScheme = "Bearer";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.Info = new OpenApiInfo
        {
            Title = "Customer Service API",
            Version = "1.0",
            Description =
                "Customers of the account-manager platform and their blockchain accounts. Every call needs a JWT " +
                "bearer token with a `participant_id` claim (the caller's participant: a participant only ever " +
                $"sees its own customers) and a `scope` claim: `{Scopes.Read}` for reads, `{Scopes.Write}` for " +
                $"POST and PUT of customers and accounts, `{Scopes.WebhooksRead}` and `{Scopes.WebhooksWrite}` (neither implies " +
                "the other) for webhook endpoints. Every error answers with the `ErrorEnvelope` body. A method a path does not serve is " +
                "answered 405 `METHOD_NOT_ALLOWED` with `Allow` naming the methods it serves. Timestamps are UTC with exactly " +
                "three fractional digits (`2025-11-18T12:34:56.789Z`); ids are lowercase UUIDs. Every response " +
                "carries `X-Request-Id` (the caller's own when it sent a sane one). A few requests are refused by " +
                "the HTTP server before the service sees them, with its bare status and no error body: a NUL or " +
                "non-ASCII byte in the path, raw or percent-encoded `%00` (400), a request line over 8 KiB (414) and " +
                "headers over 32 KiB (431). A request with both `Content-Length` and `Transfer-Encoding` is read by " +
                "`Transfer-Encoding` alone, as HTTP/1.1 requires, and answered as usual.",

            // The project is published under no licence: all rights are reserved, and there is no licence text to link to.
            License = new OpenApiLicense { Name = "Proprietary" },
        };

        // The document describes the API wherever it is served: its one server is the origin that serves it.
        document.Servers = [new OpenApiServer { Url = "/", Description = "The origin that serves this document." }];

        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description =
                $"A JWT naming the caller's participant (`participant_id`) and its scopes (`scope`: " +
                $"{string.Join(", ", Scopes.All.Select(scope => $"`{scope}`"))}, space-separated or repeated).",
        };
        OrderPathsAndTags(document, context);
        return Task.CompletedTask;
    }

    private static void OrderPathsAndTags(OpenApiDocument document, OpenApiDocumentTransformerContext context)
    {
        if (document.Paths is null)
        {
            return;
        }

        var paths = new OpenApiPaths();
        foreach (var (key, path) in document.Paths.OrderBy(path => path.Key, StringComparer.Ordinal))
        {
            paths[key] = path;
        }

        document.Paths = paths;
        var descriptions = context.DescriptionGroups
            .SelectMany(group => group.Items)
            .Select(description => description.ActionDescriptor)
            .OfType<ControllerActionDescriptor>()
            .DistinctBy(action => action.ControllerName)
            .ToDictionary(action => action.ControllerName, action => action.ControllerTypeInfo.GetCustomAttribute<TagDescriptionAttribute>()?.Description);
        var names = paths.Values
            .SelectMany(path => path.Operations?.Values.AsEnumerable() ?? [])
            .SelectMany(operation => operation.Tags?.AsEnumerable() ?? [])
            .Select(tag => tag.Name)
            .OfType<string>()
            .Distinct(StringComparer.Ordinal);
        document.Tags = new HashSet<OpenApiTag>(names.Select(name => new OpenApiTag { Name = name, Description = descriptions.GetValueOrDefault(name) }));
    }
}
