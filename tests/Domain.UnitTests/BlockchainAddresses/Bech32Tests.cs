using CustomerService.Domain.Customers.Addresses;

namespace CustomerService.Domain.UnitTests.BlockchainAddresses;

/// <summary>The official test vectors of BIP-173 (bech32) and BIP-350 (bech32m), as the BIPs list them.</summary>
public sealed class Bech32Tests
{
    // BIP-173, "The following strings are valid Bech32".
    [TestCase("A12UEL5L")]
    [TestCase("a12uel5l")]
    [TestCase("an83characterlonghumanreadablepartthatcontainsthenumber1andtheexcludedcharactersbio1tt5tgs")]
    [TestCase("abcdef1qpzry9x8gf2tvdw0s3jn54khce6mua7lmqqqxw")]
    [TestCase("11qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqc8247j")]
    [TestCase("split1checkupstagehandshakeupstreamerranterredcaperred2y9e3w")]
    [TestCase("?1ezyfcl")]
    public void Valid_bech32_string_is_read_with_the_bech32_checksum(string text)
    {
        Assert.That(EncodingOf(text), Is.EqualTo(Bech32Encoding.Bech32));
    }

    // BIP-350, "The following strings are valid Bech32m".
    [TestCase("A1LQFN3A")]
    [TestCase("a1lqfn3a")]
    [TestCase("an83characterlonghumanreadablepartthatcontainsthetheexcludedcharactersbioandnumber11sg7hg6")]
    [TestCase("abcdef1l7aum6echk45nj3s0wdvt2fg8x9yrzpqzd3ryx")]
    [TestCase("11llllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllludsr8")]
    [TestCase("split1checkupstagehandshakeupstreamerranterredcaperredlc445v")]
    [TestCase("?1v759aa")]
    public void Valid_bech32m_string_is_read_with_the_bech32m_checksum(string text)
    {
        Assert.That(EncodingOf(text), Is.EqualTo(Bech32Encoding.Bech32m));
    }

    // BIP-173, "The following string are not valid Bech32".
    [TestCase(" 1nwldj5", TestName = "Bech32_HRP_character_0x20")]
    [TestCase("\u007f1axkwrx", TestName = "Bech32_HRP_character_0x7F")]
    [TestCase("\u00801eym55h", TestName = "Bech32_HRP_character_0x80")]
    [TestCase("an84characterslonghumanreadablepartthatcontainsthenumber1andtheexcludedcharactersbio1569pvx", TestName = "Bech32_overall_max_length_exceeded")]
    [TestCase("pzry9x0s0muk", TestName = "Bech32_no_separator_character")]
    [TestCase("1pzry9x0s0muk", TestName = "Bech32_empty_HRP")]
    [TestCase("x1b4n0q5v", TestName = "Bech32_invalid_data_character")]
    [TestCase("li1dgmt3", TestName = "Bech32_too_short_checksum")]
    [TestCase("de1lg7wt\u00ff", TestName = "Bech32_invalid_character_in_checksum")]
    [TestCase("A1G7SGD8", TestName = "Bech32_checksum_calculated_with_uppercase_HRP")]
    [TestCase("10a06t8", TestName = "Bech32_empty_HRP_before_data")]
    [TestCase("1qzzfhee", TestName = "Bech32_empty_HRP_before_checksum")]
    // BIP-350, "The following string are not valid Bech32m".
    [TestCase(" 1xj0phk", TestName = "Bech32m_HRP_character_0x20")]
    [TestCase("\u007f1g6xzxy", TestName = "Bech32m_HRP_character_0x7F")]
    [TestCase("\u00801vctc34", TestName = "Bech32m_HRP_character_0x80")]
    [TestCase("an84characterslonghumanreadablepartthatcontainsthetheexcludedcharactersbioandnumber11d6pts4", TestName = "Bech32m_overall_max_length_exceeded")]
    [TestCase("qyrz8wqd2c9m", TestName = "Bech32m_no_separator_character")]
    [TestCase("1qyrz8wqd2c9m", TestName = "Bech32m_empty_HRP")]
    [TestCase("y1b0jsk6g", TestName = "Bech32m_invalid_data_character_b")]
    [TestCase("lt1igcx5c0", TestName = "Bech32m_invalid_data_character_i")]
    [TestCase("in1muywd", TestName = "Bech32m_too_short_checksum")]
    [TestCase("mm1crxm3i", TestName = "Bech32m_invalid_character_in_checksum_i")]
    [TestCase("au1s5cgom", TestName = "Bech32m_invalid_character_in_checksum_o")]
    [TestCase("M1VUXWEZ", TestName = "Bech32m_checksum_calculated_with_uppercase_HRP")]
    [TestCase("16plkw9", TestName = "Bech32m_empty_HRP_before_data")]
    [TestCase("1p2gdwpf", TestName = "Bech32m_empty_HRP_before_checksum")]
    public void Invalid_string_is_neither_bech32_nor_bech32m(string text)
    {
        Assert.That(EncodingOf(text), Is.Null);
    }

    // BIP-350, "valid segwit addresses", with the scriptPubKey each translates to (BIP-173's v0 ones among them).
    [TestCase("BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4", "0014751e76e8199196d454941c45d1b3a323f1433bd6")]
    [TestCase("tb1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3q0sl5k7", "00201863143c14c5166804bd19203356da136c985678cd4d27a1b8c6329604903262")]
    [TestCase("bc1pw508d6qejxtdg4y5r3zarvary0c5xw7kw508d6qejxtdg4y5r3zarvary0c5xw7kt5nd6y", "5128751e76e8199196d454941c45d1b3a323f1433bd6751e76e8199196d454941c45d1b3a323f1433bd6")]
    [TestCase("BC1SW50QGDZ25J", "6002751e")]
    [TestCase("bc1zw508d6qejxtdg4y5r3zarvaryvaxxpcs", "5210751e76e8199196d454941c45d1b3a323")]
    [TestCase("tb1qqqqqp399et2xygdj5xreqhjjvcmzhxw4aywxecjdzew6hylgvsesrxh6hy", "0020000000c4a5cad46221b2a187905e5266362b99d5e91c6ce24d165dab93e86433")]
    [TestCase("tb1pqqqqp399et2xygdj5xreqhjjvcmzhxw4aywxecjdzew6hylgvsesf3hn0c", "5120000000c4a5cad46221b2a187905e5266362b99d5e91c6ce24d165dab93e86433")]
    [TestCase("bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0", "512079be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798")]
    public void Valid_segwit_address_is_accepted_for_its_prefix_and_carries_its_witness_program(string address, string scriptPubKey)
    {
        var prefix = address[..address.LastIndexOf('1')].ToLowerInvariant();

        Assert.Multiple(() =>
        {
            Assert.That(Bech32.FindSegwitViolation(address, prefix), Is.Null);
            Assert.That(ScriptPubKeyOf(address), Is.EqualTo(scriptPubKey));
        });
    }

    // BIP-350, "invalid segwit addresses", then BIP-173's; neither mainnet (bc) nor testnet (tb) takes any.
    [TestCase("tc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vq5zuyut", TestName = "Bip350_invalid_human_readable_part")]
    [TestCase("bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqh2y7hd", TestName = "Bip350_v1_with_bech32_checksum")]
    [TestCase("tb1z0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqglt7rf", TestName = "Bip350_v2_with_bech32_checksum")]
    [TestCase("BC1S0XLXVLHEMJA6C4DQV22UAPCTQUPFHLXM9H8Z3K2E72Q4K9HCZ7VQ54WELL", TestName = "Bip350_v16_with_bech32_checksum")]
    [TestCase("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kemeawh", TestName = "Bip350_v0_with_bech32m_checksum")]
    [TestCase("tb1q0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vq24jc47", TestName = "Bip350_v0_testnet_with_bech32m_checksum")]
    [TestCase("bc1p38j9r5y49hruaue7wxjce0updqjuyyx0kh56v8s25huc6995vvpql3jow4", TestName = "Bip350_invalid_character_in_checksum")]
    [TestCase("BC130XLXVLHEMJA6C4DQV22UAPCTQUPFHLXM9H8Z3K2E72Q4K9HCZ7VQ7ZWS8R", TestName = "Bip350_invalid_witness_version")]
    [TestCase("bc1pw5dgrnzv", TestName = "Bip350_program_of_1_byte")]
    [TestCase("bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7v8n0nx0muaewav253zgeav", TestName = "Bip350_program_of_41_bytes")]
    [TestCase("BC1QR508D6QEJXTDG4Y5R3ZARVARYV98GJ9P", TestName = "Bip350_v0_program_of_16_bytes")]
    [TestCase("tb1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vq47Zagq", TestName = "Bip350_mixed_case")]
    [TestCase("bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7v07qwwzcrf", TestName = "Bip350_zero_padding_of_more_than_4_bits")]
    [TestCase("tb1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vpggkg4j", TestName = "Bip350_non_zero_padding")]
    [TestCase("bc1gmk9yu", TestName = "Bip350_empty_data_section")]
    [TestCase("tc1qw508d6qejxtdg4y5r3zarvary0c5xw7kg3g4ty", TestName = "Bip173_invalid_human_readable_part")]
    [TestCase("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5", TestName = "Bip173_invalid_checksum")]
    [TestCase("BC13W508D6QEJXTDG4Y5R3ZARVARY0C5XW7KN40WF2", TestName = "Bip173_invalid_witness_version")]
    [TestCase("bc1rw5uspcuh", TestName = "Bip173_program_of_1_byte")]
    [TestCase("bc10w508d6qejxtdg4y5r3zarvary0c5xw7kw508d6qejxtdg4y5r3zarvary0c5xw7kw5rljs90", TestName = "Bip173_program_of_41_bytes")]
    [TestCase("tb1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3q0sL5k7", TestName = "Bip173_mixed_case")]
    [TestCase("bc1zw508d6qejxtdg4y5r3zarvaryvqyzf3du", TestName = "Bip173_zero_padding_of_more_than_4_bits")]
    [TestCase("tb1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3pjxtptv", TestName = "Bip173_non_zero_padding")]
    // BIP-173's examples of v1 to v16 addresses, written with bech32 before BIP-350 moved them to bech32m.
    [TestCase("bc1pw508d6qejxtdg4y5r3zarvary0c5xw7kw508d6qejxtdg4y5r3zarvary0c5xw7k7grplx", TestName = "Bip173_v1_example_now_needs_bech32m")]
    [TestCase("BC1SW50QA3JX3S", TestName = "Bip173_v16_example_now_needs_bech32m")]
    [TestCase("bc1zw508d6qejxtdg4y5r3zarvaryvg6kdaj", TestName = "Bip173_v2_example_now_needs_bech32m")]
    public void Invalid_segwit_address_is_refused_on_mainnet_and_testnet(string address)
    {
        Assert.Multiple(() =>
        {
            Assert.That(Bech32.FindSegwitViolation(address, "bc"), Is.Not.Null);
            Assert.That(Bech32.FindSegwitViolation(address, "tb"), Is.Not.Null);
        });
    }

    private static Bech32Encoding? EncodingOf(string text) =>
        Bech32.FindViolation(text, humanReadablePart: null, minDataValues: 0, out var decoded) is null ? decoded!.Encoding : null;

    /// <summary>The scriptPubKey BIP-173 gives for a segwit address: OP_n, the program's length, the program.</summary>
    private static string ScriptPubKeyOf(string address)
    {
        Bech32.FindViolation(address, humanReadablePart: null, minDataValues: 1, out var decoded);
        var version = decoded!.Data[0];
        var program = FromFiveBitGroups(decoded.Data[1..]);
        return Convert.ToHexStringLower([(byte)(version == 0 ? 0 : 0x50 + version), (byte)program.Length, .. program]);
    }

    /// <summary>An independent regrouping of 5-bit values into bytes, so the test does not trust the code under test.</summary>
    private static byte[] FromFiveBitGroups(byte[] groups)
    {
        var bits = string.Concat(groups.Select(group => Convert.ToString(group, 2).PadLeft(5, '0')));
        return [.. Enumerable.Range(0, bits.Length / 8).Select(i => Convert.ToByte(bits.Substring(i * 8, 8), 2))];
    }
}
