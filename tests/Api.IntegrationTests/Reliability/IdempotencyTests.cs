using System.Net;
using System.Text.Json.Nodes;
using CustomerService.Application.Common.Abstractions;
using CustomerService.Infrastructure.Persistence;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace CustomerService.Api.IntegrationTests.Reliability;

/// <summary>docs/contract.md, section 7: Idempotency-Key on both POSTs.</summary>
public sealed class IdempotencyTests : ServiceFixture
{
    private const string Replayed = "Idempotent-Replayed";

    [Test]
    public async Task Create_replayed_with_the_same_key_and_body_returns_the_stored_answer_and_creates_nothing()
    {
        var key = NewKey();
        var body = ContractClient.CreateBody(ContractClient.UniqueExternalId("replay"), "active");

        using var first = await PostAsync(Client, ContractClient.CustomersPath, body, key);
        using var second = await PostAsync(Client, ContractClient.CustomersPath, body, key);
        var firstBody = await first.Content.ReadAsStringAsync();
        var secondBody = await second.Content.ReadAsStringAsync();
        var externalId = JsonNode.Parse(body)!["externalId"]!.GetValue<string>();
        using var listed = await Client.GetAsync($"{ContractClient.CustomersPath}?externalId={externalId}");

        await Assert.MultipleAsync(async () =>
        {
            Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(first.Headers.Contains(Replayed), Is.False);
            Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(second.Headers.GetValues(Replayed), Is.EqualTo(new[] { "true" }));
            Assert.That(secondBody, Is.EqualTo(firstBody));
            Assert.That(second.Headers.Location, Is.EqualTo(first.Headers.Location));
            Assert.That(second.Headers.ETag, Is.EqualTo(first.Headers.ETag));
            Assert.That(second.Content.Headers.ContentType?.ToString(), Is.EqualTo(first.Content.Headers.ContentType?.ToString()));
            Assert.That((await listed.ReadArrayAsync()).Count, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Create_with_a_used_key_and_another_body_returns_422()
    {
        var key = NewKey();
        using var first = await PostAsync(Client, ContractClient.CustomersPath, ContractClient.CreateBody(ContractClient.UniqueExternalId("a"), "active"), key);
        var other = ContractClient.UniqueExternalId("b");

        using var second = await PostAsync(Client, ContractClient.CustomersPath, ContractClient.CreateBody(other, "active"), key);
        using var listed = await Client.GetAsync($"{ContractClient.CustomersPath}?externalId={other}");

        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        await second.AssertErrorAsync(422, "IDEMPOTENCY_KEY_REUSED");
        Assert.That((await listed.ReadArrayAsync()).Count, Is.Zero);
    }

    [Test]
    public async Task A_key_used_on_another_path_returns_422()
    {
        var key = NewKey();
        using var created = await PostAsync(Client, ContractClient.CustomersPath, ContractClient.CreateBody(ContractClient.UniqueExternalId("path"), "active"), key);
        var id = (await created.ReadObjectAsync())["id"]!.GetValue<string>();

        using var account = await PostAsync(Client, $"{ContractClient.CustomersPath}/{id}/accounts", """{"network":"solana","address":"11111111111111111111111111111111"}""", key);

        await account.AssertErrorAsync(422, "IDEMPOTENCY_KEY_REUSED");
    }

    [Test]
    public async Task Add_account_replayed_returns_the_stored_answer_and_registers_once()
    {
        var id = (await Client.CreateCustomerOkAsync(ContractClient.UniqueExternalId("account-replay"))).Id();
        var path = $"{ContractClient.CustomersPath}/{id}/accounts";
        var key = NewKey();
        var body = """{"network":"ethereum","address":"0x52908400098527886e0f7030069857d2e4169ee7","label":"replayed"}""";

        using var first = await PostAsync(Client, path, body, key);
        using var second = await PostAsync(Client, path.ToUpperInvariant().Replace("/API/V1/ACCOUNT-MANAGER/CUSTOMERS", ContractClient.CustomersPath, StringComparison.Ordinal).Replace("/ACCOUNTS", "/accounts", StringComparison.Ordinal), body, key);
        using var accounts = await Client.GetAsync(path);

        await Assert.MultipleAsync(async () =>
        {
            Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.Created), "the id in the path is matched whatever its letter case");
            Assert.That(second.Headers.GetValues(Replayed), Is.EqualTo(new[] { "true" }));
            Assert.That(await second.Content.ReadAsStringAsync(), Is.EqualTo(await first.Content.ReadAsStringAsync()));
            Assert.That((await accounts.ReadArrayAsync()).Count, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task A_request_that_fails_releases_its_key_so_the_corrected_retry_executes()
    {
        var key = NewKey();

        using var invalid = await PostAsync(Client, ContractClient.CustomersPath, """{"status":"active"}""", key);
        using var corrected = await PostAsync(Client, ContractClient.CustomersPath, ContractClient.CreateBody(ContractClient.UniqueExternalId("fixed"), "active"), key);

        await invalid.AssertErrorAsync(400, "VALIDATION_ERROR");
        Assert.Multiple(() =>
        {
            Assert.That(corrected.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(corrected.Headers.Contains(Replayed), Is.False);
        });
    }

    [TestCase("delete\u007fcharacter")]
    [TestCase("with\u00e9accent")]
    [TestCase("tab\tinside")]
    public async Task Create_with_an_invalid_key_returns_400_naming_the_header(string key)
    {
        using var request = ContractClient.Request(HttpMethod.Post, ContractClient.CustomersPath, ContractClient.CreateBody(ContractClient.UniqueExternalId("bad-key"), "active"));
        request.Headers.TryAddWithoutValidation("Idempotency-Key", key);

        using var response = await Client.SendAsync(request);

        var details = await response.AssertErrorAsync(400, "VALIDATION_ERROR");
        Assert.That(details.Fields(), Is.EqualTo(new[] { "Idempotency-Key" }));
    }

    [Test]
    public async Task Create_with_a_key_of_256_characters_returns_400()
    {
        using var response = await PostAsync(Client, ContractClient.CustomersPath, ContractClient.CreateBody(ContractClient.UniqueExternalId("long-key"), "active"), new string('k', 256));

        await response.AssertErrorAsync(400, "VALIDATION_ERROR");
    }

    [Test]
    public async Task Create_with_a_key_of_255_printable_characters_is_accepted()
    {
        using var response = await PostAsync(Client, ContractClient.CustomersPath, ContractClient.CreateBody(ContractClient.UniqueExternalId("max-key"), "active"), "k !~" + new string('x', 251));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
    }

    [Test]
    public async Task Keys_belong_to_their_participant()
    {
        var key = NewKey();
        var body = ContractClient.CreateBody(ContractClient.UniqueExternalId("tenant-key"), "active");
        using var other = Factory.CreateAnonymousClient();
        other.DefaultRequestHeaders.Authorization = new("Bearer", TestTokens.Mint("another-participant"));

        using var mine = await PostAsync(Client, ContractClient.CustomersPath, body, key);
        using var theirs = await PostAsync(other, ContractClient.CustomersPath, body, key);

        Assert.Multiple(() =>
        {
            Assert.That(mine.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(theirs.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(theirs.Headers.Contains(Replayed), Is.False, "another participant's key is not mine");
        });
    }

    [Test]
    public async Task Concurrent_first_uses_of_one_key_execute_once()
    {
        var key = NewKey();
        var externalId = ContractClient.UniqueExternalId("race-key");
        var body = ContractClient.CreateBody(externalId, "active");

        var responses = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => PostAsync(Client, ContractClient.CustomersPath, body, key)));
        using var listed = await Client.GetAsync($"{ContractClient.CustomersPath}?externalId={externalId}");
        var executed = responses.Count(response => response.StatusCode == HttpStatusCode.Created && !response.Headers.Contains(Replayed));
        var replayed = responses.Count(response => response.StatusCode == HttpStatusCode.Created && response.Headers.Contains(Replayed));
        var inUse = 0;
        foreach (var response in responses.Where(response => response.StatusCode == HttpStatusCode.Conflict))
        {
            await response.AssertErrorAsync(409, "IDEMPOTENCY_KEY_IN_USE");
            inUse++;
        }

        await Assert.MultipleAsync(async () =>
        {
            Assert.That(executed, Is.EqualTo(1));
            Assert.That(executed + replayed + inUse, Is.EqualTo(responses.Length), "every answer is the execution, a replay or key-in-use");
            Assert.That((await listed.ReadArrayAsync()).Count, Is.EqualTo(1));
        });
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Test]
    public async Task A_repeat_while_the_first_request_still_runs_returns_409_then_the_answer_is_replayed()
    {
        using var gate = new SemaphoreSlim(0);
        using var entered = new SemaphoreSlim(0);
        using var gated = Factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services => GateSaves(services, entered, gate)));
        using var client = gated.CreateClient();
        var key = NewKey();
        var body = ContractClient.CreateBody(ContractClient.UniqueExternalId("in-flight"), "active");

        var first = PostAsync(client, ContractClient.CustomersPath, body, key);
        Assert.That(await entered.WaitAsync(TimeSpan.FromSeconds(10)), Is.True, "the first request reached its save");
        using var repeat = await PostAsync(client, ContractClient.CustomersPath, body, key);
        gate.Release();
        using var firstAnswer = await first;
        using var afterwards = await PostAsync(client, ContractClient.CustomersPath, body, key);

        await repeat.AssertErrorAsync(409, "IDEMPOTENCY_KEY_IN_USE");
        Assert.Multiple(() =>
        {
            Assert.That(firstAnswer.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(afterwards.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(afterwards.Headers.GetValues(Replayed), Is.EqualTo(new[] { "true" }));
        });
    }

    [Test]
    public async Task Keys_hold_across_a_restart()
    {
        var key = NewKey();
        var body = ContractClient.CreateBody(ContractClient.UniqueExternalId("restart-key"), "active");
        using var first = await PostAsync(Client, ContractClient.CustomersPath, body, key);

        using var restarted = new CustomerServiceFactory(Factory.Database);
        using var client = restarted.CreateClient();
        using var replay = await PostAsync(client, ContractClient.CustomersPath, body, key);

        await Assert.MultipleAsync(async () =>
        {
            Assert.That(replay.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(replay.Headers.GetValues(Replayed), Is.EqualTo(new[] { "true" }));
            Assert.That(await replay.Content.ReadAsStringAsync(), Is.EqualTo(await first.Content.ReadAsStringAsync()));
        });
    }

    [Test]
    public async Task A_key_expires_after_24_hours_and_is_purged()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var factory = new CustomerServiceFactory(clock: clock);
        using var client = factory.CreateClient();
        var key = NewKey();

        try
        {
            using var first = await PostAsync(client, ContractClient.CustomersPath, ContractClient.CreateBody(ContractClient.UniqueExternalId("day-one"), "active"), key);
            clock.Advance(TimeSpan.FromHours(23));
            using var sameDay = await PostAsync(client, ContractClient.CustomersPath, ContractClient.CreateBody(ContractClient.UniqueExternalId("day-one-other"), "active"), key);
            clock.Advance(TimeSpan.FromHours(1));
            using var nextDay = await PostAsync(client, ContractClient.CustomersPath, ContractClient.CreateBody(ContractClient.UniqueExternalId("day-two"), "active"), key);
            Assert.Multiple(() =>
            {
                Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Created));
                Assert.That(sameDay.StatusCode, Is.EqualTo((HttpStatusCode)422), "within 24 h the key is taken");
                Assert.That(nextDay.StatusCode, Is.EqualTo(HttpStatusCode.Created), "after 24 h the key is free again");
            });

            // The purge runs on its interval: another day on, every key stored so far is deleted.
            clock.Advance(TimeSpan.FromHours(25));
            Assert.That(await WaitForKeyCountAsync(factory, 0), Is.Zero);
        }
        finally
        {
            factory.Dispose();
            CustomerServiceFactory.DeleteDatabase(factory.Database);
        }
    }

    /// <summary>The idempotency keys stored, read through the service's own context once there are <paramref name="expected"/>, or after 5 s.</summary>
    private static async Task<int> WaitForKeyCountAsync(CustomerServiceFactory factory, int expected)
    {
        var count = -1;
        for (var attempt = 0; attempt < 100 && count != expected; attempt++)
        {
            await using var scope = factory.Services.CreateAsyncScope();
            count = await scope.ServiceProvider.GetRequiredService<CustomerDbContext>().IdempotencyKeys.CountAsync();
            if (count != expected)
            {
                await Task.Delay(50);
            }
        }

        return count;
    }

    private static string NewKey() => $"key-{Guid.NewGuid():N}";

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string body, string key)
    {
        using var request = ContractClient.Request(HttpMethod.Post, path, body);
        request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
        return await client.SendAsync(request);
    }

    /// <summary>Holds every save until <paramref name="gate"/> is released, signalling <paramref name="entered"/> first.</summary>
    private static void GateSaves(IServiceCollection services, SemaphoreSlim entered, SemaphoreSlim gate)
    {
        var original = services.Single(descriptor => descriptor.ServiceType == typeof(IUnitOfWork));
        services.Replace(ServiceDescriptor.Scoped<IUnitOfWork>(provider =>
            new GatedUnitOfWork((IUnitOfWork)ActivatorUtilities.CreateInstance(provider, original.ImplementationType!), entered, gate)));
    }

    private sealed class GatedUnitOfWork(IUnitOfWork inner, SemaphoreSlim entered, SemaphoreSlim gate) : IUnitOfWork
    {
        public async Task SaveChangesAsync(CancellationToken cancellationToken)
        {
            entered.Release();
            await gate.WaitAsync(cancellationToken);
            gate.Release();
            await inner.SaveChangesAsync(cancellationToken);
        }

        public void DiscardChanges() => inner.DiscardChanges();
    }
}
