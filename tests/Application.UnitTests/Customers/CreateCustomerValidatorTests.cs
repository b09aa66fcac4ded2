using CustomerService.Application.Customers.CreateCustomer;

namespace CustomerService.Application.UnitTests.Customers;

public sealed class CreateCustomerValidatorTests
{
    private readonly CreateCustomerValidator _validator = new();

    [TestCase("active")]
    [TestCase("inactive")]
    [TestCase("deleted")]
    [TestCase("suspended")]
    public void Every_status_name_is_accepted(string status)
    {
        Assert.That(_validator.Validate(new CreateCustomerCommand("customer-1", status)).IsValid, Is.True);
    }

    [Test]
    public void Missing_fields_are_all_reported_with_their_json_names()
    {
        var result = _validator.Validate(new CreateCustomerCommand(null, null));

        Assert.Multiple(() =>
        {
            Assert.That(result.Errors.Select(error => error.PropertyName), Is.EqualTo(new[] { "externalId", "status" }));
            Assert.That(result.Errors.Select(error => error.ErrorMessage), Is.EqualTo(new[] { "externalId is required.", "status is required." }));
        });
    }

    [TestCase("Active")]
    [TestCase("ACTIVE")]
    [TestCase("enabled")]
    [TestCase("")]
    public void Status_other_than_the_lowercase_names_is_refused(string status)
    {
        var result = _validator.Validate(new CreateCustomerCommand("customer-1", status));

        Assert.Multiple(() =>
        {
            Assert.That(result.Errors.Select(error => error.PropertyName), Is.EqualTo(new[] { "status" }));
            Assert.That(result.Errors.Single().ErrorMessage, Is.EqualTo("status must be one of: active, inactive, deleted, suspended."));
        });
    }

    [TestCase(" leading")]
    [TestCase("trailing ")]
    [TestCase("control\u001f")]
    public void ExternalId_breaking_a_rule_is_refused_for_externalId(string externalId)
    {
        var result = _validator.Validate(new CreateCustomerCommand(externalId, "active"));

        Assert.That(result.Errors.Select(error => error.PropertyName), Is.EqualTo(new[] { "externalId" }));
    }

    [Test]
    public void ExternalId_of_256_characters_is_refused_and_255_accepted()
    {
        Assert.Multiple(() =>
        {
            Assert.That(_validator.Validate(new CreateCustomerCommand(new string('x', 256), "active")).IsValid, Is.False);
            Assert.That(_validator.Validate(new CreateCustomerCommand(new string('x', 255), "active")).IsValid, Is.True);
        });
    }
}
