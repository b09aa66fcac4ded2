using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using CustomerService.Domain.Common;
using CustomerService.Domain.Customers.Addresses;
using SimpleBase;

namespace CustomerService.Domain.Customers;

/// <summary>
/// An address validated for its network and kept in that network's normal form: EIP-55 checksum
/// case on EVM networks, lowercase for bech32 Bitcoin addresses, as given otherwise.
/// </summary>
/// <remarks>
/// Base58 is decoded by SimpleBase, whose decoder looks characters up in a table of the 128 ASCII
/// ones and throws, even from its Try method, on any other: only ASCII text is handed to it. Its
/// Base58Check reader is not used: it throws on text too short to hold a checksum.
/// </remarks>
public sealed record BlockchainAddress
{
    public const string FieldName = "address";

    /// <summary>Longer than any address of any supported network; refused before any decoding.</summary>
    private const int MaxLength = 100;

    private const int SolanaKeyLength = 32;
    private const byte P2pkhVersion = 0x00;
    private const byte P2shVersion = 0x05;
    private const string NotASolanaKey = "expected a base58 public key of 32 bytes";
    private const string NotABase58BitcoinAddress = "expected a mainnet P2PKH (1…), P2SH (3…) or bech32 (bc1…) address";

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

    /// <summary>
    /// Reads the network and the address a client sent together: refused for the network when it is
    /// absent or unknown, for the address when it is absent or not valid for that network.
    /// </summary>
    public static Checked<BlockchainAddress> Check(string? networkName, string? value)
    {
        var network = Networks.Check(networkName);
        if (string.IsNullOrEmpty(value))
        {
            return Checked.Refuse<BlockchainAddress>([.. network.Refusals, new Refusal(FieldName, $"{FieldName} is required.")]);
        }

        return network.IsAccepted ? Check(network.Value, value) : Checked.Refuse<BlockchainAddress>(network.Refusals);
    }

    /// <summary>Reads an address for <paramref name="network"/>: refused when it is absent or not valid there.</summary>
    public static Checked<BlockchainAddress> Check(Network network, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return Checked.Refuse<BlockchainAddress>(FieldName, $"{FieldName} is required.");
        }

        var name = EnumNames.NameOf(network);
        if (value.Length > MaxLength)
        {
            return Checked.Refuse<BlockchainAddress>(FieldName, $"{FieldName} is not a valid {name} address: it is longer than {MaxLength} characters.");
        }

        var (normalised, problem) = network switch
        {
            Network.Ethereum or Network.Polygon or Network.Arbitrum or Network.Optimism
                or Network.Base or Network.Avalanche or Network.Bsc => Evm(value),
            Network.Solana => Solana(value),
            Network.Bitcoin => Bitcoin(value),
            _ => (null, "the network is not supported"),
        };

        return problem is null
            ? Checked.Accept(new BlockchainAddress(network, normalised!))
            : Checked.Refuse<BlockchainAddress>(FieldName, $"{FieldName} is not a valid {name} address: {problem}.");
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

    private static (string? Value, string? Problem) Solana(string value)
    {
        if (!Ascii.IsValid(value))
        {
            return (null, NotASolanaKey);
        }

        Span<byte> key = stackalloc byte[Base58.Bitcoin.GetSafeByteCountForDecoding(value)];
        return Base58.Bitcoin.TryDecode(value, key, out var length) && length == SolanaKeyLength
            ? (value, null)
            : (null, NotASolanaKey);
    }

    private static (string? Value, string? Problem) Bitcoin(string value)
    {
        if (value.StartsWith("bc1", StringComparison.OrdinalIgnoreCase))
        {
            return Bech32.FindSegwitViolation(value, "bc") is { } segwitProblem
                ? (null, segwitProblem)
                : (value.ToLowerInvariant(), null);
        }

        if (!Ascii.IsValid(value))
        {
            return (null, NotABase58BitcoinAddress);
        }

        // Base58Check: a version byte (P2PKH 0x00, P2SH 0x05), a 20-byte hash, then the first 4 bytes
        // of the double SHA-256 of those 21.
        Span<byte> payload = stackalloc byte[Base58.Bitcoin.GetSafeByteCountForDecoding(value)];
        if (!Base58.Bitcoin.TryDecode(value, payload, out var length) || length != 25 || payload[0] is not (P2pkhVersion or P2shVersion))
        {
            return (null, NotABase58BitcoinAddress);
        }

        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(payload[..21], hash);
        SHA256.HashData(hash, hash);
        return hash[..4].SequenceEqual(payload.Slice(21, 4))
            ? (value, null)
            : (null, "its Base58Check checksum is wrong");
    }
}
