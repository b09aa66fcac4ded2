using System.Reflection;
using CustomerService.Application.Common.Abstractions;
using CustomerService.Application.Customers.CreateCustomer;
using CustomerService.Domain.Common;
using FluentValidation;
using MediatR;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace CustomerService.Application.UnitTests.Customers;

/// <summary>
/// A request cannot bring an unchecked value to its handler: every value a client chose is read by
/// the domain's rules as the request is made (<see cref="Checked{T}"/>), the request's validators
/// report every refusal, and a handler that is handed a refused value anyway can only throw the
/// domain's validation error for it, which the pipeline answers as the contract's 400.
/// </summary>
public sealed class RequestInputTests
{
    /// <summary>The types whose every value is acceptable: ids the router has already parsed, If-Match versions, a switch left out or given.</summary>
    private static readonly Type[] AnyValueTypes = [typeof(Guid), typeof(Guid?), typeof(bool?), typeof(IReadOnlySet<int>)];

    private static IEnumerable<TestCaseData> Requests() =>
        typeof(CreateCustomerCommand).Assembly.GetTypes()
            .Where(type => type is { IsClass: true, IsAbstract: false } && RequestResponse(type) is not null)
            .Select(type => new TestCaseData(type).SetArgDisplayNames(type.Name));

    private static IEnumerable<TestCaseData> RequestsWithClientValues() =>
        Requests().Where(request => CheckedProperties((Type)request.Arguments[0]!).Any());

    [Test]
    public void Every_request_of_the_application_is_found()
    {
        Assert.That(Requests().Count(), Is.GreaterThanOrEqualTo(8));
    }

    [TestCaseSource(nameof(Requests))]
    public void Every_value_a_request_carries_is_checked_or_takes_any_value(Type request)
    {
        var unchecked_ = request.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(property => !IsChecked(property.PropertyType) && !AnyValueTypes.Contains(property.PropertyType))
            .Select(property => $"{property.Name}: {property.PropertyType.Name}");

        Assert.That(unchecked_, Is.Empty);
    }

    [TestCaseSource(nameof(RequestsWithClientValues))]
    public async Task Every_refused_value_is_reported_by_the_registered_validators(Type request)
    {
        var refused = Refused(request);
        var refusals = CheckedProperties(request).SelectMany(property => RefusalsOf(property, refused)).ToList();
        using var provider = Services().BuildServiceProvider();
        var validators = provider.GetServices(typeof(IValidator<>).MakeGenericType(request)).Cast<IValidator>().ToList();

        var reported = new List<Refusal>();
        foreach (var validator in validators)
        {
            var result = await validator.ValidateAsync(new ValidationContext<object>(refused));
            reported.AddRange(result.Errors.Select(failure => new Refusal(failure.PropertyName, failure.ErrorMessage)));
        }

        Assert.Multiple(() =>
        {
            Assert.That(CheckedProperties(request).Select(property => RefusalsOf(property, refused)), Has.All.Not.Empty, "every checked value is refused");
            Assert.That(reported, Is.EquivalentTo(refusals));
        });
    }

    [TestCaseSource(nameof(RequestsWithClientValues))]
    public void A_handler_handed_a_refused_request_throws_only_the_validation_error_of_a_refused_value(Type request)
    {
        var refused = Refused(request);
        using var provider = Services().BuildServiceProvider();
        using var scope = provider.CreateScope();
        var handler = scope.ServiceProvider.GetRequiredService(typeof(IRequestHandler<,>).MakeGenericType(request, RequestResponse(request)!));
        var handle = handler.GetType().GetMethod("Handle", [request, typeof(CancellationToken)])!;

        var thrown = Assert.CatchAsync(
            () => (Task)handle.Invoke(handler, BindingFlags.DoNotWrapExceptions, binder: null, [refused, CancellationToken.None], culture: null)!);

        Assert.That(thrown, Is.TypeOf<DomainValidationException>());
        var refusals = CheckedProperties(request).SelectMany(property => RefusalsOf(property, refused));
        Assert.That(refusals, Does.Contain(new Refusal(((DomainValidationException)thrown!).Field, thrown.Message)));
    }

    /// <summary>The request made from values that break a rule each: text with a control character, a count of 0.</summary>
    private static object Refused(Type request)
    {
        var constructor = request.GetConstructors().Single();
        var arguments = constructor.GetParameters().Select(parameter => parameter.ParameterType switch
        {
            var type when type == typeof(string) => (object?)"\u0007",
            var type when type == typeof(int?) => 0,
            var type when type == typeof(Guid) => Guid.Empty,
            var type when type == typeof(Guid?) => null,
            var type when type == typeof(bool?) => null,
            var type when type == typeof(IReadOnlyList<string?>) => new string?[] { "\u0007" },
            var type when type == typeof(IReadOnlySet<int>) => null,
            var type => throw new InvalidOperationException($"{request.Name}: say how a {type.Name} breaks a rule."),
        });
        return constructor.Invoke([.. arguments]);
    }

    private static IEnumerable<PropertyInfo> CheckedProperties(Type request) =>
        request.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(property => IsChecked(property.PropertyType));

    private static IReadOnlyList<Refusal> RefusalsOf(PropertyInfo property, object request) =>
        (IReadOnlyList<Refusal>)property.PropertyType.GetProperty(nameof(Checked<object>.Refusals))!.GetValue(property.GetValue(request))!;

    private static bool IsChecked(Type type) => type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Checked<>);

    private static Type? RequestResponse(Type type) =>
        type.GetInterfaces()
            .Where(contract => contract.IsGenericType && contract.GetGenericTypeDefinition() == typeof(IRequest<>))
            .Select(contract => contract.GetGenericArguments()[0])
            .SingleOrDefault();

    private static ServiceCollection Services()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddApplication();
        services.AddSingleton(new Mock<ICustomerRepository>(MockBehavior.Strict).Object);
        services.AddSingleton(new Mock<ICustomerReadModel>(MockBehavior.Strict).Object);
        services.AddSingleton(new Mock<IUnitOfWork>(MockBehavior.Strict).Object);
        services.AddSingleton(new Mock<IEventFeed>(MockBehavior.Strict).Object);
        services.AddSingleton(new Mock<IWebhookEndpointRepository>(MockBehavior.Strict).Object);
        services.AddSingleton(new Mock<IWebhookEndpointReadModel>(MockBehavior.Strict).Object);
        services.AddSingleton(new Mock<IWebhookDeliveryLog>(MockBehavior.Strict).Object);
        services.AddSingleton(new Mock<IHostAddressResolver>(MockBehavior.Strict).Object);
        services.AddSingleton(new Mock<ICurrentParticipant>().Object);
        return services;
    }
}
