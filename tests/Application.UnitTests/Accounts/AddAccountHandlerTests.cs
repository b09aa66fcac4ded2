using CustomerService.Application.Common.Abstractions;
using CustomerService.Application.Common.Errors;
using CustomerService.Application.Customers.AddAccount;
using CustomerService.Domain.Customers;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace CustomerService.Application.UnitTests.Accounts;

public sealed class AddAccountHandlerTests
{
    private const string Solana = "TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA";
    private const string Ethereum = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed";

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));
    private Mock<ICustomerRepository> _customers = null!;
    private Mock<IUnitOfWork> _unitOfWork = null!;

    [SetUp]
    public void NothingStoredAndEverySaveSucceeds()
    {
        // NUnit shares one fixture instance between tests, so the mocks are made fresh for each.
        _customers = new Mock<ICustomerRepository>();
        _unitOfWork = new Mock<IUnitOfWork>();
        _customers.Setup(repository => repository.FindForUpdateAsync(It.IsAny<Guid>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((Customer?)null);
        _unitOfWork.Setup(unitOfWork => unitOfWork.SaveChangesAsync(It.IsAny<CancellationToken>())).Returns(Task.CompletedTask);
    }

    [Test]
    public async Task Adds_the_account_saves_once_and_returns_it()
    {
        var customer = Customer.Create("participant-1", ExternalId.Check("customer-1").Value, CustomerStatus.Active, _clock);
        _customers.Setup(repository => repository.FindForUpdateAsync(customer.Id, It.IsAny<CancellationToken>())).ReturnsAsync(customer);

        var account = await Handler().Handle(new AddAccountCommand(customer.Id, "solana", Solana, "hot"), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(account.Address, Is.EqualTo(Solana));
            Assert.That(account.Label, Is.EqualTo("hot"));
            Assert.That(customer.Accounts.Single().Id, Is.EqualTo(account.Id));
        });
        _unitOfWork.Verify(unitOfWork => unitOfWork.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public void Unknown_customer_is_not_found()
    {
        Assert.That(
            () => Handler().Handle(new AddAccountCommand(Guid.NewGuid(), "solana", Solana, null), CancellationToken.None),
            Throws.TypeOf<NotFoundException>());
    }

    [Test]
    public async Task A_lost_race_is_retried_on_fresh_data()
    {
        var stale = Customer.Create("participant-1", ExternalId.Check("customer-1").Value, CustomerStatus.Active, _clock);
        var fresh = Customer.Create("participant-1", ExternalId.Check("customer-1").Value, CustomerStatus.Active, _clock);
        _customers.SetupSequence(repository => repository.FindForUpdateAsync(It.IsAny<Guid>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(stale)
            .ReturnsAsync(fresh);
        _unitOfWork.SetupSequence(unitOfWork => unitOfWork.SaveChangesAsync(It.IsAny<CancellationToken>()))
            .ThrowsAsync(new ConcurrencyConflictException(new InvalidOperationException()))
            .Returns(Task.CompletedTask);

        await Handler().Handle(new AddAccountCommand(stale.Id, "solana", Solana, null), CancellationToken.None);

        Assert.That(fresh.Accounts, Has.Count.EqualTo(1));
        _unitOfWork.Verify(unitOfWork => unitOfWork.DiscardChanges(), Times.Once);
    }

    [Test]
    public void A_customer_at_the_configured_limit_is_refused_and_nothing_is_saved()
    {
        var customer = Customer.Create("participant-1", ExternalId.Check("customer-1").Value, CustomerStatus.Active, _clock);
        customer.AddAccount(BlockchainAddress.Check(Network.Solana, Solana).Value, null, maxAccounts: 1, _clock);
        _customers.Setup(repository => repository.FindForUpdateAsync(customer.Id, It.IsAny<CancellationToken>())).ReturnsAsync(customer);

        Assert.That(
            () => Handler(maxAccounts: 1).Handle(new AddAccountCommand(customer.Id, "ethereum", Ethereum, null), CancellationToken.None),
            Throws.TypeOf<AccountLimitReachedException>());
        _unitOfWork.Verify(unitOfWork => unitOfWork.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public void A_race_for_the_last_place_lost_is_refused_on_the_winners_state()
    {
        var stale = Customer.Create("participant-1", ExternalId.Check("customer-1").Value, CustomerStatus.Active, _clock);
        var fresh = Customer.Create("participant-1", ExternalId.Check("customer-1").Value, CustomerStatus.Active, _clock);
        fresh.AddAccount(BlockchainAddress.Check(Network.Solana, Solana).Value, null, maxAccounts: 1, _clock);
        _customers.SetupSequence(repository => repository.FindForUpdateAsync(It.IsAny<Guid>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(stale)
            .ReturnsAsync(fresh);
        _unitOfWork.SetupSequence(unitOfWork => unitOfWork.SaveChangesAsync(It.IsAny<CancellationToken>()))
            .ThrowsAsync(new ConcurrencyConflictException(new InvalidOperationException()));

        Assert.That(
            () => Handler(maxAccounts: 1).Handle(new AddAccountCommand(stale.Id, "ethereum", Ethereum, null), CancellationToken.None),
            Throws.TypeOf<AccountLimitReachedException>());
        Assert.That(fresh.Accounts, Has.Count.EqualTo(1));
    }

    private AddAccountHandler Handler(int maxAccounts = 1000) =>
        new(_customers.Object, _unitOfWork.Object, _clock, TestDoubles.Mapper, Options.Create(new AccountLimitOptions { AccountsPerCustomer = maxAccounts }));
}
