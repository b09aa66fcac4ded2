using CustomerService.Application.Customers.UpdateCustomerStatus;

namespace CustomerService.Application.UnitTests.Customers;

public sealed class UpdateCustomerStatusValidatorTests
{
    private readonly UpdateCustomerStatusValidator _validator = new();

    [Test]
    public void Valid_status_passes()
    {
        Assert.That(_validator.Validate(new UpdateCustomerStatusCommand(Guid.NewGuid(), "suspended", null)).IsValid, Is.True);
    }

    [TestCase(null, "status is required.")]
    [TestCase("Suspended", "status must be one of: active, inactive, deleted, suspended.")]
    public void Missing_or_unknown_status_is_refused_for_status(string? status, string message)
    {
        var result = _validator.Validate(new UpdateCustomerStatusCommand(Guid.NewGuid(), status, null));

        Assert.Multiple(() =>
        {
            Assert.That(result.Errors.Select(error => error.PropertyName), Is.EqualTo(new[] { "status" }));
            Assert.That(result.Errors.Single().ErrorMessage, Is.EqualTo(message));
        });
    }
}
