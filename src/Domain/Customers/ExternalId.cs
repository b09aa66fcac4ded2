namespace CustomerService.Domain.Customers;

/// <summary>The rules an external customer identifier must satisfy.</summary>
public static class ExternalId
{
    public const string FieldName = "externalId";
    public const int MaxLength = 255;

    /// <summary>Returns why <paramref name="value"/> is not a valid external id, or null when it is.</summary>
    public static string? FindViolation(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "externalId is required.";
        }

        if (value.Length > MaxLength)
        {
            return $"externalId must be at most {MaxLength} characters long.";
        }

        if (char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1]))
        {
            return "externalId must not start or end with white space.";
        }

        if (value.Any(char.IsControl))
        {
            return "externalId must not contain control characters.";
        }

        return null;
    }
}
