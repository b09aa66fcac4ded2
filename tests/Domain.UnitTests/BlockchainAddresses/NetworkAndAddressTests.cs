using CustomerService.Domain.Common;
using CustomerService.Domain.Customers;

namespace CustomerService.Domain.UnitTests.BlockchainAddresses;

/// <summary>The network and the address, as a client sends them, read together.</summary>
public sealed class NetworkAndAddressTests
{
    private const string Ethereum = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed";

    [Test]
    public void A_valid_address_on_a_known_network_is_accepted_in_its_normal_form()
    {
        var address = BlockchainAddress.Check("ethereum", Ethereum.ToLowerInvariant()).Value;

        Assert.Multiple(() =>
        {
            Assert.That(address.Network, Is.EqualTo(Network.Ethereum));
            Assert.That(address.Value, Is.EqualTo(Ethereum));
        });
    }

    [Test]
    public void Both_missing_are_refused_network_first()
    {
        Assert.That(
            BlockchainAddress.Check(null, null).Refusals,
            Is.EqualTo(new[] { new Refusal("network", "network is required."), new Refusal("address", "address is required.") }));
    }

    [TestCase("Ethereum")]
    [TestCase("ETHEREUM")]
    [TestCase("tron")]
    [TestCase("")]
    public void An_unknown_network_is_refused_and_the_address_is_not_judged(string network)
    {
        Assert.That(
            BlockchainAddress.Check(network, "not an address").Refusals,
            Is.EqualTo(new[] { new Refusal("network", "network must be one of: ethereum, polygon, arbitrum, optimism, base, avalanche, bsc, solana, bitcoin.") }));
    }

    [Test]
    public void An_address_invalid_for_its_network_is_refused_for_the_address()
    {
        Assert.That(
            BlockchainAddress.Check("solana", Ethereum).Refusals,
            Is.EqualTo(new[] { new Refusal("address", "address is not a valid solana address: expected a base58 public key of 32 bytes.") }));
    }
}
