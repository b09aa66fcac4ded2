using CustomerService.Application.Common.Errors;
using CustomerService.Application.Customers.GetCustomer;
using CustomerService.Application.Customers.GetCustomerAddresses;

namespace CustomerService.Application.UnitTests.Customers;

public sealed class ReadCustomerHandlerTests
{
    private TestDoubles _doubles = null!;

    [SetUp]
    public void Arrange() => _doubles = new TestDoubles();

    [Test]
    public async Task Get_returns_the_stored_customer()
    {
        var customer = _doubles.Stored(_doubles.NewCustomer());

        var dto = await new GetCustomerHandler(_doubles.ReadModel.Object)
            .Handle(new GetCustomerQuery(customer.Id), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(dto.Id, Is.EqualTo(customer.Id));
            Assert.That(dto.ExternalId, Is.EqualTo(customer.ExternalId));
            Assert.That(dto.Version, Is.EqualTo(customer.Version));
        });
    }

    [Test]
    public void Get_of_an_unknown_customer_is_not_found()
    {
        var failure = Assert.ThrowsAsync<NotFoundException>(() =>
            new GetCustomerHandler(_doubles.ReadModel.Object).Handle(new GetCustomerQuery(Guid.NewGuid()), CancellationToken.None));

        Assert.That(failure!.Code, Is.EqualTo(ContractErrors.NotFound.Code));
    }

    [Test]
    public async Task Addresses_of_a_customer_without_accounts_are_empty()
    {
        var customer = _doubles.Stored(_doubles.NewCustomer());

        var addresses = await new GetCustomerAddressesHandler(_doubles.ReadModel.Object)
            .Handle(new GetCustomerAddressesQuery(customer.Id), CancellationToken.None);

        Assert.That(addresses, Is.Empty);
    }

    [Test]
    public async Task Addresses_are_the_accounts_addresses_in_creation_order()
    {
        var customer = _doubles.Stored(_doubles.NewCustomer());
        customer.AddAccount(Domain.Customers.BlockchainAddress.Check(Domain.Customers.Network.Solana, "TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA").Value, null, 1000, _doubles.Clock);
        customer.AddAccount(Domain.Customers.BlockchainAddress.Check(Domain.Customers.Network.Ethereum, "0xde709f2102306220921060314715629080e2fb77").Value, null, 1000, _doubles.Clock);

        var addresses = await new GetCustomerAddressesHandler(_doubles.ReadModel.Object)
            .Handle(new GetCustomerAddressesQuery(customer.Id), CancellationToken.None);

        Assert.That(addresses, Is.EqualTo(new[] { "TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA", "0xde709f2102306220921060314715629080e2fb77" }));
    }

    [Test]
    public void Addresses_of_an_unknown_customer_are_not_found()
    {
        Assert.That(
            () => new GetCustomerAddressesHandler(_doubles.ReadModel.Object).Handle(new GetCustomerAddressesQuery(Guid.NewGuid()), CancellationToken.None),
            Throws.TypeOf<NotFoundException>());
    }
}
