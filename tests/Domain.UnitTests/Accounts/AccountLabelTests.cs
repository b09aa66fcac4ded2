using CustomerService.Domain.Common;
using CustomerService.Domain.Customers;

namespace CustomerService.Domain.UnitTests.Accounts;

public sealed class AccountLabelTests
{
    [Test]
    public void No_label_is_accepted_as_none()
    {
        Assert.That(AccountLabel.CheckOptional(null).Value, Is.Null);
    }

    [TestCase("Trésor – cold wallet ✓")]
    [TestCase("")]
    public void Label_with_inner_spaces_and_unicode_is_kept_as_given(string label)
    {
        Assert.That(AccountLabel.CheckOptional(label).Value!.Value, Is.EqualTo(label));
    }

    [Test]
    public void Label_of_101_characters_is_refused_and_100_accepted()
    {
        Assert.Multiple(() =>
        {
            Assert.That(
                AccountLabel.CheckOptional(new string('x', 101)).Refusals,
                Is.EqualTo(new[] { new Refusal("label", "label must be at most 100 characters long.") }));
            Assert.That(AccountLabel.CheckOptional(new string('x', 100)).Value!.Value, Has.Length.EqualTo(100));
        });
    }

    [TestCase("a\u0000b")]
    [TestCase("red\u001b[31m")]
    [TestCase("new\nline")]
    [TestCase("\u0085next-line")]
    [TestCase("del\u007f")]
    public void Label_with_a_control_character_is_refused(string label)
    {
        Assert.That(
            AccountLabel.CheckOptional(label).Refusals,
            Is.EqualTo(new[] { new Refusal("label", "label must not contain control characters.") }));
    }
}
