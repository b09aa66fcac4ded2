namespace CustomerService.Application.Customers.AddAccount;

/// <summary>The <c>Limits</c> section, as far as accounts go (docs/contract.md, section 10).</summary>
public sealed class AccountLimitOptions
{
    public const string SectionName = "Limits";

    /// <summary>The most accounts one customer may hold; the one over it is refused.</summary>
    public int AccountsPerCustomer { get; set; } = 1000;
}
