using CustomerService.Domain.Common;
using CustomerService.Domain.Customers;

namespace CustomerService.Domain.UnitTests.Customers;

public sealed class ExternalIdTests
{
    [TestCase("customer-external-id-123")]
    [TestCase("a")]
    [TestCase("with inner spaces")]
    [TestCase("ünïcödé-客户")]
    public void Valid_externalId_is_accepted_as_given(string value)
    {
        Assert.That(ExternalId.Check(value).Value.Value, Is.EqualTo(value));
    }

    [TestCase(null, "externalId is required.")]
    [TestCase("", "externalId is required.")]
    [TestCase(" x", "externalId must not start or end with white space.")]
    [TestCase("x\n", "externalId must not start or end with white space.")]
    [TestCase("customer\t", "externalId must not start or end with white space.")]
    [TestCase("a\u0007b", "externalId must not contain control characters.")]
    public void Invalid_externalId_is_refused_for_externalId_with_the_reason(string? value, string message)
    {
        Assert.That(ExternalId.Check(value).Refusals, Is.EqualTo(new[] { new Refusal("externalId", message) }));
    }

    [Test]
    public void ExternalId_of_255_characters_is_accepted_and_256_refused_naming_the_limit()
    {
        Assert.Multiple(() =>
        {
            Assert.That(ExternalId.Check(new string('x', ExternalId.MaxLength)).IsAccepted, Is.True);
            Assert.That(
                ExternalId.Check(new string('x', ExternalId.MaxLength + 1)).Refusals.Single().Message,
                Is.EqualTo("externalId must be at most 255 characters long."));
        });
    }

    [Test]
    public void An_optional_externalId_may_be_left_out_but_not_be_empty()
    {
        Assert.Multiple(() =>
        {
            Assert.That(ExternalId.CheckOptional(null).Value, Is.Null);
            Assert.That(ExternalId.CheckOptional("customer-1").Value!.Value, Is.EqualTo("customer-1"));
            Assert.That(ExternalId.CheckOptional(string.Empty).Refusals.Single().Message, Is.EqualTo("externalId is required."));
        });
    }
}
