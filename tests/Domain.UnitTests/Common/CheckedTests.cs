using CustomerService.Domain.Common;

namespace CustomerService.Domain.UnitTests.Common;

public sealed class CheckedTests
{
    [Test]
    public void An_accepted_value_is_handed_out_and_has_no_refusals()
    {
        var accepted = Checked.Accept("value");

        Assert.Multiple(() =>
        {
            Assert.That(accepted.IsAccepted, Is.True);
            Assert.That(accepted.Value, Is.EqualTo("value"));
            Assert.That(accepted.Refusals, Is.Empty);
        });
    }

    [Test]
    public void A_refused_value_cannot_be_taken_out_asking_for_it_throws_its_first_refusal_for_its_field()
    {
        var refused = Checked.Refuse<string>([new Refusal("network", "network is required."), new Refusal("address", "address is required.")]);

        var thrown = Assert.Throws<DomainValidationException>(() => _ = refused.Value);

        Assert.Multiple(() =>
        {
            Assert.That(refused.IsAccepted, Is.False);
            Assert.That(thrown!.Field, Is.EqualTo("network"));
            Assert.That(thrown.Message, Is.EqualTo("network is required."));
        });
    }

    [Test]
    public void A_refusal_needs_a_reason()
    {
        Assert.That(() => Checked.Refuse<string>([]), Throws.ArgumentException);
    }

    [Test]
    public void Select_turns_an_accepted_value_and_keeps_the_refusals_of_a_refused_one()
    {
        var refusal = new Refusal("limit", "limit must be a whole number from 1 to 1000.");

        Assert.Multiple(() =>
        {
            Assert.That(Checked.Accept(2).Select(value => value * 10).Value, Is.EqualTo(20));
            Assert.That(Checked.Refuse<int>(refusal.Field, refusal.Message).Select(value => value * 10).Refusals, Is.EqualTo(new[] { refusal }));
        });
    }
}
