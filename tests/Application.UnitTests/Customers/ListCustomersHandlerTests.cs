using CustomerService.Application.Common.Abstractions;
using CustomerService.Application.Customers;
using CustomerService.Application.Customers.ListCustomers;
using CustomerService.Domain.Customers;
using Moq;

namespace CustomerService.Application.UnitTests.Customers;

public sealed class ListCustomersHandlerTests
{
    private const int PageSize = ListCustomersHandler.StreamPageSize;

    private TestDoubles _doubles = null!;
    private List<CustomerListFilter> _filters = null!;

    [SetUp]
    public void Arrange()
    {
        _doubles = new TestDoubles();
        _filters = [];
    }

    [Test]
    public async Task Without_a_limit_every_customer_is_streamed_and_no_cursor_is_given()
    {
        var stored = Store(5);

        var page = await Handle(new ListCustomersQuery(null, null, null, null));

        await Assert.MultipleAsync(async () =>
        {
            Assert.That(page.NextCursor, Is.Null);
            Assert.That(await Ids(page), Is.EqualTo(stored.Select(customer => customer.Id)));
            Assert.That(_filters.Single().Take, Is.EqualTo(PageSize));
        });
    }

    [Test]
    public async Task Without_a_limit_pages_are_read_one_after_another_each_after_the_last_customer_of_the_one_before()
    {
        var stored = Store((PageSize * 2) + 3);

        var page = await Handle(new ListCustomersQuery(null, null, null, null));
        var ids = await Ids(page);

        Assert.That(ids, Is.EqualTo(stored.Select(customer => customer.Id)));
        Assert.That(_filters.Select(filter => filter.After), Is.EqualTo(new[]
        {
            null,
            CustomerCursor.After(stored[PageSize - 1]),
            CustomerCursor.After(stored[(PageSize * 2) - 1]),
        }));
        Assert.That(_filters.Select(filter => filter.Take), Is.All.EqualTo(PageSize));
    }

    [Test]
    public async Task Without_a_limit_the_first_page_is_read_before_the_answer_and_the_next_only_when_the_first_is_consumed()
    {
        var stored = Store(PageSize + 1);

        var page = await Handle(new ListCustomersQuery(null, null, null, null));

        Assert.That(_filters, Has.Count.EqualTo(1), "the first page is read by the handler itself");
        await using var items = page.Items.GetAsyncEnumerator();
        for (var i = 0; i < PageSize; i++)
        {
            Assert.That(await items.MoveNextAsync(), Is.True);
        }

        Assert.That(_filters, Has.Count.EqualTo(1), "no second page while the first is still being written");
        Assert.That(await items.MoveNextAsync(), Is.True);
        Assert.That(items.Current.Id, Is.EqualTo(stored[^1].Id));
        Assert.That(_filters, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task Without_a_limit_the_filter_and_cursor_carry_over_to_every_page()
    {
        Store(PageSize);
        var after = new CustomerCursor(new DateTime(2020, 1, 2, 3, 4, 5, 6, DateTimeKind.Utc), Guid.CreateVersion7());

        var page = await Handle(new ListCustomersQuery("active", null, null, after.Encode()));
        await Ids(page);

        Assert.That(_filters[0], Is.EqualTo(new CustomerListFilter(CustomerStatus.Active, null, after, PageSize)));
        Assert.That(_filters.Skip(1).Select(filter => filter.Status), Is.All.EqualTo(CustomerStatus.Active));
    }

    [Test]
    public void Without_a_limit_a_failure_of_the_first_page_fails_the_request_itself()
    {
        _doubles.ReadModel
            .Setup(readModel => readModel.ListPageAsync(It.IsAny<CustomerListFilter>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new InvalidOperationException("database down"));

        Assert.That(() => Handle(new ListCustomersQuery(null, null, null, null)), Throws.InvalidOperationException);
    }

    [Test]
    public async Task With_a_limit_and_more_remaining_a_page_and_the_cursor_of_its_last_customer_are_given()
    {
        var stored = Store(4);

        var page = await Handle(new ListCustomersQuery(null, null, 3, null));

        await Assert.MultipleAsync(async () =>
        {
            Assert.That(_filters.Single().Take, Is.EqualTo(4));
            Assert.That(await Ids(page), Is.EqualTo(stored.Take(3).Select(customer => customer.Id)));
            Assert.That(CustomerCursor.TryDecode(page.NextCursor, out var cursor), Is.True);
            Assert.That(cursor, Is.EqualTo(new CustomerCursor(stored[2].CreatedAt, stored[2].Id)));
        });
    }

    [Test]
    public async Task With_a_limit_and_nothing_remaining_no_cursor_is_given()
    {
        Store(3);

        var page = await Handle(new ListCustomersQuery(null, null, 3, null));

        await Assert.MultipleAsync(async () =>
        {
            Assert.That(page.NextCursor, Is.Null);
            Assert.That(await Ids(page), Has.Count.EqualTo(3));
        });
    }

    [Test]
    public async Task The_filter_carries_the_parsed_status_externalId_and_cursor()
    {
        Store(0);
        var after = new CustomerCursor(new DateTime(2026, 1, 2, 3, 4, 5, 6, DateTimeKind.Utc), Guid.CreateVersion7());

        var page = await Handle(new ListCustomersQuery("suspended", "customer-7", 10, after.Encode()));

        Assert.That(_filters.Single(), Is.EqualTo(new CustomerListFilter(CustomerStatus.Suspended, "customer-7", after, 11)));
        Assert.That(await Ids(page), Is.Empty);
    }

    /// <summary>Stores <paramref name="count"/> customers, listed the way the database lists them.</summary>
    private List<CustomerDto> Store(int count)
    {
        var customers = Enumerable.Range(0, count)
            .Select(_ => TestDoubles.Mapper.Map<CustomerDto>(_doubles.NewCustomer()))
            .OrderBy(customer => customer.CreatedAt)
            .ThenBy(customer => customer.Id)
            .ToList();
        _doubles.ReadModel
            .Setup(readModel => readModel.ListPageAsync(It.IsAny<CustomerListFilter>(), It.IsAny<CancellationToken>()))
            .Callback<CustomerListFilter, CancellationToken>((filter, _) => _filters.Add(filter))
            .ReturnsAsync((CustomerListFilter filter, CancellationToken _) => [.. customers.Where(customer => IsAfter(customer, filter.After)).Take(filter.Take)]);
        return customers;
    }

    private static bool IsAfter(CustomerDto customer, CustomerCursor? cursor) =>
        cursor is null
        || customer.CreatedAt > cursor.CreatedAt
        || (customer.CreatedAt == cursor.CreatedAt && customer.Id.CompareTo(cursor.Id) > 0);

    private Task<CustomerPage> Handle(ListCustomersQuery query) =>
        new ListCustomersHandler(_doubles.ReadModel.Object).Handle(query, CancellationToken.None);

    private static async Task<List<Guid>> Ids(CustomerPage page)
    {
        var ids = new List<Guid>();
        await foreach (CustomerDto customer in page.Items)
        {
            ids.Add(customer.Id);
        }

        return ids;
    }
}
