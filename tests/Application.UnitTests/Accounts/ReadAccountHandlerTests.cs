using CustomerService.Application.Common.Errors;
using CustomerService.Application.Customers;
using CustomerService.Application.Customers.GetAccount;
using CustomerService.Application.Customers.ListAccounts;
using CustomerService.Domain.Customers;
using Moq;

namespace CustomerService.Application.UnitTests.Accounts;

public sealed class ReadAccountHandlerTests
{
    private TestDoubles _doubles = null!;

    [SetUp]
    public void Arrange() => _doubles = new TestDoubles();

    [Test]
    public async Task Get_returns_the_account_the_read_model_finds()
    {
        var customerId = Guid.CreateVersion7();
        var account = new AccountDto(Guid.CreateVersion7(), Network.Solana, "TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA", "hot", DateTime.UtcNow);
        _doubles.ReadModel.Setup(readModel => readModel.FindAccountAsync(customerId, account.Id, It.IsAny<CancellationToken>())).ReturnsAsync(account);

        var found = await new GetAccountHandler(_doubles.ReadModel.Object).Handle(new GetAccountQuery(customerId, account.Id), CancellationToken.None);

        Assert.That(found, Is.SameAs(account));
        _doubles.ReadModel.Verify(readModel => readModel.CustomerExistsAsync(It.IsAny<Guid>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public void Get_of_an_unknown_account_of_a_known_customer_says_the_account_is_not_found()
    {
        var customerId = Guid.CreateVersion7();
        _doubles.ReadModel.Setup(readModel => readModel.CustomerExistsAsync(customerId, It.IsAny<CancellationToken>())).ReturnsAsync(true);

        var failure = Assert.ThrowsAsync<NotFoundException>(() =>
            new GetAccountHandler(_doubles.ReadModel.Object).Handle(new GetAccountQuery(customerId, Guid.CreateVersion7()), CancellationToken.None));

        Assert.That(failure!.Message, Is.EqualTo(NotFoundException.Account().Message));
    }

    [Test]
    public void Get_of_an_account_of_an_unknown_customer_says_the_customer_is_not_found()
    {
        var failure = Assert.ThrowsAsync<NotFoundException>(() =>
            new GetAccountHandler(_doubles.ReadModel.Object).Handle(new GetAccountQuery(Guid.CreateVersion7(), Guid.CreateVersion7()), CancellationToken.None));

        Assert.That(failure!.Message, Is.EqualTo(NotFoundException.Customer().Message));
    }

    [Test]
    public async Task List_returns_the_customers_accounts_in_the_order_read()
    {
        var customer = _doubles.Stored(_doubles.NewCustomer());
        customer.AddAccount(BlockchainAddress.Check(Network.Solana, "TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA").Value, null, 1000, _doubles.Clock);
        customer.AddAccount(BlockchainAddress.Check(Network.Ethereum, "0xde709f2102306220921060314715629080e2fb77").Value, AccountLabel.CheckOptional("cold").Value, 1000, _doubles.Clock);

        var accounts = await new ListAccountsHandler(_doubles.ReadModel.Object).Handle(new ListAccountsQuery(customer.Id), CancellationToken.None);

        Assert.That(accounts.Select(account => account.Address), Is.EqualTo(customer.Accounts.Select(account => account.Address)));
    }

    [Test]
    public void List_of_an_unknown_customer_is_not_found() =>
        Assert.That(
            () => new ListAccountsHandler(_doubles.ReadModel.Object).Handle(new ListAccountsQuery(Guid.CreateVersion7()), CancellationToken.None),
            Throws.TypeOf<NotFoundException>());
}
