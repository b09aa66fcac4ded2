using CustomerService.Application.Common;
using CustomerService.Application.Common.Errors;
using CustomerService.Application.Customers;
using CustomerService.Application.Customers.UseCaseName;
using Moq;

namespace CustomerService.Application.UnitTests.Customers;

public sealed class UseCaseNameHandlerTests
{
    private TestDoubles _doubles = null!;

    [SetUp]
    public void Arrange() => _doubles = new TestDoubles();

    [Test]
    public async Task Saves_the_customer_once_and_answers_with_it()
    {
        var customer = _doubles.Stored(_doubles.NewCustomer());

        var dto = await Handle(customer.Id);

        Assert.Multiple(() =>
        {
            Assert.That(dto.Id, Is.EqualTo(customer.Id));
            Assert.That(dto.ExternalId, Is.EqualTo(customer.ExternalId));
            Assert.That(dto.Version, Is.EqualTo(customer.Version));
        });
        _doubles.UnitOfWork.Verify(unitOfWork => unitOfWork.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public void An_unknown_customer_is_not_found_and_nothing_is_saved()
    {
        Assert.That(() => Handle(Guid.CreateVersion7()), Throws.TypeOf<NotFoundException>());
        _doubles.UnitOfWork.Verify(unitOfWork => unitOfWork.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task A_race_lost_at_save_is_retried_on_fresh_data()
    {
        var stale = _doubles.NewCustomer();
        var fresh = _doubles.NewCustomer();
        _doubles.Customers.SetupSequence(repository => repository.FindForUpdateAsync(stale.Id, It.IsAny<CancellationToken>()))
            .ReturnsAsync(stale)
            .ReturnsAsync(fresh);
        _doubles.UnitOfWork.SetupSequence(unitOfWork => unitOfWork.SaveChangesAsync(It.IsAny<CancellationToken>()))
            .ThrowsAsync(new ConcurrencyConflictException(new InvalidOperationException()))
            .Returns(Task.CompletedTask);

        var dto = await Handle(stale.Id);

        Assert.That(dto.Id, Is.EqualTo(fresh.Id));
        _doubles.UnitOfWork.Verify(unitOfWork => unitOfWork.DiscardChanges(), Times.Once);
    }

    [Test]
    public void Losing_every_attempt_gives_up_with_the_conflict()
    {
        var customer = _doubles.Stored(_doubles.NewCustomer());
        _doubles.UnitOfWork.Setup(unitOfWork => unitOfWork.SaveChangesAsync(It.IsAny<CancellationToken>()))
            .ThrowsAsync(new ConcurrencyConflictException(new InvalidOperationException()));

        Assert.That(() => Handle(customer.Id), Throws.TypeOf<ConcurrencyConflictException>());
        _doubles.UnitOfWork.Verify(unitOfWork => unitOfWork.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Exactly(OptimisticConcurrency.MaxAttempts));
    }

    private Task<CustomerDto> Handle(Guid id) =>
        new UseCaseNameHandler(_doubles.Customers.Object, _doubles.UnitOfWork.Object, TestDoubles.Mapper)
            .Handle(new UseCaseNameCommand(id), CancellationToken.None);
}
