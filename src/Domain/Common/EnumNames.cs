using System.Collections.Frozen;

namespace CustomerService.Domain.Common;

/// <summary>
/// The one spelling of the values of the domain's enums, wherever a value is written or read as
/// text: answers, requests and their validation messages, the OpenAPI document and metrics. A value
/// is spelt as its name in lower case (docs/contract.md, section 1: enum values as lowercase
/// strings), and only that spelling is accepted.
/// </summary>
public static class EnumNames
{
    /// <summary>
    /// The spelling of the member named <paramref name="memberName"/>: the rule itself, for
    /// serializers that hand over members by name.
    /// </summary>
    public static string Spell(string memberName)
    {
        ArgumentNullException.ThrowIfNull(memberName);
        return memberName.ToLowerInvariant();
    }

    /// <summary>The spelling of <paramref name="value"/>.</summary>
    public static string NameOf<TEnum>(TEnum value)
        where TEnum : struct, Enum =>
        Names<TEnum>.ByValue.TryGetValue(value, out var name)
            ? name
            : throw new ArgumentOutOfRangeException(nameof(value), value, $"{typeof(TEnum).Name} has no such value.");

    /// <summary>Every value's spelling, in declaration order.</summary>
    public static IReadOnlyList<string> All<TEnum>()
        where TEnum : struct, Enum =>
        Names<TEnum>.All;

    /// <summary>
    /// Reads the value a client sent for <paramref name="field"/>: refused when it is absent or is
    /// not exactly one of the spellings, with a message that lists them.
    /// </summary>
    public static Checked<TEnum> Check<TEnum>(string field, string? name)
        where TEnum : struct, Enum
    {
        if (name is null)
        {
            return Checked.Refuse<TEnum>(field, $"{field} is required.");
        }

        return Names<TEnum>.ByName.TryGetValue(name, out var value)
            ? Checked.Accept(value)
            : Checked.Refuse<TEnum>(field, $"{field} must be one of: {string.Join(", ", All<TEnum>())}.");
    }

    private static class Names<TEnum>
        where TEnum : struct, Enum
    {
        public static readonly FrozenDictionary<TEnum, string> ByValue =
            Enum.GetValues<TEnum>().ToFrozenDictionary(value => value, value => Spell(value.ToString()));

        public static readonly FrozenDictionary<string, TEnum> ByName =
            ByValue.ToFrozenDictionary(entry => entry.Value, entry => entry.Key, StringComparer.Ordinal);

        public static readonly IReadOnlyList<string> All = [.. Enum.GetValues<TEnum>().Select(value => ByValue[value])];
    }
}
