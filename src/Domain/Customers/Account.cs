namespace CustomerService.Domain.Customers;

/// <summary>A blockchain account registered to a customer; part of the <see cref="Customer"/> aggregate.</summary>
public sealed class Account
{
    private Account()
    {
        Address = string.Empty;
    }

    public Guid Id { get; private set; }

    public Network Network { get; private set; }

    public string Address { get; private set; }

    public string? Label { get; private set; }

    public DateTime CreatedAt { get; private set; }
}
