using CustomerService.Application.Common.Behaviors;
using CustomerService.Application.Common.Telemetry;
using CustomerService.Application.Customers.AddAccount;
using CustomerService.Application.Events;
using CustomerService.Application.Webhooks;
using FluentValidation;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerService.Application;

public static class DependencyInjection
{
    /// <summary>
    /// Registers MediatR (5.1.0, wired by hand: its service factory, the mediator, every handler of this
    /// assembly and the pipeline behaviors, outermost first), the validators, the AutoMapper profiles
    /// the account limit (bound from the <c>Limits</c> section of the host's configuration) and the
    /// webhook endpoint settings (the <c>Webhooks</c> section).
    /// </summary>
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        var assembly = typeof(DependencyInjection).Assembly;

        services.AddScoped<ServiceFactory>(provider => provider.GetService);
        services.AddScoped<IMediator, Mediator>();
        foreach (var (service, implementation) in RequestHandlers(assembly))
        {
            services.AddTransient(service, implementation);
        }

        services.AddTransient(typeof(IPipelineBehavior<,>), typeof(LoggingBehavior<,>));
        services.AddTransient(typeof(IPipelineBehavior<,>), typeof(ErrorMappingBehavior<,>));
        services.AddTransient(typeof(IPipelineBehavior<,>), typeof(ValidationBehavior<,>));

        services.AddOptions<AccountLimitOptions>()
            .BindConfiguration(AccountLimitOptions.SectionName)
            .Validate(limits => limits.AccountsPerCustomer >= 1, "Limits:AccountsPerCustomer must be at least 1.")
            .ValidateOnStart();
        services.AddOptions<WebhookOptions>()
            .BindConfiguration(WebhookOptions.SectionName)
            .Validate(webhooks => webhooks.MaxEndpoints >= 1, "Webhooks:MaxEndpoints must be at least 1.")
            .ValidateOnStart();

        services.AddValidatorsFromAssembly(assembly, ServiceLifetime.Singleton, includeInternalTypes: true);
        services.AddAutoMapper(_ => { }, assembly);
        services.AddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.AddSingleton<CustomerMetrics>();
        services.AddSingleton<EventMetrics>();
        services.AddScoped<EventRecorder>();
        return services;
    }

    private static IEnumerable<(Type Service, Type Implementation)> RequestHandlers(System.Reflection.Assembly assembly) =>
        from type in assembly.GetTypes()
        where type is { IsClass: true, IsAbstract: false }
        from contract in type.GetInterfaces()
        where contract.IsGenericType && contract.GetGenericTypeDefinition() == typeof(IRequestHandler<,>)
        select (contract, type);
}
