using CustomerService.Api.Security;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CustomerService.Api.OpenApi;

/// <summary>The document's title and description, and the bearer scheme every <c>/api</c> operation needs.</summary>
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
                "POST and PUT. Every error answers with the `ErrorEnvelope` body. Timestamps are UTC with exactly " +
                "three fractional digits (`2025-11-18T12:34:56.789Z`); ids are lowercase UUIDs. Every response " +
                "carries `X-Request-Id` (the caller's own when it sent a sane one). A few requests are refused by " +
                "the HTTP server before the service sees them, with its bare status and no error body: a NUL or " +
                "non-ASCII byte in the path, raw or percent-encoded `%00` (400), a request line over 8 KiB (414) and " +
                "headers over 32 KiB (431). A request with both `Content-Length` and `Transfer-Encoding` is read by " +
                "`Transfer-Encoding` alone, as HTTP/1.1 requires, and answered as usual.",
        };

        // The document describes the API wherever it is served; a reference page uses its own origin.
        document.Servers = [];

        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description =
                $"A JWT naming the caller's participant (`participant_id`) and its scopes (`scope`: `{Scopes.Read}`, " +
                $"`{Scopes.Write}`, space-separated or repeated).",
        };
        return Task.CompletedTask;
    }
}
