using CustomerService.Application.Common.Abstractions;
using CustomerService.Application.Customers.ListCustomers;

namespace CustomerService.Application.UnitTests.Customers;

public sealed class ListCustomersValidatorTests
{
    private readonly ListCustomersValidator _validator = new();

    [Test]
    public void No_parameters_is_valid()
    {
        Assert.That(_validator.Validate(new ListCustomersQuery(null, null, null, null)).IsValid, Is.True);
    }

    [Test]
    public void Every_parameter_valid_passes()
    {
        var cursor = new CustomerCursor(DateTime.UtcNow, Guid.NewGuid()).Encode();

        Assert.That(_validator.Validate(new ListCustomersQuery("active", "customer-1", 1000, cursor)).IsValid, Is.True);
    }

    [TestCase(0)]
    [TestCase(-1)]
    [TestCase(1001)]
    public void Limit_outside_1_to_1000_is_refused_for_limit(int limit)
    {
        Assert.That(Fields(new ListCustomersQuery(null, null, limit, null)), Is.EqualTo(new[] { "limit" }));
    }

    [TestCase("ACTIVE")]
    [TestCase("any")]
    public void Unknown_status_is_refused_for_status(string status)
    {
        Assert.That(Fields(new ListCustomersQuery(status, null, null, null)), Is.EqualTo(new[] { "status" }));
    }

    [TestCase("garbage!")]
    [TestCase("AAAA")]
    public void Cursor_that_does_not_decode_is_refused_for_after(string after)
    {
        Assert.That(Fields(new ListCustomersQuery(null, null, 10, after)), Is.EqualTo(new[] { "after" }));
    }

    [Test]
    public void ExternalId_filter_obeys_the_externalId_rules()
    {
        Assert.That(Fields(new ListCustomersQuery(null, " padded", null, null)), Is.EqualTo(new[] { "externalId" }));
    }

    [Test]
    public void Every_invalid_parameter_is_reported_at_once()
    {
        Assert.That(Fields(new ListCustomersQuery("x", new string('x', 256), 0, "!")), Is.EquivalentTo(new[] { "status", "externalId", "limit", "after" }));
    }

    private IEnumerable<string> Fields(ListCustomersQuery query) =>
        _validator.Validate(query).Errors.Select(error => error.PropertyName);
}
