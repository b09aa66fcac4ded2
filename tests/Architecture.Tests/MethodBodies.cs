using System.Reflection;
using System.Reflection.Emit;

namespace CustomerService.Architecture.Tests;

/// <summary>What compiled code refers to, read from its IL.</summary>
internal static class MethodBodies
{
    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(field => (OpCode)field.GetValue(null)!)
        .ToDictionary(code => code.Value);

    /// <summary><paramref name="type"/> and the types nested in it, where the compiler puts its lambdas and async methods.</summary>
    public static IEnumerable<Type> WithNested(Type type) =>
        [type, .. type.GetNestedTypes(Declared).SelectMany(WithNested)];

    /// <summary>The fields <paramref name="type"/> and the types nested in it declare.</summary>
    public static IEnumerable<FieldInfo> FieldsOf(Type type) =>
        WithNested(type).SelectMany(declaring => declaring.GetFields(Declared));

    /// <summary>The methods and constructors <paramref name="type"/> and the types nested in it declare.</summary>
    public static IEnumerable<MethodBase> MethodsOf(Type type) =>
        WithNested(type).SelectMany(declaring => declaring.GetMethods(Declared).Cast<MethodBase>().Concat(declaring.GetConstructors(Declared)));

    /// <summary>Each instruction of <paramref name="method"/> that names a member: the instruction and the member it calls, creates, reads or names.</summary>
    public static IEnumerable<(OpCode Code, MemberInfo Member)> MembersUsedBy(MethodBase method)
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
                yield return (code, module.ResolveMember(BitConverter.ToInt32(il, offset), typeArguments, methodArguments)!);
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
}
