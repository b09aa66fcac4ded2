using System.Reflection;
using AutoMapper;
using CustomerService.Application.Common.Abstractions;
using CustomerService.Application.Customers.GetCustomer;
using CustomerService.Domain.Customers;
using CustomerService.Domain.Webhooks;
using MediatR;

namespace CustomerService.Architecture.Tests;

/// <summary>
/// Commands change customers and webhook endpoints through the aggregates and the repositories;
/// queries read through a read model only. A query handler that loaded an aggregate, used the repository or the unit of
/// work, or mapped with AutoMapper would be reading through the write side.
/// </summary>
public sealed class QuerySideTests
{
    private static readonly Assembly ApplicationAssembly = typeof(GetCustomerQuery).Assembly;

    /// <summary>What belongs to the write side: the aggregates, their entities, their stores and the mapper.</summary>
    private static readonly Type[] WriteSide =
    [
        typeof(Customer), typeof(Account), typeof(ICustomerRepository),
        typeof(WebhookEndpoint), typeof(IWebhookEndpointRepository),
        typeof(IUnitOfWork),
    ];

    /// <summary>The read models, one per area.</summary>
    private static readonly Type[] ReadModels = [typeof(ICustomerReadModel), typeof(IWebhookEndpointReadModel)];

    private static IEnumerable<Type> Handlers() =>
        ApplicationAssembly.GetTypes().Where(type => type is { IsClass: true, IsAbstract: false } && RequestOf(type) is not null);

    private static IEnumerable<TestCaseData> QueryHandlers() =>
        Handlers()
            .Where(handler => RequestOf(handler)!.Name.EndsWith("Query", StringComparison.Ordinal))
            .Select(handler => new TestCaseData(handler).SetArgDisplayNames(handler.Name));

    [Test]
    public void Every_request_is_named_as_a_command_or_a_query()
    {
        var requests = Handlers().Select(handler => RequestOf(handler)!.Name).ToList();

        Assert.That(requests, Is.Not.Empty);
        Assert.That(
            requests.Where(name => !name.EndsWith("Command", StringComparison.Ordinal) && !name.EndsWith("Query", StringComparison.Ordinal)),
            Is.Empty);
    }

    [Test]
    public void There_are_query_handlers_to_check() =>
        Assert.That(QueryHandlers().Count(), Is.GreaterThanOrEqualTo(5));

    [TestCaseSource(nameof(QueryHandlers))]
    public void Query_handler_reads_through_the_read_model_only(Type handler)
    {
        var dependencies = handler.GetConstructors().SelectMany(constructor => constructor.GetParameters()).Select(parameter => parameter.ParameterType).ToList();
        var touched = TypesUsedBy(handler).ToHashSet();

        Assert.Multiple(() =>
        {
            Assert.That(dependencies.Intersect(ReadModels), Is.Not.Empty, "reads through a read model");
            Assert.That(dependencies.Where(IsWriteSide), Is.Empty, "constructor dependencies");
            Assert.That(touched.Where(IsWriteSide).Select(type => type.FullName), Is.Empty, "types its code uses");
        });
    }

    [Test]
    public void The_check_sees_a_handler_that_uses_the_aggregate() =>
        Assert.That(TypesUsedBy(typeof(UsesTheAggregate)), Does.Contain(typeof(Customer)));

    private static bool IsWriteSide(Type type) =>
        WriteSide.Contains(type) || type.Namespace?.StartsWith(typeof(IMapper).Namespace!, StringComparison.Ordinal) == true;

    private static Type? RequestOf(Type type) =>
        type.GetInterfaces()
            .FirstOrDefault(contract => contract.IsGenericType && contract.GetGenericTypeDefinition() == typeof(IRequestHandler<,>))
            ?.GetGenericArguments()[0];

    /// <summary>
    /// Every type whose member the handler's code (its methods, and the compiler-made types its
    /// async methods and lambdas live in) calls, creates, reads or names, with the types of its fields.
    /// </summary>
    private static IEnumerable<Type> TypesUsedBy(Type type)
    {
        foreach (var field in MethodBodies.FieldsOf(type))
        {
            yield return field.FieldType;
        }

        foreach (var (_, member) in MethodBodies.MethodsOf(type).SelectMany(MethodBodies.MembersUsedBy))
        {
            if (member switch { Type named => named, FieldInfo field => field.DeclaringType, MethodBase called => called.DeclaringType, _ => null } is { } used)
            {
                yield return used;
            }
        }
    }

    /// <summary>What the check must catch: a handler that builds an aggregate.</summary>
    private sealed class UsesTheAggregate
    {
        public static string ExternalIdOf() =>
            Customer.Create("participant", ExternalId.Check("customer").Value, CustomerStatus.Active, TimeProvider.System).ExternalId;
    }
}
