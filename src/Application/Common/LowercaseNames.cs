namespace CustomerService.Application.Common;

/// <summary>
/// The contract spells enum values as their lowercase names and accepts exactly those spellings.
/// </summary>
internal static class LowercaseNames<TEnum>
    where TEnum : struct, Enum
{
    private static readonly Dictionary<string, TEnum> ByName =
        Enum.GetValues<TEnum>().ToDictionary(ToName, value => value, StringComparer.Ordinal);

    /// <summary>The accepted spellings, comma-separated, for messages.</summary>
    public static string AllowedValues { get; } = string.Join(", ", ByName.Keys);

    public static string ToName(TEnum value) => value.ToString().ToLowerInvariant();

    public static bool TryParse(string? value, out TEnum result) =>
        ByName.TryGetValue(value ?? string.Empty, out result);

    /// <summary>Parses a value a validator has already accepted.</summary>
    public static TEnum Parse(string? value) =>
        TryParse(value, out var result)
            ? result
            : throw new ArgumentOutOfRangeException(nameof(value), value, $"Expected one of: {AllowedValues}.");
}
