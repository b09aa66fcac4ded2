using CustomerService.Application.Customers.UseCaseName;

namespace CustomerService.Application.UnitTests.Customers;

public sealed class UseCaseNameValidatorTests
{
    private readonly UseCaseNameValidator _validator = new();

    [Test]
    public void A_customer_id_passes() =>
        Assert.That(_validator.Validate(new UseCaseNameCommand(Guid.CreateVersion7())).IsValid, Is.True);

    [Test]
    public void The_empty_id_is_refused_for_id()
    {
        var result = _validator.Validate(new UseCaseNameCommand(Guid.Empty));

        Assert.That(result.Errors.Select(error => error.PropertyName), Is.EqualTo(new[] { "id" }));
    }
}
