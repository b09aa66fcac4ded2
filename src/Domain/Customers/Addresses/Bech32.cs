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
        if (address.Length > MaxLength)
        {
            return "it is longer than 90 characters";
        }

        var hasLower = address.Any(char.IsAsciiLetterLower);
        var hasUpper = address.Any(char.IsAsciiLetterUpper);
        if (hasLower && hasUpper)
        {
            return "it mixes upper and lower case";
        }

        var text = address.ToLowerInvariant();
        var separator = text.LastIndexOf('1');
        if (separator < 1 || text.Length - separator - 1 < ChecksumLength + 1)
        {
            return "it has no data part";
        }

        if (!text.AsSpan(0, separator).SequenceEqual(humanReadablePart))
        {
            return $"it is not a mainnet address (prefix {humanReadablePart}1)";
        }

        var data = new byte[text.Length - separator - 1];
        for (var i = 0; i < data.Length; i++)
        {
            var value = Charset.IndexOf(text[separator + 1 + i], StringComparison.Ordinal);
            if (value < 0)
            {
                return "it contains a character outside the bech32 alphabet";
            }

            data[i] = (byte)value;
        }

        var constant = Polymod(humanReadablePart, data);
        var witnessVersion = data[0];
        if (witnessVersion > 16)
        {
            return "its witness version is not between 0 and 16";
        }

        var expected = witnessVersion == 0 ? Bech32Constant : Bech32mConstant;
        if (constant != expected)
        {
            return constant is Bech32Constant or Bech32mConstant
                ? $"witness version {witnessVersion} must be encoded with {(witnessVersion == 0 ? "bech32" : "bech32m")}"
                : "its checksum is wrong";
        }

        if (!TryConvertToBytes(data.AsSpan(1, data.Length - 1 - ChecksumLength), out var program))
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
