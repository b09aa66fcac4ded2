using CustomerService.Domain.Common;

namespace CustomerService.Domain.Customers;

/// <summary>
/// An account's optional name, text for people: at most <see cref="MaxLength"/> characters and, like
/// an external id, no control characters. An instance exists only for a value that follows these rules.
/// </summary>
public sealed record AccountLabel
{
    public const string FieldName = "label";
    public const int MaxLength = 100;

    private AccountLabel(string value)
    {
        Value = value;
    }

    public string Value { get; }

    /// <summary>A label the client may leave out (null, accepted as no label).</summary>
    public static Checked<AccountLabel?> CheckOptional(string? value) =>
        value switch
        {
            null => Checked.Accept<AccountLabel?>(null),
            { Length: > MaxLength } => Checked.Refuse<AccountLabel?>(FieldName, $"{FieldName} must be at most {MaxLength} characters long."),
            _ when value.Any(char.IsControl) => Checked.Refuse<AccountLabel?>(FieldName, $"{FieldName} must not contain control characters."),
            _ => Checked.Accept<AccountLabel?>(new AccountLabel(value)),
        };
}
