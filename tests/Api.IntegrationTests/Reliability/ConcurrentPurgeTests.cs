using System.Net;
using CustomerService.Application.Common.Idempotency;
using CustomerService.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CustomerService.Api.IntegrationTests.Reliability;

/// <summary>Every instance purges expired idempotency keys; purges of several instances at once are harmless.</summary>
public sealed class ConcurrentPurgeTests
{
    private const int Keys = 40;
    private const int PurgesPerInstance = 4;

    [Test]
    public async Task Purges_of_two_instances_at_once_all_succeed_and_delete_each_expired_key_once()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var database = Engine.NewDatabase();
        using var first = new CustomerServiceFactory(database, clock: clock);
        using var second = new CustomerServiceFactory(database, clock: clock);
        try
        {
            using var client = first.CreateClient();
            for (var i = 0; i < Keys; i++)
            {
                using var request = ContractClient.Request(HttpMethod.Post, ContractClient.CustomersPath, ContractClient.CreateBody(ContractClient.UniqueExternalId("purge"), "active"));
                request.Headers.TryAddWithoutValidation("Idempotency-Key", $"purge-{i}");
                using var created = await client.SendAsync(request);
                Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            }

            clock.Advance(TimeSpan.FromHours(25));
            var purged = await Task.WhenAll(
                Enumerable.Range(0, PurgesPerInstance).SelectMany(_ => new[] { PurgeAsync(first), PurgeAsync(second) }));

            await Assert.MultipleAsync(async () =>
            {
                Assert.That(purged.Sum(), Is.LessThanOrEqualTo(Keys), "no key is counted as deleted twice");
                Assert.That(await KeyCountAsync(second), Is.Zero);
            });
        }
        finally
        {
            first.Dispose();
            second.Dispose();
            Engine.DeleteDatabase(database);
        }
    }

    private static async Task<int> PurgeAsync(CustomerServiceFactory instance)
    {
        await using var scope = instance.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IIdempotencyStore>().PurgeExpiredAsync(CancellationToken.None);
    }

    private static async Task<int> KeyCountAsync(CustomerServiceFactory instance)
    {
        await using var scope = instance.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CustomerDbContext>().IdempotencyKeys.CountAsync();
    }
}
