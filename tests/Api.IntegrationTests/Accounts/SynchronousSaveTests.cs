using System.Net.Http.Json;
using System.Security.Claims;
using CustomerService.Domain.Customers;
using CustomerService.Infrastructure.Persistence;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerService.Api.IntegrationTests.Accounts;

/// <summary>
/// The account row's participant is set by the context on every save, the synchronous one too; an
/// account saved without it would not be found by its own participant.
/// </summary>
public sealed class SynchronousSaveTests : ServiceFixture
{
    [Test]
    public async Task An_account_saved_by_a_synchronous_SaveChanges_belongs_to_its_participant()
    {
        var customer = Customer.Create(CustomerServiceFactory.DefaultParticipant, ExternalId.Check($"sync-{Guid.NewGuid():N}").Value, CustomerStatus.Active, TimeProvider.System);
        var account = customer.AddAccount(BlockchainAddress.Check(Network.Ethereum, "0xde709f2102306220921060314715629080e2fb77").Value, null, 1000, TimeProvider.System);
        var accessor = Factory.Services.GetRequiredService<IHttpContextAccessor>();
        accessor.HttpContext = new DefaultHttpContext
        {
            User = new ClaimsPrincipal(new ClaimsIdentity([new Claim("participant_id", CustomerServiceFactory.DefaultParticipant)], "test")),
        };
        try
        {
            await using var scope = Factory.Services.CreateAsyncScope();
            var context = scope.ServiceProvider.GetRequiredService<CustomerDbContext>();
            context.Customers.Add(customer);
            context.SaveChanges();
        }
        finally
        {
            accessor.HttpContext = null;
        }

        var addresses = await Client.GetFromJsonAsync<string[]>($"{ContractClient.CustomerPath(customer.Id.ToString())}/accounts/addresses");

        Assert.That(addresses, Is.EqualTo(new[] { account.Address }));
    }
}
