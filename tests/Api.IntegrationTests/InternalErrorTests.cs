using CustomerService.Application.Common.Abstractions;
using CustomerService.Domain.Customers;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Moq;

namespace CustomerService.Api.IntegrationTests;

/// <summary>An unexpected failure deep inside: 500 INTERNAL_ERROR that leaks nothing.</summary>
public sealed class InternalErrorTests : ServiceFixture
{
    private const string Secret = "secret-sql-detail";
    private const string SomeId = "0193a6f4-8a1e-7c3b-9d2e-5f6a7b8c9d0e";

    private WebApplicationFactory<Program> _failing = null!;
    private HttpClient _failingClient = null!;

    [OneTimeSetUp]
    public void StartFailingService()
    {
        _failing = Factory.WithWebHostBuilder(builder =>
            builder.ConfigureTestServices(services =>
            {
                services.Replace(ServiceDescriptor.Scoped(_ => ThrowingRepository()));
                services.Replace(ServiceDescriptor.Scoped(_ => ThrowingReadModel()));
            }));
        _failingClient = _failing.CreateClient();
    }

    [OneTimeTearDown]
    public void StopFailingService()
    {
        _failingClient.Dispose();
        _failing.Dispose();
    }

    [TestCase("GET", "/api/v1/account-manager/customers/" + SomeId, null)]
    [TestCase("GET", "/api/v1/account-manager/customers/" + SomeId + "/accounts/addresses", null)]
    [TestCase("GET", "/api/v1/account-manager/customers", null)]
    [TestCase("GET", "/api/v1/account-manager/customers?limit=2", null)]
    [TestCase("PUT", "/api/v1/account-manager/customers/" + SomeId, """{"status":"inactive"}""")]
    [TestCase("POST", "/api/v1/account-manager/customers", """{"externalId":"boom","status":"active"}""")]
    public async Task Unexpected_exception_returns_500_INTERNAL_ERROR_that_leaks_nothing(string method, string path, string? body)
    {
        using var response = await _failingClient.SendAsync(new HttpMethod(method), path, body);
        var text = await response.Content.ReadAsStringAsync();

        var details = await response.AssertErrorAsync(500, "INTERNAL_ERROR");
        Assert.Multiple(() =>
        {
            Assert.That(details, Is.Empty);
            Assert.That(text, Does.Not.Contain("secret").IgnoreCase);
            Assert.That(text, Does.Not.Contain("InvalidOperationException"));
            Assert.That(text, Does.Not.Contain("ICustomerRepository"));
            Assert.That(text, Does.Not.Contain("ICustomerReadModel"));
        });
    }

    private static ICustomerRepository ThrowingRepository()
    {
        var failure = new InvalidOperationException(Secret);
        var repository = new Mock<ICustomerRepository>();
        repository.Setup(r => r.Add(It.IsAny<Customer>())).Throws(failure);
        repository.Setup(r => r.FindForUpdateAsync(It.IsAny<Guid>(), It.IsAny<CancellationToken>())).ThrowsAsync(failure);
        return repository.Object;
    }

    private static ICustomerReadModel ThrowingReadModel()
    {
        var failure = new InvalidOperationException(Secret);
        var readModel = new Mock<ICustomerReadModel>();
        readModel.Setup(r => r.FindCustomerAsync(It.IsAny<Guid>(), It.IsAny<CancellationToken>())).ThrowsAsync(failure);
        readModel.Setup(r => r.ListPageAsync(It.IsAny<CustomerListFilter>(), It.IsAny<CancellationToken>())).ThrowsAsync(failure);
        return readModel.Object;
    }
}
