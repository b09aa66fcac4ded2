using CustomerService.Domain.Customers;
using Microsoft.Extensions.Time.Testing;

namespace CustomerService.Domain.UnitTests.Accounts;

public sealed class CustomerAccountTests
{
    private const string Checksummed = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed";
    private const string Solana = "TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA";
    private const int MaxAccounts = 1000;

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));

    [Test]
    public void AddAccount_registers_the_account_in_normal_form()
    {
        var customer = NewCustomer();

        var account = customer.AddAccount(Address(Network.Ethereum, Checksummed.ToLowerInvariant()), Label("treasury"), MaxAccounts, _clock);

        Assert.Multiple(() =>
        {
            Assert.That(customer.Accounts, Is.EqualTo(new[] { account }));
            Assert.That(account.Network, Is.EqualTo(Network.Ethereum));
            Assert.That(account.Address, Is.EqualTo(Checksummed));
            Assert.That(account.Label, Is.EqualTo("treasury"));
            Assert.That(account.CreatedAt, Is.EqualTo(_clock.GetUtcNow().UtcDateTime));
            Assert.That(account.Id.Version, Is.EqualTo(7));
        });
    }

    [Test]
    public void AddAccount_moves_the_customer_version_and_updatedAt()
    {
        var customer = NewCustomer();
        _clock.Advance(TimeSpan.FromSeconds(5));

        customer.AddAccount(Address(Network.Solana, Solana), label: null, MaxAccounts, _clock);

        Assert.Multiple(() =>
        {
            Assert.That(customer.Version, Is.EqualTo(2));
            Assert.That(customer.UpdatedAt, Is.EqualTo(_clock.GetUtcNow().UtcDateTime));
        });
    }

    [TestCase(CustomerStatus.Inactive)]
    [TestCase(CustomerStatus.Suspended)]
    [TestCase(CustomerStatus.Deleted)]
    public void AddAccount_to_a_customer_that_is_not_active_is_refused(CustomerStatus status)
    {
        var customer = NewCustomer(status);

        Assert.Multiple(() =>
        {
            Assert.That(() => customer.AddAccount(Address(Network.Solana, Solana), null, MaxAccounts, _clock), Throws.TypeOf<CustomerNotActiveException>());
            Assert.That(customer.Accounts, Is.Empty);
            Assert.That(customer.Version, Is.EqualTo(1));
        });
    }

    [Test]
    public void AddAccount_with_the_same_address_twice_is_refused()
    {
        var customer = NewCustomer();
        customer.AddAccount(Address(Network.Ethereum, Checksummed), null, MaxAccounts, _clock);

        Assert.That(
            () => customer.AddAccount(Address(Network.Ethereum, Checksummed.ToUpperInvariant().Replace("0X", "0x", StringComparison.Ordinal)), null, MaxAccounts, _clock),
            Throws.TypeOf<DuplicateAccountAddressException>());
    }

    [Test]
    public void AddAccount_with_the_same_address_on_another_network_is_accepted()
    {
        var customer = NewCustomer();
        customer.AddAccount(Address(Network.Ethereum, Checksummed), null, MaxAccounts, _clock);

        customer.AddAccount(Address(Network.Base, Checksummed), null, MaxAccounts, _clock);

        Assert.That(customer.Accounts.Select(account => account.Network), Is.EqualTo(new[] { Network.Ethereum, Network.Base }));
    }

    [Test]
    public void Accounts_created_in_the_same_millisecond_keep_their_creation_order()
    {
        var customer = NewCustomer();

        var first = customer.AddAccount(Address(Network.Ethereum, Checksummed), null, MaxAccounts, _clock);
        var second = customer.AddAccount(Address(Network.Solana, Solana), null, MaxAccounts, _clock);

        Assert.That(second.CreatedAt, Is.GreaterThan(first.CreatedAt));
    }

    [Test]
    public void AddAccount_up_to_the_limit_is_accepted_and_the_one_over_it_is_refused_changing_nothing()
    {
        var customer = NewCustomer();
        customer.AddAccount(Address(Network.Ethereum, Checksummed), null, maxAccounts: 2, _clock);
        customer.AddAccount(Address(Network.Solana, Solana), null, maxAccounts: 2, _clock);

        var refused = Assert.Throws<AccountLimitReachedException>(() => customer.AddAccount(Address(Network.Base, Checksummed), null, maxAccounts: 2, _clock));

        Assert.Multiple(() =>
        {
            Assert.That(refused!.Message, Does.Contain("2 accounts"));
            Assert.That(customer.Accounts, Has.Count.EqualTo(2));
            Assert.That(customer.Version, Is.EqualTo(3), "only the two accepted additions moved the version");
        });
    }

    [Test]
    public void AddAccount_of_an_address_the_customer_already_holds_is_a_duplicate_even_at_the_limit()
    {
        var customer = NewCustomer();
        customer.AddAccount(Address(Network.Ethereum, Checksummed), null, maxAccounts: 1, _clock);

        Assert.That(() => customer.AddAccount(Address(Network.Ethereum, Checksummed), null, maxAccounts: 1, _clock), Throws.TypeOf<DuplicateAccountAddressException>());
    }

    private static BlockchainAddress Address(Network network, string value) => BlockchainAddress.Check(network, value).Value;

    private static AccountLabel? Label(string value) => AccountLabel.CheckOptional(value).Value;

    private Customer NewCustomer(CustomerStatus status = CustomerStatus.Active) =>
        Customer.Create("participant-1", ExternalId.Check($"customer-{Guid.NewGuid():N}").Value, status, _clock);
}
