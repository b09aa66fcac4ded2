using System.Diagnostics.Metrics;
using AutoMapper;
using CustomerService.Application.Common.Abstractions;
using CustomerService.Application.Common.Telemetry;
using CustomerService.Application.Customers;
using CustomerService.Domain.Customers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace CustomerService.Application.UnitTests;

/// <summary>The collaborators a handler needs, made fresh for every test (NUnit shares fixture instances).</summary>
internal sealed class TestDoubles
{
    public const string ParticipantId = "participant-1";

    public static readonly IMapper Mapper =
        new MapperConfiguration(configuration => configuration.AddProfile<CustomerMappingProfile>()).CreateMapper();

    private static readonly ServiceProvider MetricsServices = new ServiceCollection().AddMetrics().BuildServiceProvider();

    public TestDoubles()
    {
        Customers.Setup(repository => repository.FindForUpdateAsync(It.IsAny<Guid>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((Customer?)null);
        ReadModel.Setup(readModel => readModel.FindCustomerAsync(It.IsAny<Guid>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((CustomerDto?)null);
        UnitOfWork.Setup(unitOfWork => unitOfWork.SaveChangesAsync(It.IsAny<CancellationToken>())).Returns(Task.CompletedTask);
        Participant.Setup(participant => participant.Id).Returns(ParticipantId);
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));

    public Mock<ICustomerRepository> Customers { get; } = new();

    /// <summary>The query side, answering with the stored customers as they are when asked.</summary>
    public Mock<ICustomerReadModel> ReadModel { get; } = new();

    public Mock<IUnitOfWork> UnitOfWork { get; } = new();

    public Mock<ICurrentParticipant> Participant { get; } = new();

    /// <summary>The service's counters, on a meter of this test's own (listen to it with a MeterListener).</summary>
    public CustomerMetrics Metrics { get; } = new(MetricsServices.GetRequiredService<IMeterFactory>());

    public Customer NewCustomer(CustomerStatus status = CustomerStatus.Active, string? externalId = null) =>
        Customer.Create(ParticipantId, ExternalId.Check(externalId ?? $"customer-{Guid.NewGuid():N}").Value, status, Clock);

    /// <summary>Makes <paramref name="customer"/> findable both for reading and for changing.</summary>
    public Customer Stored(Customer customer)
    {
        ReadModel.Setup(readModel => readModel.FindCustomerAsync(customer.Id, It.IsAny<CancellationToken>()))
            .ReturnsAsync(() => Mapper.Map<CustomerDto>(customer));
        Customers.Setup(repository => repository.FindForUpdateAsync(customer.Id, It.IsAny<CancellationToken>())).ReturnsAsync(customer);
        return customer;
    }
}
