using CustomerService.Application.Customers.AddAccount;

namespace CustomerService.Application.UnitTests.Accounts;

public sealed class AddAccountValidatorTests
{
    private const string Ethereum = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed";

    private readonly AddAccountValidator _validator = new();

    [TestCase("ethereum", Ethereum)]
    [TestCase("bsc", "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed")]
    [TestCase("solana", "11111111111111111111111111111111")]
    [TestCase("bitcoin", "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4")]
    public void Valid_account_passes(string network, string address)
    {
        Assert.That(_validator.Validate(Command(network, address)).IsValid, Is.True);
    }

    [Test]
    public void Missing_fields_are_all_reported_with_their_json_names()
    {
        var result = _validator.Validate(new AddAccountCommand(Guid.NewGuid(), null, null, new string('x', 101)));

        Assert.That(result.Errors.Select(error => error.PropertyName), Is.EquivalentTo(new[] { "network", "address", "label" }));
    }

    [TestCase("Ethereum")]
    [TestCase("ETHEREUM")]
    [TestCase("tron")]
    public void Unknown_network_spelling_is_refused(string network)
    {
        var result = _validator.Validate(Command(network, Ethereum));

        Assert.That(result.Errors.Select(error => error.PropertyName), Is.EqualTo(new[] { "network" }));
    }

    [TestCase("ethereum", "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD")]
    [TestCase("solana", Ethereum)]
    [TestCase("bitcoin", "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN3")]
    public void Address_invalid_for_its_network_is_refused(string network, string address)
    {
        var result = _validator.Validate(Command(network, address));

        Assert.Multiple(() =>
        {
            Assert.That(result.Errors.Select(error => error.PropertyName), Is.EqualTo(new[] { "address" }));
            Assert.That(result.Errors.Single().ErrorMessage, Does.Contain(network));
        });
    }

    [TestCase("a\u0000b")]
    [TestCase("bell\u0007")]
    public void Label_with_a_control_character_is_refused(string label)
    {
        var result = _validator.Validate(Command("ethereum", Ethereum, label));

        Assert.That(result.Errors.Select(error => error.PropertyName), Is.EqualTo(new[] { "label" }));
    }

    private static AddAccountCommand Command(string network, string address, string? label = null) =>
        new(Guid.NewGuid(), network, address, label);
}
