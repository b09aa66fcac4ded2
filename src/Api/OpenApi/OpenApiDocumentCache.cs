using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace CustomerService.Api.OpenApi;

/// <summary>
/// The JSON of the OpenAPI document, generated on first request and kept for the life of the process.
/// Generating it costs tens of milliseconds of CPU, it needs no token, and it is the same for every
/// caller (its one server is relative: the origin that serves it), so it is built once rather than on every anonymous request.
/// </summary>
internal sealed class OpenApiDocumentCache(
    [FromKeyedServices(OpenApiServiceCollectionExtensions.DocumentName)] IOpenApiDocumentProvider documents,
    IOptionsMonitor<OpenApiOptions> options) : IDisposable
{
    private readonly SemaphoreSlim _building = new(1, 1);
    private byte[]? _json;

    public async ValueTask<byte[]> GetJsonAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _json) is { } json)
        {
            return json;
        }

        await _building.WaitAsync(cancellationToken);
        try
        {
            if (_json is null)
            {
                // Not the caller's token: a caller that goes away must not cancel the build others wait for.
                var document = await documents.GetOpenApiDocumentAsync(CancellationToken.None);
                using var output = new MemoryStream();
                await document.SerializeAsJsonAsync(
                    output,
                    options.Get(OpenApiServiceCollectionExtensions.DocumentName).OpenApiVersion,
                    CancellationToken.None);
                Volatile.Write(ref _json, output.ToArray());
            }

            return _json;
        }
        finally
        {
            _building.Release();
        }
    }

    public void Dispose() => _building.Dispose();
}
