using CustomerService.Application.Common.Errors;

namespace CustomerService.Application.UnitTests.Common;

public sealed class ErrorTests
{
    [Test]
    public void Each_failure_carries_its_contract_code()
    {
        Assert.Multiple(() =>
        {
            Assert.That(NotFoundException.Customer().Code, Is.EqualTo("NOT_FOUND"));
            Assert.That(NotFoundException.Account().Code, Is.EqualTo("NOT_FOUND"));
            Assert.That(ConflictException.DuplicateExternalId().Code, Is.EqualTo("DUPLICATE_EXTERNAL_ID"));
            Assert.That(ConflictException.DuplicateAccountAddress().Code, Is.EqualTo("DUPLICATE_ACCOUNT_ADDRESS"));
            Assert.That(new PreconditionFailedException().Code, Is.EqualTo("PRECONDITION_FAILED"));
            Assert.That(new RequestValidationException([]).Code, Is.EqualTo("VALIDATION_ERROR"));
        });
    }

    [Test]
    public void A_validation_failure_keeps_its_details_and_others_have_none()
    {
        var details = new[] { new FieldError("status", "status is required.") };

        Assert.Multiple(() =>
        {
            Assert.That(new RequestValidationException(details).Details, Is.EqualTo(details));
            Assert.That(NotFoundException.Customer().Details, Is.Empty);
        });
    }
}
