using CustomerService.Domain.Common;

namespace CustomerService.Domain.Customers;

/// <summary>
/// A blockchain account registered to a customer; part of the <see cref="Customer"/> aggregate,
/// which is the only way to create one.
/// </summary>
public sealed class Account
{
    public const int MaxLabelLength = 100;

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

    internal static Account Create(BlockchainAddress address, string? label, DateTime now)
    {
        if (FindLabelViolation(label) is { } violation)
        {
            throw new DomainValidationException("label", violation);
        }

        return new Account
        {
            Id = Guid.CreateVersion7(now),
            Network = address.Network,
            Address = address.Value,
            Label = label,
            CreatedAt = now,
        };
    }

    /// <summary>
    /// Returns why <paramref name="label"/> is not acceptable, or null when it is (absent is fine).
    /// A label is text for people: like an external id, it holds no control characters.
    /// </summary>
    public static string? FindLabelViolation(string? label) =>
        label switch
        {
            { Length: > MaxLabelLength } => $"label must be at most {MaxLabelLength} characters long.",
            not null when label.Any(char.IsControl) => "label must not contain control characters.",
            _ => null,
        };
}
