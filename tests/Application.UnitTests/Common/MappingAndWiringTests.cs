using AutoMapper;
using CustomerService.Application.Common.Abstractions;
using CustomerService.Application.Common.Errors;
using CustomerService.Application.Customers;
using CustomerService.Application.Customers.AddAccount;
using CustomerService.Application.Customers.CreateCustomer;
using CustomerService.Application.Events;
using CustomerService.Domain.Customers;
using MediatR;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Moq;

namespace CustomerService.Application.UnitTests.Common;

public sealed class MappingAndWiringTests
{
    [Test]
    public void The_mapping_configuration_is_valid()
    {
        var configuration = new MapperConfiguration(expression => expression.AddProfile<CustomerMappingProfile>());

        Assert.That(configuration.AssertConfigurationIsValid, Throws.Nothing);
    }

    [Test]
    public void A_customer_maps_to_a_dto_with_every_field()
    {
        var doubles = new TestDoubles();
        var customer = doubles.NewCustomer(CustomerStatus.Active, "mapped");
        var account = customer.AddAccount(BlockchainAddress.Check(Network.Bitcoin, "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2").Value, AccountLabel.CheckOptional("cold").Value, 1000, doubles.Clock);
        customer.ChangeStatus(CustomerStatus.Deleted, doubles.Clock);

        var dto = TestDoubles.Mapper.Map<CustomerDto>(customer);

        Assert.Multiple(() =>
        {
            Assert.That(dto.Id, Is.EqualTo(customer.Id));
            Assert.That(dto.ExternalId, Is.EqualTo("mapped"));
            Assert.That(dto.Status, Is.EqualTo(CustomerStatus.Deleted));
            Assert.That(dto.ParticipantId, Is.EqualTo(TestDoubles.ParticipantId));
            Assert.That(dto.CreatedAt, Is.EqualTo(customer.CreatedAt));
            Assert.That(dto.UpdatedAt, Is.EqualTo(customer.UpdatedAt));
            Assert.That(dto.Version, Is.EqualTo(customer.Version));
            Assert.That(dto.Accounts, Is.EqualTo(new[] { new AccountDto(account.Id, Network.Bitcoin, account.Address, "cold", account.CreatedAt) }));
        });
    }

    [Test]
    public void AddApplication_resolves_the_mediator_and_a_handler_for_every_request()
    {
        using var provider = Services().BuildServiceProvider();
        var handlers = typeof(CreateCustomerCommand).Assembly.GetTypes()
            .Where(type => type is { IsClass: true, IsAbstract: false })
            .SelectMany(type => type.GetInterfaces()
                .Where(contract => contract.IsGenericType && contract.GetGenericTypeDefinition() == typeof(IRequest<>))
                .Select(contract => typeof(IRequestHandler<,>).MakeGenericType(type, contract.GetGenericArguments()[0])))
            .ToList();

        Assert.That(handlers, Has.Count.GreaterThanOrEqualTo(8));
        Assert.Multiple(() =>
        {
            Assert.That(provider.GetService<IMediator>(), Is.Not.Null);
            foreach (var handler in handlers)
            {
                Assert.That(provider.GetService(handler), Is.Not.Null, handler.GenericTypeArguments[0].Name);
            }
        });
    }

    [Test]
    public void An_invalid_command_sent_through_the_mediator_is_refused_before_the_handler_runs()
    {
        var customers = new Mock<ICustomerRepository>();
        using var provider = Services(customers).BuildServiceProvider();
        using var scope = provider.CreateScope();

        var failure = Assert.ThrowsAsync<RequestValidationException>(() =>
            scope.ServiceProvider.GetRequiredService<IMediator>().Send(new CreateCustomerCommand(null, "bogus")));

        Assert.That(failure!.Details.Select(detail => detail.Field), Is.EqualTo(new[] { "externalId", "status" }));
        customers.Verify(repository => repository.Add(It.IsAny<Customer>()), Times.Never);
    }

    [Test]
    public void A_domain_rule_broken_inside_a_handler_reaches_the_caller_as_a_typed_error()
    {
        var doubles = new TestDoubles();
        var customer = doubles.Stored(doubles.NewCustomer(CustomerStatus.Suspended));
        using var provider = Services(doubles.Customers, doubles.UnitOfWork).BuildServiceProvider();
        using var scope = provider.CreateScope();

        var failure = Assert.ThrowsAsync<ConflictException>(() => scope.ServiceProvider.GetRequiredService<IMediator>()
            .Send(new AddAccountCommand(customer.Id, "solana", "TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA", null)));

        Assert.That(failure!.Code, Is.EqualTo(ContractErrors.CustomerNotActive.Code));
    }

    [Test]
    public void The_account_limit_is_1000_unless_Limits_AccountsPerCustomer_says_otherwise()
    {
        using var defaults = Services().BuildServiceProvider();
        using var configured = Services(settings: new Dictionary<string, string?> { ["Limits:AccountsPerCustomer"] = "7" }).BuildServiceProvider();

        Assert.Multiple(() =>
        {
            Assert.That(defaults.GetRequiredService<IOptions<AccountLimitOptions>>().Value.AccountsPerCustomer, Is.EqualTo(1000));
            Assert.That(configured.GetRequiredService<IOptions<AccountLimitOptions>>().Value.AccountsPerCustomer, Is.EqualTo(7));
        });
    }

    [TestCase("0")]
    [TestCase("-5")]
    public void An_account_limit_below_one_is_refused(string limit)
    {
        using var provider = Services(settings: new Dictionary<string, string?> { ["Limits:AccountsPerCustomer"] = limit }).BuildServiceProvider();

        Assert.That(() => provider.GetRequiredService<IOptions<AccountLimitOptions>>().Value, Throws.TypeOf<OptionsValidationException>());
    }

    private static ServiceCollection Services(
        Mock<ICustomerRepository>? customers = null,
        Mock<IUnitOfWork>? unitOfWork = null,
        Dictionary<string, string?>? settings = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings ?? []).Build());
        services.AddApplication();
        services.AddSingleton((customers ?? new Mock<ICustomerRepository>()).Object);
        services.AddSingleton(new Mock<ICustomerReadModel>().Object);
        services.AddSingleton(new Mock<IEventFeed>().Object);
        services.AddSingleton(new Mock<IEventSerializer>().Object);
        services.AddSingleton(new Mock<IWebhookEndpointRepository>().Object);
        services.AddSingleton(new Mock<IWebhookEndpointReadModel>().Object);
        services.AddSingleton(new Mock<IHostAddressResolver>().Object);
        services.AddSingleton(new Mock<IWebhookDeliveryLog>().Object);
        services.AddSingleton((unitOfWork ?? new Mock<IUnitOfWork>()).Object);
        services.AddSingleton(new Mock<ICurrentParticipant>().Object);
        return services;
    }
}
