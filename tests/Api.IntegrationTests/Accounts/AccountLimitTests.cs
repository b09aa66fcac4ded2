using CustomerService.Application.Common.Abstractions;
using CustomerService.Infrastructure.Persistence;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CustomerService.Api.IntegrationTests.Accounts;

/// <summary>
/// A customer holds at most <c>Limits:AccountsPerCustomer</c> accounts (here 3); the one over it is
/// 409 ACCOUNT_LIMIT_REACHED, also when several additions race for the last place.
/// </summary>
public sealed class AccountLimitTests : ServiceFixture
{
    private const int Limit = 3;

    [Test]
    public async Task Accounts_up_to_the_limit_are_registered_and_the_one_over_it_is_409_ACCOUNT_LIMIT_REACHED()
    {
        var customerId = await NewCustomerAsync();
        for (var i = 0; i < Limit; i++)
        {
            using var accepted = await AddAccountAsync(customerId);
            Assert.That((int)accepted.StatusCode, Is.EqualTo(201), await accepted.Content.ReadAsStringAsync());
        }

        using var refused = await AddAccountAsync(customerId);

        var details = await refused.AssertErrorAsync(409, "ACCOUNT_LIMIT_REACHED");
        Assert.That(details, Is.Empty);
        Assert.That(await AccountCountAsync(customerId), Is.EqualTo(Limit));
    }

    [Test]
    public async Task The_limit_is_per_customer()
    {
        var full = await NewCustomerAsync();
        for (var i = 0; i < Limit; i++)
        {
            using var accepted = await AddAccountAsync(full);
        }

        var other = await NewCustomerAsync();
        using var response = await AddAccountAsync(other);

        Assert.That((int)response.StatusCode, Is.EqualTo(201));
    }

    [Test]
    public async Task Concurrent_additions_that_all_read_the_customer_one_short_of_the_limit_register_exactly_one()
    {
        const int racers = 6;
        var customerId = await NewCustomerAsync();
        for (var i = 0; i < Limit - 1; i++)
        {
            using var accepted = await AddAccountAsync(customerId);
            Assert.That((int)accepted.StatusCode, Is.EqualTo(201));
        }

        // Every racer has read the customer with one place left before any of them saves.
        var rendezvous = new SaveRendezvous(racers);
        await using var racing = Factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
        {
            services.AddScoped<EfUnitOfWork>();
            services.Replace(ServiceDescriptor.Scoped<IUnitOfWork>(provider => new RendezvousUnitOfWork(provider.GetRequiredService<EfUnitOfWork>(), rendezvous)));
        }));
        using var client = racing.CreateClient();

        var responses = await Task.WhenAll(Enumerable.Range(0, racers).Select(_ => AddAccountAsync(client, customerId)));
        try
        {
            Assert.That(rendezvous.AllArrived, Is.True, "the premise: every racer read before any saved");
            var statuses = responses.Select(response => (int)response.StatusCode).ToList();
            Assert.That(statuses.Count(status => status == 201), Is.EqualTo(1), string.Join(", ", statuses));
            foreach (var response in responses.Where(response => (int)response.StatusCode != 201))
            {
                await response.AssertErrorAsync(409, "ACCOUNT_LIMIT_REACHED");
            }
        }
        finally
        {
            foreach (var response in responses)
            {
                response.Dispose();
            }
        }

        Assert.That(await AccountCountAsync(customerId), Is.EqualTo(Limit));
    }

    protected override CustomerServiceFactory CreateFactory() =>
        new(settings: new Dictionary<string, string?> { ["Limits:AccountsPerCustomer"] = Limit.ToString(System.Globalization.CultureInfo.InvariantCulture) });

    private Task<HttpResponseMessage> AddAccountAsync(string customerId) => AddAccountAsync(Client, customerId);

    private static Task<HttpResponseMessage> AddAccountAsync(HttpClient client, string customerId) =>
        client.PostJsonAsync(AccountsPath(customerId), $$"""{"network":"ethereum","address":"{{RandomEvm()}}"}""");

    private async Task<int> AccountCountAsync(string customerId)
    {
        using var response = await Client.GetAsync(AccountsPath(customerId));
        Assert.That((int)response.StatusCode, Is.EqualTo(200));
        return (await response.ReadArrayAsync()).Count;
    }

    private async Task<string> NewCustomerAsync() =>
        (await Client.CreateCustomerOkAsync(ContractClient.UniqueExternalId("limit"))).Id();

    private static string AccountsPath(string customerId) => $"{ContractClient.CustomersPath}/{customerId}/accounts";

    /// <summary>A fresh EVM address in lowercase, which is accepted as is (no checksum to pass).</summary>
    private static string RandomEvm() => $"0x{Convert.ToHexStringLower(Guid.NewGuid().ToByteArray())}{Convert.ToHexStringLower(BitConverter.GetBytes(Random.Shared.Next()))}";

    /// <summary>Holds the first saves until <c>count</c> of them have arrived (or a few seconds pass); later saves go straight through.</summary>
    private sealed class SaveRendezvous(int count)
    {
        private readonly TaskCompletionSource _allArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _arrived;

        public bool AllArrived => _allArrived.Task.IsCompletedSuccessfully;

        public async Task ArriveAsync()
        {
            if (Interlocked.Increment(ref _arrived) >= count)
            {
                _allArrived.TrySetResult();
            }

            await Task.WhenAny(_allArrived.Task, Task.Delay(TimeSpan.FromSeconds(10)));
        }
    }

    /// <summary>The service's unit of work, saving only once the rendezvous lets it.</summary>
    private sealed class RendezvousUnitOfWork(IUnitOfWork inner, SaveRendezvous rendezvous) : IUnitOfWork
    {
        public async Task SaveChangesAsync(CancellationToken cancellationToken)
        {
            await rendezvous.ArriveAsync();
            await inner.SaveChangesAsync(cancellationToken);
        }

        public void DiscardChanges() => inner.DiscardChanges();
    }
}
