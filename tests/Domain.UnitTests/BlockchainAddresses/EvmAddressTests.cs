using CustomerService.Domain.Common;
using CustomerService.Domain.Customers;

namespace CustomerService.Domain.UnitTests.BlockchainAddresses;

public sealed class EvmAddressTests
{
    private static readonly Network[] EvmNetworks =
        [Network.Ethereum, Network.Polygon, Network.Arbitrum, Network.Optimism, Network.Base, Network.Avalanche, Network.Bsc];

    // EIP-55, "Test Cases": mixed-case checksummed addresses.
    [TestCase("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed")]
    [TestCase("0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359")]
    [TestCase("0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB")]
    [TestCase("0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb")]
    // EIP-55, all caps and all lower test cases, whose checksum form is themselves.
    [TestCase("0x52908400098527886E0F7030069857D2E4169EE7")]
    [TestCase("0x8617E340B3D01FA5F11F306F4090FD50E238070D")]
    [TestCase("0xde709f2102306220921060314715629080e2fb77")]
    [TestCase("0x27b1fdb04752bbc536007a920d24acb045561c26")]
    public void Eip55_test_case_is_accepted_as_is(string address)
    {
        Assert.That(BlockchainAddress.Check(Network.Ethereum, address).Value.Value, Is.EqualTo(address));
    }

    [TestCase("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed")]
    [TestCase("0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb")]
    public void Single_case_address_is_normalised_to_its_checksum_form(string checksummed)
    {
        var lower = BlockchainAddress.Check(Network.Ethereum, checksummed.ToLowerInvariant()).Value;
        var upper = BlockchainAddress.Check(Network.Ethereum, "0x" + checksummed[2..].ToUpperInvariant()).Value;

        Assert.Multiple(() =>
        {
            Assert.That(lower.Value, Is.EqualTo(checksummed));
            Assert.That(upper.Value, Is.EqualTo(checksummed));
        });
    }

    [TestCase("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD", TestName = "Last_letter_case_flipped")]
    [TestCase("0x5AAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", TestName = "First_letter_case_flipped")]
    [TestCase("0xfB6916095cA1df60bB79Ce92cE3Ea74c37c5d359", TestName = "Middle_letter_case_flipped")]
    public void Mixed_case_address_with_a_bad_checksum_is_refused(string address)
    {
        var refusal = Assert.Throws<DomainValidationException>(() => _ = BlockchainAddress.Check(Network.Ethereum, address).Value);

        Assert.Multiple(() =>
        {
            Assert.That(refusal!.Field, Is.EqualTo("address"));
            Assert.That(refusal.Message, Does.Contain("checksum"));
        });
    }

    [TestCase("5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", TestName = "Without_0x")]
    [TestCase("0X5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", TestName = "With_upper_case_0X")]
    [TestCase("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeA", TestName = "Too_short")]
    [TestCase("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed00", TestName = "Too_long")]
    [TestCase("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeg", TestName = "Not_hex")]
    [TestCase(" 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", TestName = "Leading_space")]
    [TestCase("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4", TestName = "Bitcoin_address")]
    public void Malformed_evm_address_is_refused(string address)
    {
        Assert.That(RefusalOf(Network.Ethereum, address), Does.StartWith("address is not a valid ethereum address"));
    }

    [TestCaseSource(nameof(EvmNetworks))]
    public void Every_evm_network_shares_the_rule(Network network)
    {
        Assert.Multiple(() =>
        {
            Assert.That(BlockchainAddress.Check(network, "0xde709f2102306220921060314715629080e2fb77").Value.Network, Is.EqualTo(network));
            Assert.That(BlockchainAddress.Check(network, "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD").IsAccepted, Is.False);
        });
    }

    [TestCase(null)]
    [TestCase("")]
    public void Missing_address_is_required(string? address)
    {
        Assert.That(RefusalOf(Network.Ethereum, address), Is.EqualTo("address is required."));
    }

    [Test]
    public void Overlong_input_is_refused_before_decoding()
    {
        Assert.That(RefusalOf(Network.Ethereum, "0x" + new string('a', 5000)), Does.Contain("longer than"));
    }

    [Test]
    public void Addresses_with_the_same_network_and_value_are_equal()
    {
        Assert.That(
            BlockchainAddress.Check(Network.Ethereum, "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed").Value,
            Is.EqualTo(BlockchainAddress.Check(Network.Ethereum, "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed").Value));
    }

    /// <summary>The one refusal of <paramref name="address"/> on <paramref name="network"/>, or null when it is accepted.</summary>
    private static string? RefusalOf(Network network, string? address) =>
        BlockchainAddress.Check(network, address).Refusals.SingleOrDefault()?.Message;
}
