using CustomerService.Domain.Customers;
using CustomerService.Domain.Events;
using Microsoft.Extensions.Time.Testing;

namespace CustomerService.Domain.UnitTests.Events;

/// <summary>The aggregate raises one event per change it makes, and none for a change it does not make.</summary>
public sealed class CustomerEventsTests
{
    private const string Address = "0x52908400098527886E0F7030069857D2E4169EE7";
    private static readonly DateTimeOffset Start = new(2026, 11, 30, 8, 0, 0, 123, TimeSpan.Zero);

    private FakeTimeProvider _clock = null!;

    [SetUp]
    public void StartTheClock() => _clock = new FakeTimeProvider(Start);

    [Test]
    public void Creating_a_customer_raises_customer_created_at_its_creation_time()
    {
        var customer = Customer.Create("participant-1", ExternalId.Check("customer-1").Value, CustomerStatus.Active, _clock);

        var created = customer.PendingEvents.Single();
        Assert.Multiple(() =>
        {
            Assert.That(created, Is.TypeOf<CustomerCreated>());
            Assert.That(created.Type, Is.EqualTo("customer.created"));
            Assert.That(created.OccurredAt, Is.EqualTo(customer.CreatedAt));
            Assert.That(created.Id.Version, Is.EqualTo(7));
        });
    }

    [Test]
    public void Changing_the_status_raises_status_changed_with_the_previous_status()
    {
        var customer = Customer.Create("participant-1", ExternalId.Check("customer-1").Value, CustomerStatus.Active, _clock);
        customer.ClearPendingEvents();
        _clock.Advance(TimeSpan.FromSeconds(1));

        customer.ChangeStatus(CustomerStatus.Suspended, _clock);

        var changed = customer.PendingEvents.Single();
        Assert.Multiple(() =>
        {
            Assert.That(changed, Is.EqualTo(new CustomerStatusChanged(changed.Id, customer.UpdatedAt, CustomerStatus.Active)));
            Assert.That(changed.Type, Is.EqualTo("customer.status_changed"));
        });
    }

    [Test]
    public void Setting_the_status_the_customer_has_raises_nothing()
    {
        var customer = Customer.Create("participant-1", ExternalId.Check("customer-1").Value, CustomerStatus.Inactive, _clock);
        customer.ClearPendingEvents();

        customer.ChangeStatus(CustomerStatus.Inactive, _clock);

        Assert.That(customer.PendingEvents, Is.Empty);
    }

    [Test]
    public void Registering_an_account_raises_account_created_carrying_it()
    {
        var customer = Customer.Create("participant-1", ExternalId.Check("customer-1").Value, CustomerStatus.Active, _clock);
        customer.ClearPendingEvents();

        var account = customer.AddAccount(BlockchainAddress.Check(Network.Ethereum, Address).Value, AccountLabel.CheckOptional("treasury").Value, 10, _clock);

        var created = customer.PendingEvents.Single();
        Assert.Multiple(() =>
        {
            Assert.That(created, Is.EqualTo(new AccountCreated(created.Id, account.CreatedAt, account)));
            Assert.That(created.Type, Is.EqualTo("account.created"));
        });
    }

    [Test]
    public void A_refused_account_raises_nothing()
    {
        var customer = Customer.Create("participant-1", ExternalId.Check("customer-1").Value, CustomerStatus.Suspended, _clock);
        customer.ClearPendingEvents();

        Assert.Throws<CustomerNotActiveException>(() => customer.AddAccount(BlockchainAddress.Check(Network.Ethereum, Address).Value, null, 10, _clock));
        Assert.That(customer.PendingEvents, Is.Empty);
    }

    [Test]
    public void Events_are_kept_in_the_order_of_the_changes_until_cleared()
    {
        var customer = Customer.Create("participant-1", ExternalId.Check("customer-1").Value, CustomerStatus.Active, _clock);
        customer.AddAccount(BlockchainAddress.Check(Network.Ethereum, Address).Value, null, 10, _clock);
        customer.ChangeStatus(CustomerStatus.Inactive, _clock);

        Assert.That(customer.PendingEvents.Select(e => e.Type), Is.EqualTo(new[] { "customer.created", "account.created", "customer.status_changed" }));
        customer.ClearPendingEvents();
        Assert.That(customer.PendingEvents, Is.Empty);
    }

    [Test]
    public void Every_type_is_known_and_nothing_else_is()
    {
        Assert.Multiple(() =>
        {
            Assert.That(EventTypes.All, Is.EqualTo(new[] { "customer.created", "customer.status_changed", "account.created" }));
            Assert.That(EventTypes.All.All(EventTypes.IsKnown), Is.True);
            Assert.That(EventTypes.IsKnown("Customer.Created"), Is.False);
            Assert.That(EventTypes.IsKnown(null), Is.False);
            Assert.That(EventTypes.IsKnown("customer.deleted"), Is.False);
        });
    }
}
