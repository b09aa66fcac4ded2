using System.Numerics;
using System.Text;
using CustomerService.Domain.Customers;

namespace CustomerService.Domain.UnitTests.BlockchainAddresses;

public sealed class SolanaAddressTests
{
    [TestCase("11111111111111111111111111111111", TestName = "System_program")]
    [TestCase("TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA", TestName = "Token_program")]
    public void Well_known_program_key_is_accepted_as_is(string key)
    {
        Assert.That(BlockchainAddress.Check(Network.Solana, key).Value.Value, Is.EqualTo(key));
    }

    [TestCase(31, false)]
    [TestCase(32, true)]
    [TestCase(33, false)]
    public void Only_a_32_byte_key_is_accepted(int length, bool accepted)
    {
        var key = new byte[length];
        for (var i = 0; i < length; i++)
        {
            key[i] = (byte)(i * 7 + 1);
        }

        Assert.That(BlockchainAddress.Check(Network.Solana, Encode(key)).IsAccepted, Is.EqualTo(accepted));
    }

    [TestCase("0OIl1111111111111111111111111111", TestName = "Characters_outside_the_alphabet")]
    [TestCase("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", TestName = "Evm_address")]
    [TestCase("TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5D√", TestName = "Non_ascii_character")]
    public void Non_base58_key_is_refused(string key)
    {
        Assert.That(RefusalOf(Network.Solana, key), Does.StartWith("address is not a valid solana address"));
    }

    /// <summary>An independent base58 encoder (big-integer arithmetic) so the test does not trust the code under test.</summary>
    private static string Encode(byte[] bytes)
    {
        const string alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
        var value = new BigInteger(bytes, isUnsigned: true, isBigEndian: true);
        var text = new StringBuilder();
        while (value > 0)
        {
            text.Insert(0, alphabet[(int)(value % 58)]);
            value /= 58;
        }

        return new string('1', bytes.TakeWhile(b => b == 0).Count()) + text;
    }

    /// <summary>The one refusal of <paramref name="address"/> on <paramref name="network"/>, or null when it is accepted.</summary>
    private static string? RefusalOf(Network network, string? address) =>
        BlockchainAddress.Check(network, address).Refusals.SingleOrDefault()?.Message;
}
