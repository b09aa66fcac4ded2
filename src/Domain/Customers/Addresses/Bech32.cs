namespace CustomerService.Domain.Customers.Addresses;

/// <summary>
/// Segregated-witness addresses: bech32 (BIP-173) for witness version 0 and bech32m (BIP-350) for
/// versions 1 to 16.
/// </summary>
internal static class Bech32
{
    private const string Charset = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
    private const int MaxLength = 90;
    private const int ChecksumLength = 6;
    private const uint Bech32Constant = 1;
    private const uint Bech32mConstant = 0x2bc830a3;

    /// <summary>
    /// Decodes a segwit address for <paramref name="humanReadablePart"/>; returns why it is not one,
    /// or null when it is.
    /// </summary>
    public static string? FindSegwitViolation(string address, string humanReadablePart)
    {
        // At least one data value, the witness version, before the checksum.
        if (FindViolation(address, humanReadablePart, minDataValues: 1, out var decoded) is { } problem)
        {
            return problem;
        }

        var witnessVersion = decoded!.Data[0];
        if (witnessVersion > 16)
        {
            return "its witness version is not between 0 and 16";
        }

        var expected = witnessVersion == 0 ? Bech32Encoding.Bech32 : Bech32Encoding.Bech32m;
        if (decoded.Encoding != expected)
        {
            return decoded.Encoding is null
                ? "its checksum is wrong"
                : $"witness version {witnessVersion} must be encoded with {(witnessVersion == 0 ? "bech32" : "bech32m")}";
        }

        if (!TryConvertToBytes(decoded.Data.AsSpan(1), out var program))
        {
            return "its data is not whole bytes";
        }

        return (witnessVersion, program.Length) switch
        {
            (0, not (20 or 32)) => "a version 0 witness program must be 20 or 32 bytes",
            (_, < 2 or > 40) => "a witness program must be 2 to 40 bytes",
            _ => null,
        };
    }

    /// <summary>
    /// Reads a bech32 or bech32m string: its data values without the checksum, and which of the two
    /// checksums it carries (null when it carries neither). Returns why the text is not such a
    /// string, or null when it is.
    /// </summary>
    /// <param name="text">The string.</param>
    /// <param name="humanReadablePart">When set, the prefix the string must have, checked before its data is read.</param>
    /// <param name="minDataValues">How many data values, besides the checksum, the string must hold at least.</param>
    /// <param name="decoded">The string's parts, when it is one.</param>
    public static string? FindViolation(string text, string? humanReadablePart, int minDataValues, out Bech32String? decoded)
    {
        decoded = null;
        if (text.Length > MaxLength)
        {
            return "it is longer than 90 characters";
        }

        var hasLower = text.Any(char.IsAsciiLetterLower);
        var hasUpper = text.Any(char.IsAsciiLetterUpper);
        if (hasLower && hasUpper)
        {
            return "it mixes upper and lower case";
        }

        var lower = text.ToLowerInvariant();
        var separator = lower.LastIndexOf('1');
        if (separator < 1 || lower.Length - separator - 1 < ChecksumLength + minDataValues)
        {
            return "it has no data part";
        }

        var prefix = lower[..separator];
        if (humanReadablePart is not null && prefix != humanReadablePart)
        {
            return $"it is not a mainnet address (prefix {humanReadablePart}1)";
        }

        if (prefix.Any(character => character is < '!' or > '~'))
        {
            return "its human-readable part has a character outside US-ASCII 33 to 126";
        }

        var values = new byte[lower.Length - separator - 1];
        for (var i = 0; i < values.Length; i++)
        {
            var value = Charset.IndexOf(lower[separator + 1 + i], StringComparison.Ordinal);
            if (value < 0)
            {
                return "it contains a character outside the bech32 alphabet";
            }

            values[i] = (byte)value;
        }

        Bech32Encoding? encoding = Polymod(prefix, values) switch
        {
            Bech32Constant => Bech32Encoding.Bech32,
            Bech32mConstant => Bech32Encoding.Bech32m,
            _ => null,
        };
        decoded = new Bech32String(values[..^ChecksumLength], encoding);
        return null;
    }

    private static uint Polymod(string humanReadablePart, byte[] data)
    {
        uint checksum = 1;
        foreach (var character in humanReadablePart)
        {
            checksum = Step(checksum, (byte)(character >> 5));
        }

        checksum = Step(checksum, 0);
        foreach (var character in humanReadablePart)
        {
            checksum = Step(checksum, (byte)(character & 31));
        }

        foreach (var value in data)
        {
            checksum = Step(checksum, value);
        }

        return checksum;
    }

    private static uint Step(uint checksum, byte value)
    {
        ReadOnlySpan<uint> generator = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];
        var top = checksum >> 25;
        checksum = ((checksum & 0x1ffffff) << 5) ^ value;
        for (var i = 0; i < generator.Length; i++)
        {
            if (((top >> i) & 1) != 0)
            {
                checksum ^= generator[i];
            }
        }

        return checksum;
    }

    /// <summary>Regroups 5-bit values into bytes; padding must be fewer than 5 zero bits.</summary>
    private static bool TryConvertToBytes(ReadOnlySpan<byte> fiveBitGroups, out byte[] bytes)
    {
        var result = new List<byte>(fiveBitGroups.Length * 5 / 8);
        var accumulator = 0;
        var bits = 0;
        foreach (var value in fiveBitGroups)
        {
            accumulator = (accumulator << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                result.Add((byte)((accumulator >> bits) & 0xff));
            }
        }

        bytes = [.. result];
        return bits < 5 && (accumulator & ((1 << bits) - 1)) == 0;
    }
}

/// <summary>Which checksum a bech32 string carries: bech32 (BIP-173) or bech32m (BIP-350).</summary>
internal enum Bech32Encoding
{
    Bech32,
    Bech32m,
}

/// <summary>What a bech32 string holds after its human-readable part: the data values, and the checksum it carries.</summary>
internal sealed record Bech32String(byte[] Data, Bech32Encoding? Encoding);
