using CustomerService.Application.Customers;
using CustomerService.Application.Events;
using CustomerService.Domain.Customers;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace CustomerService.Application.UnitTests.Events;

/// <summary>Each pending event becomes one stored event whose body is written from the customer as it is saved.</summary>
public sealed class EventRecorderTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero));
    private readonly List<EventDto> _written = [];
    private EventRecorder _recorder = null!;

    [SetUp]
    public void CreateRecorder()
    {
        _written.Clear();
        var serializer = new Mock<IEventSerializer>();
        serializer.Setup(s => s.Serialize(It.IsAny<EventDto>()))
            .Returns((EventDto value) =>
            {
                _written.Add(value);
                return $"body-{_written.Count}";
            });
        _recorder = new EventRecorder(TestDoubles.Mapper, serializer.Object);
    }

    [Test]
    public void A_customer_without_pending_events_records_nothing()
    {
        var customer = Customer.Create("participant-1", ExternalId.Check("customer-1").Value, CustomerStatus.Active, _clock);
        customer.ClearPendingEvents();

        Assert.That(_recorder.Record(customer), Is.Empty);
        Assert.That(_written, Is.Empty);
    }

    [Test]
    public void Each_change_is_recorded_in_order_with_the_data_of_its_type()
    {
        var customer = Customer.Create("participant-1", ExternalId.Check("customer-1").Value, CustomerStatus.Active, _clock);
        var account = customer.AddAccount(BlockchainAddress.Check(Network.Bitcoin, "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq").Value, AccountLabel.CheckOptional("cold").Value, 10, _clock);
        customer.ChangeStatus(CustomerStatus.Suspended, _clock);
        var pending = customer.PendingEvents.ToList();
        var after = TestDoubles.Mapper.Map<CustomerDto>(customer);

        var recorded = _recorder.Record(customer);

        Assert.Multiple(() =>
        {
            Assert.That(recorded.Select(r => (r.Id, r.Type, r.CustomerId, r.OccurredAt, r.Body)), Is.EqualTo(pending.Select((p, i) =>
                (p.Id, p.Type, customer.Id, p.OccurredAt, $"body-{i + 1}"))));
            Assert.That(_written.Select(w => (w.Id, w.Type, w.OccurredAt, w.CustomerId)), Is.EqualTo(pending.Select(p => (p.Id, p.Type, p.OccurredAt, customer.Id))));
            Assert.That(_written[0].Data.PreviousStatus, Is.Null);
            Assert.That(_written[0].Data.Account, Is.Null);
            Assert.That(_written[0].Data.Customer, Is.Not.Null);
            Assert.That(_written[1].Data, Is.EqualTo(new EventDataDto(null, null, TestDoubles.Mapper.Map<AccountDto>(account))));
            Assert.That(_written[2].Data.PreviousStatus, Is.EqualTo(CustomerStatus.Active));
            Assert.That(_written[2].Data.Customer!.Status, Is.EqualTo(after.Status));
            Assert.That(_written[2].Data.Account, Is.Null);
        });
    }
}
