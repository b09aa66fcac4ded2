using CustomerService.Domain.Customers;

namespace CustomerService.Domain.UnitTests.BlockchainAddresses;

public sealed class BitcoinAddressTests
{
    [TestCase("1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2", TestName = "P2PKH")]
    [TestCase("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa", TestName = "P2PKH_genesis")]
    [TestCase("3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy", TestName = "P2SH")]
    public void Base58Check_address_is_accepted_as_is(string address)
    {
        Assert.That(BlockchainAddress.Check(Network.Bitcoin, address).Value.Value, Is.EqualTo(address));
    }

    [TestCase("1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN3", TestName = "P2PKH_last_character_changed")]
    [TestCase("1BvBMSEYstWetqTFn5Au4m4GFg7xJaNvN2", TestName = "P2PKH_case_changed")]
    [TestCase("3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLz", TestName = "P2SH_last_character_changed")]
    [TestCase("mipcBbFg9gMiCh81Kj8tqqdgoZub1ZJRfn", TestName = "Testnet_P2PKH")]
    [TestCase("2MzQwSSnBHWHqSAqtTVQ6v47XtaisrJa1Vc", TestName = "Testnet_P2SH")]
    [TestCase("1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN", TestName = "Truncated")]
    public void Corrupted_or_testnet_base58_address_is_refused(string address)
    {
        Assert.That(RefusalOf(Network.Bitcoin, address), Does.StartWith("address is not a valid bitcoin address"));
    }

    [TestCase("1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN3", "its Base58Check checksum is wrong")]
    [TestCase("3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLz", "its Base58Check checksum is wrong")]
    [TestCase("mipcBbFg9gMiCh81Kj8tqqdgoZub1ZJRfn", "expected a mainnet P2PKH (1…), P2SH (3…) or bech32 (bc1…) address")]
    [TestCase("1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN", "its Base58Check checksum is wrong")]
    [TestCase("1", "expected a mainnet P2PKH (1…), P2SH (3…) or bech32 (bc1…) address")]
    [TestCase("zz", "expected a mainnet P2PKH (1…), P2SH (3…) or bech32 (bc1…) address")]
    [TestCase("1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVNé", "expected a mainnet P2PKH (1…), P2SH (3…) or bech32 (bc1…) address")]
    [TestCase("1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN0", "expected a mainnet P2PKH (1…), P2SH (3…) or bech32 (bc1…) address")]
    public void Refused_base58_address_says_whether_only_its_checksum_is_wrong(string address, string problem)
    {
        Assert.That(RefusalOf(Network.Bitcoin, address), Is.EqualTo($"address is not a valid bitcoin address: {problem}."));
    }

    // BIP-350 "Valid segwit addresses" (mainnet), which include BIP-173's v0 cases.
    [TestCase("BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4", TestName = "V0_P2WPKH_upper_case")]
    [TestCase("bc1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3qccfmv3", TestName = "V0_P2WSH")]
    [TestCase("bc1pw508d6qejxtdg4y5r3zarvary0c5xw7kw508d6qejxtdg4y5r3zarvary0c5xw7kt5nd6y", TestName = "V1_40_byte_program")]
    [TestCase("BC1SW50QGDZ25J", TestName = "V16_2_byte_program")]
    [TestCase("bc1zw508d6qejxtdg4y5r3zarvaryvaxxpcs", TestName = "V2_16_byte_program")]
    [TestCase("bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0", TestName = "V1_taproot")]
    public void Valid_segwit_address_is_accepted_and_returned_lowercase(string address)
    {
        Assert.That(BlockchainAddress.Check(Network.Bitcoin, address).Value.Value, Is.EqualTo(address.ToLowerInvariant()));
    }

    // BIP-350 "Invalid segwit addresses" (mainnet), plus BIP-173 mixed case and testnet.
    [TestCase("bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqh2y7hd", TestName = "V1_encoded_with_bech32")]
    [TestCase("BC1S0XLXVLHEMJA6C4DQV22UAPCTQUPFHLXM9H8Z3K2E72Q4K9HCZ7VQ54WELL", TestName = "V16_encoded_with_bech32")]
    [TestCase("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kemeawh", TestName = "V0_encoded_with_bech32m")]
    [TestCase("bc1rw5uspcuh", TestName = "Program_of_1_byte")]
    [TestCase("bc10w508d6qejxtdg4y5r3zarvary0c5xw7kw508d6qejxtdg4y5r3zarvary0c5xw7kw5rljs90", TestName = "Program_of_41_bytes")]
    [TestCase("BC1QR508D6QEJXTDG4Y5R3ZARVARYV98GJ9P", TestName = "V0_program_of_16_bytes")]
    [TestCase("bc1p38j9r5y49hruaue7wxjce0updqjuyyx0kh56v8s25huc6995vvpql3jow4", TestName = "Character_outside_the_alphabet")]
    [TestCase("bc1gmk9yu", TestName = "Empty_data")]
    [TestCase("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5", TestName = "Bad_checksum")]
    [TestCase("bc1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4", TestName = "Mixed_case")]
    [TestCase("tb1qw508d6qejxtdg4y5r3zarvary0c5xw7kxpjzsx", TestName = "Testnet")]
    public void Invalid_segwit_address_is_refused(string address)
    {
        Assert.That(RefusalOf(Network.Bitcoin, address), Does.StartWith("address is not a valid bitcoin address"));
    }

    /// <summary>The one refusal of <paramref name="address"/> on <paramref name="network"/>, or null when it is accepted.</summary>
    private static string? RefusalOf(Network network, string? address) =>
        BlockchainAddress.Check(network, address).Refusals.SingleOrDefault()?.Message;
}
