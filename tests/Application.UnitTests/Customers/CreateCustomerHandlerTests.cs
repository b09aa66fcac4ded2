using CustomerService.Application.Common.Errors;
using CustomerService.Application.Customers.CreateCustomer;
using CustomerService.Domain.Customers;
using Moq;

namespace CustomerService.Application.UnitTests.Customers;

public sealed class CreateCustomerHandlerTests
{
    private TestDoubles _doubles = null!;

    [SetUp]
    public void Arrange() => _doubles = new TestDoubles();

    [Test]
    public async Task Creates_a_customer_of_the_current_participant_and_saves_once()
    {
        Customer? added = null;
        _doubles.Customers.Setup(repository => repository.Add(It.IsAny<Customer>())).Callback<Customer>(customer => added = customer);

        var dto = await Handler().Handle(new CreateCustomerCommand("customer-1", "inactive"), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(added, Is.Not.Null);
            Assert.That(added!.ParticipantId, Is.EqualTo(TestDoubles.ParticipantId));
            Assert.That(dto.Id, Is.EqualTo(added.Id));
            Assert.That(dto.ExternalId, Is.EqualTo("customer-1"));
            Assert.That(dto.Status, Is.EqualTo(CustomerStatus.Inactive));
            Assert.That(dto.ParticipantId, Is.EqualTo(TestDoubles.ParticipantId));
            Assert.That(dto.CreatedAt, Is.EqualTo(_doubles.Clock.GetUtcNow().UtcDateTime));
        });
        _doubles.UnitOfWork.Verify(unitOfWork => unitOfWork.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public void A_duplicate_externalId_reported_by_the_store_propagates()
    {
        _doubles.UnitOfWork.Setup(unitOfWork => unitOfWork.SaveChangesAsync(It.IsAny<CancellationToken>()))
            .ThrowsAsync(ConflictException.DuplicateExternalId());

        var conflict = Assert.ThrowsAsync<ConflictException>(() => Handler().Handle(new CreateCustomerCommand("customer-1", "active"), CancellationToken.None));

        Assert.That(conflict!.Code, Is.EqualTo(ContractErrors.DuplicateExternalId.Code));
    }

    private CreateCustomerHandler Handler() =>
        new(_doubles.Customers.Object, _doubles.UnitOfWork.Object, _doubles.Participant.Object, _doubles.Clock, TestDoubles.Mapper, _doubles.Metrics);
}
