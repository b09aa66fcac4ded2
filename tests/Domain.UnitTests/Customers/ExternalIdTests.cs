using CustomerService.Domain.Customers;

namespace CustomerService.Domain.UnitTests.Customers;

public sealed class ExternalIdTests
{
    [TestCase("customer-external-id-123")]
    [TestCase("a")]
    [TestCase("with inner spaces")]
    [TestCase("ünïcödé-客户")]
    public void Valid_externalId_has_no_violation(string value)
    {
        Assert.That(ExternalId.FindViolation(value), Is.Null);
    }

    [TestCase(null, "externalId is required.")]
    [TestCase("", "externalId is required.")]
    [TestCase(" x", "externalId must not start or end with white space.")]
    [TestCase("x\n", "externalId must not start or end with white space.")]
    [TestCase("a\u0007b", "externalId must not contain control characters.")]
    public void Invalid_externalId_is_explained(string? value, string message)
    {
        Assert.That(ExternalId.FindViolation(value), Is.EqualTo(message));
    }

    [Test]
    public void Overlong_externalId_names_the_limit()
    {
        Assert.That(ExternalId.FindViolation(new string('x', ExternalId.MaxLength + 1)), Is.EqualTo("externalId must be at most 255 characters long."));
    }
}
