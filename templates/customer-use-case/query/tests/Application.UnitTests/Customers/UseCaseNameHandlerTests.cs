using CustomerService.Application.Common.Errors;
using CustomerService.Application.Customers;
using CustomerService.Application.Customers.UseCaseName;

namespace CustomerService.Application.UnitTests.Customers;

public sealed class UseCaseNameHandlerTests
{
    private TestDoubles _doubles = null!;

    [SetUp]
    public void Arrange() => _doubles = new TestDoubles();

    [Test]
    public async Task Answers_with_what_the_read_model_finds()
    {
        var customer = _doubles.Stored(_doubles.NewCustomer());

        var dto = await Handle(customer.Id);

        Assert.Multiple(() =>
        {
            Assert.That(dto.Id, Is.EqualTo(customer.Id));
            Assert.That(dto.ExternalId, Is.EqualTo(customer.ExternalId));
            Assert.That(dto.Version, Is.EqualTo(customer.Version));
        });
    }

    [Test]
    public void An_unknown_customer_is_not_found() =>
        Assert.That(() => Handle(Guid.CreateVersion7()), Throws.TypeOf<NotFoundException>());

    private Task<CustomerDto> Handle(Guid id) =>
        new UseCaseNameHandler(_doubles.ReadModel.Object).Handle(new UseCaseNameQuery(id), CancellationToken.None);
}
