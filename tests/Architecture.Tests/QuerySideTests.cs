using System.Reflection;
using System.Reflection.Emit;
using AutoMapper;
using CustomerService.Application.Common.Abstractions;
using CustomerService.Application.Customers.GetCustomer;
using CustomerService.Domain.Customers;
using MediatR;

namespace CustomerService.Architecture.Tests;

/// <summary>
/// Commands change customers through the aggregate and the repository; queries read through the
/// read model only. A query handler that loaded an aggregate, used the repository or the unit of
/// work, or mapped with AutoMapper would be reading through the write side.
/// </summary>
public sealed class QuerySideTests
{
    private static readonly Assembly ApplicationAssembly = typeof(GetCustomerQuery).Assembly;

    /// <summary>What belongs to the write side: the aggregate, its entity, its store and the mapper.</summary>
    private static readonly Type[] WriteSide = [typeof(Customer), typeof(Account), typeof(ICustomerRepository), typeof(IUnitOfWork)];

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(field => (OpCode)field.GetValue(null)!)
        .ToDictionary(code => code.Value);

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
            Assert.That(dependencies, Does.Contain(typeof(ICustomerReadModel)));
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
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        foreach (var field in type.GetFields(all))
        {
            yield return field.FieldType;
        }

        foreach (var method in type.GetMethods(all).Cast<MethodBase>().Concat(type.GetConstructors(all)))
        {
            foreach (var used in TypesUsedBy(method))
            {
                yield return used;
            }
        }

        foreach (var nested in type.GetNestedTypes(all).SelectMany(TypesUsedBy))
        {
            yield return nested;
        }
    }

    private static IEnumerable<Type> TypesUsedBy(MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray() ?? [];
        var module = method.Module;
        var typeArguments = method.DeclaringType?.IsGenericType == true ? method.DeclaringType.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        for (var offset = 0; offset < il.Length;)
        {
            short value = il[offset] == 0xFE ? (short)(0xFE00 | il[offset + 1]) : il[offset];
            offset += il[offset] == 0xFE ? 2 : 1;
            var code = OpCodesByValue[value];
            if (code.OperandType is OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineType or OperandType.InlineTok)
            {
                var member = module.ResolveMember(BitConverter.ToInt32(il, offset), typeArguments, methodArguments);
                if (member switch { Type used => used, FieldInfo field => field.DeclaringType, MethodBase called => called.DeclaringType, _ => null } is { } type)
                {
                    yield return type;
                }
            }

            offset += OperandSize(code, il, offset);
        }
    }

    private static int OperandSize(OpCode code, byte[] il, int offset) =>
        code.OperandType switch
        {
            OperandType.InlineNone => 0,
            OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
            OperandType.InlineVar => 2,
            OperandType.InlineI8 or OperandType.InlineR => 8,
            OperandType.InlineSwitch => 4 + (4 * BitConverter.ToInt32(il, offset)),
            _ => 4,
        };

    /// <summary>What the check must catch: a handler that builds an aggregate.</summary>
    private sealed class UsesTheAggregate
    {
        public static string ExternalIdOf() =>
            Customer.Create("participant", ExternalId.Check("customer").Value, CustomerStatus.Active, TimeProvider.System).ExternalId;
    }
}
