using System.Buffers;
using System.Security.Cryptography;
using CustomerService.Domain.Common;
using CustomerService.Domain.Customers.Addresses;

namespace CustomerService.Domain.Customers;

/// <summary>
/// An address validated for its network and kept in that network's normal form: EIP-55 checksum
/// case on EVM networks, lowercase for bech32 Bitcoin addresses, as given otherwise.
/// </summary>
public sealed record BlockchainAddress
{
    public const string FieldName = "address";

    /// <summary>Longer than any address of any supported network; refused before any decoding.</summary>
    private const int MaxLength = 100;

    private static readonly SearchValues<char> HexDigits = SearchValues.Create("0123456789abcdefABCDEF");
    private static readonly SearchValues<char> UpperHexLetters = SearchValues.Create("ABCDEF");
    private static readonly SearchValues<char> LowerHexLetters = SearchValues.Create("abcdef");

    private BlockchainAddress(Network network, string value)
    {
        Network = network;
        Value = value;
    }

    public Network Network { get; }

    public string Value { get; }

    public static BlockchainAddress Parse(Network network, string? value) =>
        TryParse(network, value, out var address, out var error)
            ? address!
            : throw new DomainValidationException(FieldName, error!);

    public static bool TryParse(Network network, string? value, out BlockchainAddress? address, out string? error)
    {
        address = null;
        if (string.IsNullOrEmpty(value))
        {
            error = "address is required.";
            return false;
        }

        var name = network.ToString().ToLowerInvariant();
        if (value.Length > MaxLength)
        {
            error = $"address is not a valid {name} address: it is longer than {MaxLength} characters.";
            return false;
        }

        var (normalised, problem) = network switch
        {
            Network.Ethereum or Network.Polygon or Network.Arbitrum or Network.Optimism
                or Network.Base or Network.Avalanche or Network.Bsc => Evm(value),
            Network.Solana => Solana(value),
            Network.Bitcoin => Bitcoin(value),
            _ => (null, "the network is not supported"),
        };

        if (problem is not null)
        {
            error = $"address is not a valid {name} address: {problem}.";
            return false;
        }

        error = null;
        address = new BlockchainAddress(network, normalised!);
        return true;
    }

    public override string ToString() => Value;

    private static (string? Value, string? Problem) Evm(string value)
    {
        if (value.Length != 42 || !value.StartsWith("0x", StringComparison.Ordinal) || value.AsSpan(2).ContainsAnyExcept(HexDigits))
        {
            return (null, "expected 0x followed by 40 hexadecimal digits");
        }

        var checksummed = Eip55.ToChecksumForm(value);
        var digits = value.AsSpan(2);
        var singleCase = !digits.ContainsAny(UpperHexLetters) || !digits.ContainsAny(LowerHexLetters);
        return singleCase || value == checksummed
            ? (checksummed, null)
            : (null, "its mixed-case EIP-55 checksum is wrong");
    }

    private static (string? Value, string? Problem) Solana(string value) =>
        Base58.TryDecode(value, out var key) && key.Length == 32
            ? (value, null)
            : (null, "expected a base58 public key of 32 bytes");

    private static (string? Value, string? Problem) Bitcoin(string value)
    {
        if (value.StartsWith("bc1", StringComparison.OrdinalIgnoreCase))
        {
            return Bech32.FindSegwitViolation(value, "bc") is { } segwitProblem
                ? (null, segwitProblem)
                : (value.ToLowerInvariant(), null);
        }

        if (!Base58.TryDecode(value, out var payload) || payload.Length != 25 || payload[0] is not (0x00 or 0x05))
        {
            return (null, "expected a mainnet P2PKH (1…), P2SH (3…) or bech32 (bc1…) address");
        }

        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(payload.AsSpan(0, 21), hash);
        SHA256.HashData(hash, hash);
        return hash[..4].SequenceEqual(payload.AsSpan(21, 4))
            ? (value, null)
            : (null, "its Base58Check checksum is wrong");
    }
}
