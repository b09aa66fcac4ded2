using System.Text;
using Org.BouncyCastle.Crypto.Digests;

namespace CustomerService.Domain.Customers.Addresses;

/// <summary>
/// EIP-55 mixed-case checksum: a hex letter is upper case when the matching nibble of the
/// Keccak-256 hash of the lowercase address is 8 or more.
/// </summary>
internal static class Eip55
{
    /// <summary>The checksum form of a <c>0x</c>-prefixed, 40-hex-digit address.</summary>
    public static string ToChecksumForm(string address)
    {
        var lower = address[2..].ToLowerInvariant();
        var digest = new KeccakDigest(256);
        var input = Encoding.ASCII.GetBytes(lower);
        digest.BlockUpdate(input, 0, input.Length);
        var hash = new byte[digest.GetDigestSize()];
        digest.DoFinal(hash, 0);

        var result = new StringBuilder("0x", 42);
        for (var i = 0; i < lower.Length; i++)
        {
            var nibble = (i % 2 == 0 ? hash[i / 2] >> 4 : hash[i / 2]) & 0xf;
            result.Append(nibble >= 8 ? char.ToUpperInvariant(lower[i]) : lower[i]);
        }

        return result.ToString();
    }
}
