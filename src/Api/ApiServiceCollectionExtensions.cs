using System.Text.Json;
using System.Text.Json.Serialization;
using Asp.Versioning;
using CustomerService.Api.Errors;
using CustomerService.Api.Http;
using CustomerService.Api.Idempotency;
using CustomerService.Api.Json;
using CustomerService.Application.Events;
using CustomerService.Api.OpenApi;
using CustomerService.Api.Security;
using CustomerService.Api.Streaming;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace CustomerService.Api;

internal static class ApiServiceCollectionExtensions
{
    /// <summary>Security, rate limits, MVC controllers, JSON as the contract writes it, URL-segment versioning and the error seams.</summary>
    public static IServiceCollection AddApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSecurity(configuration);
        services.AddContractRateLimiting(configuration);

        services
            .AddControllers(options =>
            {
                options.InputFormatters.Clear();
                options.Conventions.Add(new ErrorResponsesConvention());
                options.Filters.Add<EntityTagFilter>();
                options.ModelBinderProviders.Insert(0, new QueryValueModelBinder.Provider());
                options.ModelBindingMessageProvider.SetValueIsInvalidAccessor(value => "The value is not valid.");
            })
            .AddJsonOptions(options =>
            {
                ConfigureJson(options.JsonSerializerOptions);

                // Answers only; the OpenAPI document is generated from the general options below,
                // so its schemas still describe the records' properties.
                options.JsonSerializerOptions.Converters.Add(new CustomerJsonConverter());
                options.JsonSerializerOptions.Converters.Add(new AccountJsonConverter());
            })
            .ConfigureApiBehaviorOptions(options =>
            {
                // No framework ProblemDetails: every error body is the contract's.
                options.SuppressMapClientErrors = true;
                options.InvalidModelStateResponseFactory = InvalidModelStateResponse.Create;
            });

        services.AddOptions<MvcOptions>()
            .Configure<IOptions<JsonOptions>>((mvc, json) =>
                mvc.InputFormatters.Add(new JsonBodyInputFormatter(json.Value.JsonSerializerOptions)));

        services
            .AddApiVersioning(options =>
            {
                options.DefaultApiVersion = new ApiVersion(1, 0);
                options.AssumeDefaultVersionWhenUnspecified = false;
                options.ApiVersionReader = new UrlSegmentApiVersionReader();
                options.ReportApiVersions = true;
            })
            .AddMvc()
            .AddApiExplorer(options =>
            {
                options.GroupNameFormat = "'v'VVV";
                options.SubstituteApiVersionInUrl = true;
            });

        // The OpenAPI generator reads the minimal-API JSON options: the same as MVC's, so its schemas
        // spell names and enums exactly as the responses do.
        services.ConfigureHttpJsonOptions(options => ConfigureJson(options.SerializerOptions));
        services.AddContractOpenApi();

        // API versioning answers through IProblemDetailsService; this writer gives those answers the
        // contract's body. Registered before AddProblemDetails so it is the writer chosen.
        services.AddSingleton<IProblemDetailsWriter, ContractProblemDetailsWriter>();
        services.AddProblemDetails();
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.AddSingleton<IdempotencyFilter>();
        services.AddSingleton<IEventSerializer, EventSerializer>();

        services.AddOptions<StreamLimitOptions>()
            .Bind(configuration.GetSection(StreamLimitOptions.SectionName))
            .Validate(
                limits => limits.MaxStreamDuration > TimeSpan.Zero && limits.MaxStreamDuration <= TimeSpan.FromDays(1),
                "Limits:MaxStreamDuration must be more than zero and at most one day.")
            .ValidateOnStart();
        services.AddSingleton<StreamedResponseFilter>();
        return services;
    }

    private static void ConfigureJson(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DictionaryKeyPolicy = JsonNamingPolicy.CamelCase;
        options.Converters.Add(new JsonStringEnumConverter(new EnumNamingPolicy(), allowIntegerValues: false));
        options.Converters.Add(new UtcTimestampJsonConverter());
    }
}
