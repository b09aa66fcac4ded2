namespace CustomerService.Api.Http;

/// <summary>
/// Whether the service has an HTTPS endpoint to send clients to. Behind a TLS-terminating proxy or
/// in a plain-HTTP container it has none, and HSTS and HTTPS redirection would only log a warning
/// on every request.
/// </summary>
internal static class TransportSecurity
{
    public static bool IsServedOverTls(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return !string.IsNullOrWhiteSpace(configuration["HTTPS_PORTS"])
            || !string.IsNullOrWhiteSpace(configuration["https_port"])
            || (configuration["urls"] ?? string.Empty).Contains("https://", StringComparison.OrdinalIgnoreCase)
            || configuration.GetSection("Kestrel:Endpoints").GetChildren()
                .Any(endpoint => (endpoint["Url"] ?? string.Empty).StartsWith("https://", StringComparison.OrdinalIgnoreCase));
    }
}
