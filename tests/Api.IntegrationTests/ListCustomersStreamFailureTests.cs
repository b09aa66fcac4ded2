using CustomerService.Application.Common.Abstractions;
using CustomerService.Application.Customers;
using CustomerService.Application.Customers.ListCustomers;
using CustomerService.Domain.Customers;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Moq;

namespace CustomerService.Api.IntegrationTests;

/// <summary>
/// The full list fails after its answer has begun (its second database page cannot be read): the
/// client sees a broken transfer, never an array that looks complete, and the failure is logged
/// once, with the request id.
/// </summary>
public sealed class ListCustomersStreamFailureTests : ServiceFixture
{
    private const string Secret = "secret-mid-stream-detail";

    private readonly CapturedLogs _logs = new();
    private WebApplicationFactory<Program> _failing = null!;
    private HttpClient _client = null!;

    [OneTimeSetUp]
    public void StartFailingService()
    {
        _failing = Factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
        {
            services.Replace(ServiceDescriptor.Scoped(_ => FailingOnSecondPage()));
            services.AddSingleton<ILoggerProvider>(_logs);
        }));
        _client = _failing.CreateClient();
    }

    [OneTimeTearDown]
    public void StopFailingService()
    {
        _client.Dispose();
        _failing.Dispose();
    }

    [Test]
    public async Task A_failure_after_the_stream_began_aborts_the_response_and_is_logged_once_with_the_request_id()
    {
        var requestId = $"stream-failure-{Guid.NewGuid():N}";
        using var request = ContractClient.Request(HttpMethod.Get, ContractClient.CustomersPath);
        request.Headers.Add("X-Request-Id", requestId);

        using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.That((int)response.StatusCode, Is.EqualTo(200), "the answer had begun before the failure");
        await using var body = await response.Content.ReadAsStreamAsync();

        Assert.That(async () => await body.CopyToAsync(Stream.Null), Throws.InstanceOf<IOException>());
        var logged = _logs.Lines.Where(entry => entry.Level >= LogLevel.Warning && entry.ScopeRequestIds.Contains(requestId)).ToList();
        Assert.That(logged, Has.Count.EqualTo(1), string.Join(Environment.NewLine, logged.Select(entry => $"{entry.Category}: {entry.Message}")));
        Assert.Multiple(() =>
        {
            Assert.That(logged[0].Level, Is.EqualTo(LogLevel.Error));
            Assert.That(logged[0].Message, Does.Contain(requestId));
            Assert.That(logged[0].Exception?.Message, Is.EqualTo(Secret));
        });
    }

    /// <summary>A read model whose first page is a full one and whose next page cannot be read.</summary>
    private static ICustomerReadModel FailingOnSecondPage()
    {
        var createdAt = DateTime.UtcNow;
        var firstPage = Enumerable.Range(0, ListCustomersHandler.StreamPageSize)
            .Select(i => new CustomerDto(Guid.CreateVersion7(), $"customer-{i}", CustomerStatus.Active, "participant-test", [], createdAt, createdAt))
            .ToList();
        var readModel = new Mock<ICustomerReadModel>();
        readModel.Setup(r => r.ListPageAsync(It.Is<CustomerListFilter>(filter => filter.After == null), It.IsAny<CancellationToken>()))
            .ReturnsAsync(firstPage);
        readModel.Setup(r => r.ListPageAsync(It.Is<CustomerListFilter>(filter => filter.After != null), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new InvalidOperationException(Secret));
        return readModel.Object;
    }
}
