using CustomerService.Domain.Common;
using CustomerService.Domain.Customers;

namespace CustomerService.Domain.UnitTests.Common;

public sealed class EnumNamesTests
{
    [Test]
    public void Every_status_is_spelt_as_its_name_in_lower_case_and_read_back_from_that_spelling()
    {
        Assert.Multiple(() =>
        {
            foreach (var status in Enum.GetValues<CustomerStatus>())
            {
                var name = EnumNames.NameOf(status);
                Assert.That(name, Is.EqualTo(status.ToString().ToLowerInvariant()));
                Assert.That(CustomerStatuses.Check(name).Value, Is.EqualTo(status));
            }
        });
    }

    [Test]
    public void Every_network_is_spelt_as_its_name_in_lower_case_and_read_back_from_that_spelling()
    {
        Assert.Multiple(() =>
        {
            foreach (var network in Enum.GetValues<Network>())
            {
                var name = EnumNames.NameOf(network);
                Assert.That(name, Is.EqualTo(network.ToString().ToLowerInvariant()));
                Assert.That(Networks.Check(name).Value, Is.EqualTo(network));
            }
        });
    }

    [Test]
    public void The_spellings_are_listed_in_declaration_order()
    {
        Assert.That(EnumNames.All<CustomerStatus>(), Is.EqualTo(new[] { "active", "inactive", "deleted", "suspended" }));
    }

    [Test]
    public void A_missing_status_is_required()
    {
        Assert.That(CustomerStatuses.Check(null).Refusals, Is.EqualTo(new[] { new Refusal("status", "status is required.") }));
    }

    [TestCase("Active")]
    [TestCase("ACTIVE")]
    [TestCase("enabled")]
    [TestCase("")]
    [TestCase("0")]
    public void Any_other_spelling_of_a_status_is_refused_with_the_spellings_listed(string name)
    {
        Assert.That(
            CustomerStatuses.Check(name).Refusals,
            Is.EqualTo(new[] { new Refusal("status", "status must be one of: active, inactive, deleted, suspended.") }));
    }

    [Test]
    public void An_optional_status_may_be_left_out_but_not_misspelt()
    {
        Assert.Multiple(() =>
        {
            Assert.That(CustomerStatuses.CheckOptional(null).Value, Is.Null);
            Assert.That(CustomerStatuses.CheckOptional("deleted").Value, Is.EqualTo(CustomerStatus.Deleted));
            Assert.That(CustomerStatuses.CheckOptional("Deleted").IsAccepted, Is.False);
        });
    }

    [Test]
    public void A_value_the_enum_does_not_define_has_no_spelling()
    {
        Assert.That(() => EnumNames.NameOf((CustomerStatus)42), Throws.TypeOf<ArgumentOutOfRangeException>());
    }
}
