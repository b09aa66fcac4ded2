namespace CustomerService.Domain.Customers;

/// <summary>
/// A blockchain account registered to a customer; part of the <see cref="Customer"/> aggregate,
/// which is the only way to create one.
/// </summary>
public sealed class Account
{
    /// <summary>The longest label, as storage and documentation state it: <see cref="AccountLabel.MaxLength"/>.</summary>
    public const int MaxLabelLength = AccountLabel.MaxLength;

    private Account()
    {
        Address = string.Empty;
    }

    public Guid Id { get; private set; }

    public Network Network { get; private set; }

    /// <summary>The address in its network's normal form (EIP-55 checksum case, lowercase bech32).</summary>
    public string Address { get; private set; }

    public string? Label { get; private set; }

    public DateTime CreatedAt { get; private set; }

    internal static Account Create(BlockchainAddress address, AccountLabel? label, DateTime now) =>
        new()
        {
            Id = Guid.CreateVersion7(now),
            Network = address.Network,
            Address = address.Value,
            Label = label?.Value,
            CreatedAt = now,
        };
}
