using CustomerService.Application.Common.Telemetry;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace CustomerService.Api.Operations;

internal static class TelemetryServiceCollectionExtensions
{
    /// <summary>
    /// OpenTelemetry traces (ASP.NET Core, HttpClient, SqlClient) and metrics (ASP.NET Core,
    /// HttpClient, runtime, the service's own counters), exported over OTLP only when
    /// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set. Without it nothing is exported; logs still carry
    /// the trace id in their scope, next to the request id.
    /// </summary>
    public static IServiceCollection AddTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        if (string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            return services;
        }

        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName: "customer-service"))
            .WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(options => options.Filter = context => !context.Request.Path.StartsWithSegments("/health", StringComparison.Ordinal))
                .AddHttpClientInstrumentation()
                .AddSqlClientInstrumentation())
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter(CustomerMetrics.MeterName))
            .UseOtlpExporter();
        return services;
    }
}
