using CustomerService.Domain.Customers;
using Microsoft.Extensions.Time.Testing;

namespace CustomerService.Domain.UnitTests.Customers;

public sealed class CustomerTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 25, 12, 34, 56, 789, TimeSpan.Zero);

    private FakeTimeProvider _clock = null!;

    [SetUp]
    public void StartTheClock() => _clock = new FakeTimeProvider(Start);

    [Test]
    public void Create_sets_every_field_from_its_arguments_and_the_clock()
    {
        var customer = Customer.Create("participant-1", Id("customer-1"), CustomerStatus.Suspended, _clock);

        Assert.Multiple(() =>
        {
            Assert.That(customer.Id.Version, Is.EqualTo(7));
            Assert.That(customer.ParticipantId, Is.EqualTo("participant-1"));
            Assert.That(customer.ExternalId, Is.EqualTo("customer-1"));
            Assert.That(customer.Status, Is.EqualTo(CustomerStatus.Suspended));
            Assert.That(customer.CreatedAt, Is.EqualTo(Start.UtcDateTime));
            Assert.That(customer.UpdatedAt, Is.EqualTo(customer.CreatedAt));
            Assert.That(customer.Version, Is.EqualTo(1));
            Assert.That(customer.Accounts, Is.Empty);
        });
    }

    [Test]
    public void Create_gives_each_customer_its_own_id()
    {
        var first = Customer.Create("participant-1", Id("customer-1"), CustomerStatus.Active, _clock);
        var second = Customer.Create("participant-1", Id("customer-2"), CustomerStatus.Active, _clock);

        Assert.That(second.Id, Is.Not.EqualTo(first.Id));
    }

    [Test]
    public void Create_keeps_time_in_utc_at_millisecond_precision()
    {
        _clock.SetUtcNow(Start.AddTicks(9_999));

        var customer = Customer.Create("participant-1", Id("customer-1"), CustomerStatus.Active, _clock);

        Assert.Multiple(() =>
        {
            Assert.That(customer.CreatedAt, Is.EqualTo(Start.UtcDateTime));
            Assert.That(customer.CreatedAt.Kind, Is.EqualTo(DateTimeKind.Utc));
        });
    }

    [Test]
    public void Create_with_an_undefined_status_is_a_programming_error()
    {
        Assert.That(
            () => Customer.Create("participant-1", Id("customer-1"), (CustomerStatus)42, _clock),
            Throws.TypeOf<ArgumentOutOfRangeException>());
    }

    [TestCase("")]
    [TestCase("  ")]
    public void Create_without_a_participant_is_refused(string participantId)
    {
        Assert.That(() => Customer.Create(participantId, Id("customer-1"), CustomerStatus.Active, _clock), Throws.ArgumentException);
    }

    [Test]
    public void ChangeStatus_to_another_status_moves_status_updatedAt_and_version()
    {
        var customer = Customer.Create("participant-1", Id("customer-1"), CustomerStatus.Active, _clock);
        _clock.Advance(TimeSpan.FromMinutes(15));

        var changed = customer.ChangeStatus(CustomerStatus.Inactive, _clock);

        Assert.Multiple(() =>
        {
            Assert.That(changed, Is.True);
            Assert.That(customer.Status, Is.EqualTo(CustomerStatus.Inactive));
            Assert.That(customer.UpdatedAt, Is.EqualTo(Start.AddMinutes(15).UtcDateTime));
            Assert.That(customer.CreatedAt, Is.EqualTo(Start.UtcDateTime));
            Assert.That(customer.Version, Is.EqualTo(2));
        });
    }

    [Test]
    public void ChangeStatus_to_the_same_status_changes_nothing()
    {
        var customer = Customer.Create("participant-1", Id("customer-1"), CustomerStatus.Active, _clock);
        _clock.Advance(TimeSpan.FromMinutes(15));

        var changed = customer.ChangeStatus(CustomerStatus.Active, _clock);

        Assert.Multiple(() =>
        {
            Assert.That(changed, Is.False);
            Assert.That(customer.UpdatedAt, Is.EqualTo(customer.CreatedAt));
            Assert.That(customer.Version, Is.EqualTo(1));
        });
    }

    [TestCase(CustomerStatus.Deleted, CustomerStatus.Active)]
    [TestCase(CustomerStatus.Suspended, CustomerStatus.Deleted)]
    [TestCase(CustomerStatus.Inactive, CustomerStatus.Suspended)]
    public void ChangeStatus_allows_any_status_to_move_to_any_other(CustomerStatus from, CustomerStatus to)
    {
        var customer = Customer.Create("participant-1", Id("customer-1"), from, _clock);

        customer.ChangeStatus(to, _clock);

        Assert.That(customer.Status, Is.EqualTo(to));
    }

    [Test]
    public void ChangeStatus_to_an_undefined_status_is_refused()
    {
        var customer = Customer.Create("participant-1", Id("customer-1"), CustomerStatus.Active, _clock);

        Assert.Multiple(() =>
        {
            Assert.That(() => customer.ChangeStatus((CustomerStatus)(-1), _clock), Throws.TypeOf<ArgumentOutOfRangeException>());
            Assert.That(customer.Status, Is.EqualTo(CustomerStatus.Active));
        });
    }

    private static ExternalId Id(string value) => ExternalId.Check(value).Value;
}
