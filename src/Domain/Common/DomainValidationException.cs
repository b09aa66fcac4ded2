namespace CustomerService.Domain.Common;

/// <summary>A value handed to the domain is not acceptable for the named field.</summary>
public sealed class DomainValidationException : DomainException
{
    public DomainValidationException(string field, string message)
        : base(message)
    {
        Field = field;
    }

    public string Field { get; }
}
