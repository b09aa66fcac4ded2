namespace CustomerService.Domain.Customers.Addresses;

/// <summary>Base58 with the Bitcoin alphabet (no 0, O, I or l), as Solana and Bitcoin use it.</summary>
internal static class Base58
{
    private const string Alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

    private static readonly sbyte[] DigitValues = BuildDigitValues();

    /// <summary>Decodes <paramref name="text"/>; false when it holds a character outside the alphabet.</summary>
    public static bool TryDecode(string text, out byte[] bytes)
    {
        bytes = [];
        var leadingZeros = 0;
        while (leadingZeros < text.Length && text[leadingZeros] == '1')
        {
            leadingZeros++;
        }

        // Base-256 digits of the number, least significant first; 733/1000 > log(58)/log(256).
        var number = new byte[(text.Length * 733 / 1000) + 1];
        var length = 0;
        foreach (var character in text)
        {
            var digit = character < 128 ? DigitValues[character] : -1;
            if (digit < 0)
            {
                return false;
            }

            var carry = digit;
            for (var i = 0; i < length; i++)
            {
                carry += number[i] * 58;
                number[i] = (byte)carry;
                carry >>= 8;
            }

            while (carry > 0)
            {
                number[length++] = (byte)carry;
                carry >>= 8;
            }
        }

        bytes = new byte[leadingZeros + length];
        for (var i = 0; i < length; i++)
        {
            bytes[^(i + 1)] = number[i];
        }

        return true;
    }

    private static sbyte[] BuildDigitValues()
    {
        var values = new sbyte[128];
        Array.Fill(values, (sbyte)-1);
        for (var i = 0; i < Alphabet.Length; i++)
        {
            values[Alphabet[i]] = (sbyte)i;
        }

        return values;
    }
}
