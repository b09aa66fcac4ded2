using CustomerService.Domain.Common;

namespace CustomerService.Domain.Customers;

/// <summary>
/// A participant's own identifier for one of its customers: 1 to <see cref="MaxLength"/>
/// characters, no white space at either end and no control characters. An instance exists only
/// for a value that follows these rules.
/// </summary>
public sealed record ExternalId
{
    public const string FieldName = "externalId";
    public const int MaxLength = 255;

    private ExternalId(string value)
    {
        Value = value;
    }

    public string Value { get; }

    /// <summary>An external id the client must send.</summary>
    public static Checked<ExternalId> Check(string? value) =>
        FindViolation(value) is { } violation
            ? Checked.Refuse<ExternalId>(FieldName, violation)
            : Checked.Accept(new ExternalId(value!));

    /// <summary>An external id the client may leave out (null), as a filter.</summary>
    public static Checked<ExternalId?> CheckOptional(string? value) =>
        value is null ? Checked.Accept<ExternalId?>(null) : Check(value).Select(id => (ExternalId?)id);

    private static string? FindViolation(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return $"{FieldName} is required.";
        }

        if (value.Length > MaxLength)
        {
            return $"{FieldName} must be at most {MaxLength} characters long.";
        }

        if (char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1]))
        {
            return $"{FieldName} must not start or end with white space.";
        }

        if (value.Any(char.IsControl))
        {
            return $"{FieldName} must not contain control characters.";
        }

        return null;
    }
}
