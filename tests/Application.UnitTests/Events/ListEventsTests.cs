using CustomerService.Application.Common.Abstractions;
using CustomerService.Application.Common.Errors;
using CustomerService.Application.Events.ListEvents;
using Moq;

namespace CustomerService.Application.UnitTests.Events;

public sealed class ListEventsTests
{
    private static readonly Guid CustomerId = Guid.Parse("0193a6f4-8a1e-7c3b-9d2e-5f6a7b8c9d0e");
    private static readonly Guid EventId = Guid.Parse("0193a6f6-1d22-7b33-8c44-5d55e66f7788");
    private static readonly EventFeedPage Empty = new([], null, false);

    private readonly ListEventsValidator _validator = new();
    private Mock<IEventFeed> _feed = null!;
    private Mock<ICustomerReadModel> _customers = null!;

    [SetUp]
    public void CreateDoubles()
    {
        _feed = new Mock<IEventFeed>(MockBehavior.Strict);
        _customers = new Mock<ICustomerReadModel>(MockBehavior.Strict);
    }

    [Test]
    public async Task Without_after_or_limit_the_feed_is_read_from_its_start_100_at_a_time()
    {
        _feed.Setup(feed => feed.ReadAsync(new EventFeedFilter(EventFeedPosition.Start, 100, null, null), It.IsAny<CancellationToken>())).ReturnsAsync(Empty);

        var page = await Handler().Handle(new ListEventsQuery(null, null, null, null), CancellationToken.None);

        Assert.That(page, Is.SameAs(Empty));
    }

    [Test]
    public async Task After_is_turned_into_its_position_and_the_filters_pass_through()
    {
        _customers.Setup(customers => customers.CustomerExistsAsync(CustomerId, It.IsAny<CancellationToken>())).ReturnsAsync(true);
        _feed.Setup(feed => feed.FindPositionAsync(EventId, CustomerId, It.IsAny<CancellationToken>())).ReturnsAsync(new EventFeedPosition(7, 41));
        _feed.Setup(feed => feed.ReadAsync(new EventFeedFilter(new EventFeedPosition(7, 41), 7, "account.created", CustomerId), It.IsAny<CancellationToken>())).ReturnsAsync(Empty);

        var page = await Handler().Handle(new ListEventsQuery(CustomerId, EventId.ToString(), 7, "account.created"), CancellationToken.None);

        Assert.That(page, Is.SameAs(Empty));
    }

    [Test]
    public void An_after_that_is_not_one_of_the_participants_events_is_a_validation_error_on_after()
    {
        _feed.Setup(feed => feed.FindPositionAsync(EventId, null, It.IsAny<CancellationToken>())).ReturnsAsync((EventFeedPosition?)null);

        var error = Assert.ThrowsAsync<RequestValidationException>(() =>
            Handler().Handle(new ListEventsQuery(null, EventId.ToString(), null, null), CancellationToken.None));

        Assert.That(error!.Details.Select(detail => detail.Field), Is.EqualTo(new[] { "after" }));
    }

    [Test]
    public void An_unknown_customer_is_not_found_before_the_feed_is_read()
    {
        _customers.Setup(customers => customers.CustomerExistsAsync(CustomerId, It.IsAny<CancellationToken>())).ReturnsAsync(false);

        var error = Assert.ThrowsAsync<NotFoundException>(() =>
            Handler().Handle(new ListEventsQuery(CustomerId, null, null, null), CancellationToken.None));

        Assert.That(error!.Error, Is.SameAs(ContractErrors.NotFound));
    }

    [TestCase(null, null, null, true)]
    [TestCase(1, "0193a6f6-1d22-7b33-8c44-5d55e66f7788", "customer.status_changed", true)]
    [TestCase(1000, null, "account.created", true)]
    [TestCase(0, null, null, false)]
    [TestCase(1001, null, null, false)]
    [TestCase(null, "0193A6F6-1D22-7B33-8C44-5D55E66F7788-", null, false)]
    [TestCase(null, "{0193a6f6-1d22-7b33-8c44-5d55e66f7788}", null, false)]
    [TestCase(null, null, "customer.deleted", false)]
    [TestCase(null, null, "", false)]
    public void The_validator_accepts_limits_1_to_1000_event_ids_and_the_three_types(int? limit, string? after, string? type, bool valid) =>
        Assert.That(_validator.Validate(new ListEventsQuery(null, after, limit, type)).IsValid, Is.EqualTo(valid));

    private ListEventsHandler Handler() => new(_feed.Object, _customers.Object);
}
