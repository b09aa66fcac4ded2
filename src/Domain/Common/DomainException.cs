namespace CustomerService.Domain.Common;

/// <summary>A business rule of the domain was broken.</summary>
public abstract class DomainException : Exception
{
    protected DomainException(string message)
        : base(message)
    {
    }
}
