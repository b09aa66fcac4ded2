using CustomerService.Application.Common;
using CustomerService.Application.Common.Errors;
using CustomerService.Application.Customers.UpdateCustomerStatus;
using CustomerService.Domain.Customers;
using Moq;

namespace CustomerService.Application.UnitTests.Customers;

public sealed class UpdateCustomerStatusHandlerTests
{
    private TestDoubles _doubles = null!;

    [SetUp]
    public void Arrange() => _doubles = new TestDoubles();

    [Test]
    public async Task Changes_the_status_and_saves()
    {
        var customer = _doubles.Stored(_doubles.NewCustomer());
        _doubles.Clock.Advance(TimeSpan.FromMinutes(1));

        var dto = await Handle(customer.Id, "suspended");

        Assert.Multiple(() =>
        {
            Assert.That(dto.Status, Is.EqualTo(CustomerStatus.Suspended));
            Assert.That(dto.UpdatedAt, Is.EqualTo(_doubles.Clock.GetUtcNow().UtcDateTime));
            Assert.That(dto.Version, Is.EqualTo(2));
        });
        _doubles.UnitOfWork.Verify(unitOfWork => unitOfWork.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task The_same_status_saves_nothing_and_returns_the_customer_unchanged()
    {
        var customer = _doubles.Stored(_doubles.NewCustomer(CustomerStatus.Inactive));

        var dto = await Handle(customer.Id, "inactive");

        Assert.Multiple(() =>
        {
            Assert.That(dto.UpdatedAt, Is.EqualTo(dto.CreatedAt));
            Assert.That(dto.Version, Is.EqualTo(1));
        });
        _doubles.UnitOfWork.Verify(unitOfWork => unitOfWork.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public void A_stale_if_match_version_fails_the_precondition_and_saves_nothing()
    {
        var customer = _doubles.Stored(_doubles.NewCustomer());

        Assert.That(() => Handle(customer.Id, "deleted", accepted: [7]), Throws.TypeOf<ApplicationErrorException>().With.Property(nameof(ApplicationErrorException.Error)).SameAs(ContractErrors.PreconditionFailed));
        Assert.That(customer.Status, Is.EqualTo(CustomerStatus.Active));
        _doubles.UnitOfWork.Verify(unitOfWork => unitOfWork.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task The_current_if_match_version_lets_the_change_through()
    {
        var customer = _doubles.Stored(_doubles.NewCustomer());

        var dto = await Handle(customer.Id, "deleted", accepted: [1]);

        Assert.That(dto.Status, Is.EqualTo(CustomerStatus.Deleted));
    }

    [Test]
    public void A_race_lost_at_save_with_if_match_fails_the_precondition()
    {
        var customer = _doubles.Stored(_doubles.NewCustomer());
        LoseRaces(1);

        Assert.That(() => Handle(customer.Id, "deleted", accepted: [1]), Throws.TypeOf<ApplicationErrorException>().With.Property(nameof(ApplicationErrorException.Error)).SameAs(ContractErrors.PreconditionFailed));
        _doubles.UnitOfWork.Verify(unitOfWork => unitOfWork.DiscardChanges(), Times.Never);
    }

    [Test]
    public async Task A_race_lost_at_save_without_if_match_is_retried_on_fresh_data()
    {
        var stale = _doubles.NewCustomer();
        var fresh = _doubles.NewCustomer();
        _doubles.Customers.SetupSequence(repository => repository.FindForUpdateAsync(stale.Id, It.IsAny<CancellationToken>()))
            .ReturnsAsync(stale)
            .ReturnsAsync(fresh);
        LoseRaces(1);

        var dto = await Handle(stale.Id, "suspended");

        Assert.That(dto.Id, Is.EqualTo(fresh.Id));
        _doubles.UnitOfWork.Verify(unitOfWork => unitOfWork.DiscardChanges(), Times.Once);
        _doubles.UnitOfWork.Verify(unitOfWork => unitOfWork.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Exactly(2));
    }

    [Test]
    public void Losing_every_attempt_gives_up_with_the_conflict()
    {
        var customer = _doubles.NewCustomer();
        _doubles.Customers.Setup(repository => repository.FindForUpdateAsync(customer.Id, It.IsAny<CancellationToken>()))
            .ReturnsAsync(() => _doubles.NewCustomer());
        LoseRaces(OptimisticConcurrency.MaxAttempts);

        Assert.That(() => Handle(customer.Id, "suspended"), Throws.TypeOf<ConcurrencyConflictException>());
        _doubles.UnitOfWork.Verify(unitOfWork => unitOfWork.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Exactly(OptimisticConcurrency.MaxAttempts));
    }

    [Test]
    public void An_unknown_customer_is_not_found()
    {
        Assert.That(() => Handle(Guid.NewGuid(), "active"), Throws.TypeOf<NotFoundException>());
    }

    private void LoseRaces(int times)
    {
        var saves = _doubles.UnitOfWork.SetupSequence(unitOfWork => unitOfWork.SaveChangesAsync(It.IsAny<CancellationToken>()));
        for (var i = 0; i < times; i++)
        {
            saves = saves.ThrowsAsync(new ConcurrencyConflictException(new InvalidOperationException()));
        }

        saves.Returns(Task.CompletedTask);
    }

    private Task<Application.Customers.CustomerDto> Handle(Guid id, string status, HashSet<int>? accepted = null) =>
        new UpdateCustomerStatusHandler(_doubles.Customers.Object, _doubles.UnitOfWork.Object, _doubles.Clock, TestDoubles.Mapper, _doubles.Metrics)
            .Handle(new UpdateCustomerStatusCommand(id, status, accepted), CancellationToken.None);
}
