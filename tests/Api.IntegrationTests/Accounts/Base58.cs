using System.Numerics;
using System.Text;

namespace CustomerService.Api.IntegrationTests.Accounts;

/// <summary>A plain base58 (Bitcoin alphabet) encoder, independent of the service's, to make test keys.</summary>
internal static class Base58
{
    private const string Alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

    public static string Encode(byte[] bytes)
    {
        var value = new BigInteger(bytes, isUnsigned: true, isBigEndian: true);
        var digits = new StringBuilder();
        while (value > 0)
        {
            digits.Insert(0, Alphabet[(int)(value % 58)]);
            value /= 58;
        }

        foreach (var b in bytes)
        {
            if (b != 0)
            {
                break;
            }

            digits.Insert(0, '1');
        }

        return digits.ToString();
    }
}
