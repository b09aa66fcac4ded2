using CustomerService.Application.Common.Abstractions;
using CustomerService.Application.Customers;
using CustomerService.Application.Customers.ListCustomers;
using CustomerService.Domain.Customers;
using Moq;

namespace CustomerService.Application.UnitTests.Customers;

public sealed class ListCustomersHandlerTests
{
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
        var stored = Enumerable.Range(0, 5).Select(_ => _doubles.NewCustomer()).ToList();
        Store(stored);

        var page = await Handle(new ListCustomersQuery(null, null, null, null));

        await Assert.MultipleAsync(async () =>
        {
            Assert.That(page.NextCursor, Is.Null);
            Assert.That(await Ids(page), Is.EqualTo(stored.Select(customer => customer.Id)));
            Assert.That(_filters.Single().Take, Is.Null);
        });
    }

    [Test]
    public async Task With_a_limit_and_more_remaining_a_page_and_the_cursor_of_its_last_customer_are_given()
    {
        var stored = Enumerable.Range(0, 4).Select(_ => _doubles.NewCustomer()).ToList();
        Store(stored);

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
        Store(Enumerable.Range(0, 3).Select(_ => _doubles.NewCustomer()).ToList());

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
        Store([]);
        var after = new CustomerCursor(new DateTime(2026, 1, 2, 3, 4, 5, 6, DateTimeKind.Utc), Guid.CreateVersion7());

        var page = await Handle(new ListCustomersQuery("suspended", "customer-7", 10, after.Encode()));

        Assert.That(_filters.Single(), Is.EqualTo(new CustomerListFilter(CustomerStatus.Suspended, "customer-7", after, 11)));
        Assert.That(await Ids(page), Is.Empty);
    }

    private void Store(List<Customer> customers) =>
        _doubles.Customers
            .Setup(repository => repository.ListAsync(It.IsAny<CustomerListFilter>(), It.IsAny<CancellationToken>()))
            .Callback<CustomerListFilter, CancellationToken>((filter, _) => _filters.Add(filter))
            .Returns<CustomerListFilter, CancellationToken>((filter, _) => customers.Take(filter.Take ?? int.MaxValue).ToAsyncEnumerable());

    private Task<CustomerPage> Handle(ListCustomersQuery query) =>
        new ListCustomersHandler(_doubles.Customers.Object, TestDoubles.Mapper).Handle(query, CancellationToken.None);

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
