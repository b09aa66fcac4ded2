using System.Data.Common;
using System.Net;
using CustomerService.Infrastructure.Persistence;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerService.Api.IntegrationTests.Events;

/// <summary>
/// A poller that reads the feed after the last event it processed must never miss one, even when
/// the transaction that stored the earlier event commits later (docs/contract.md, section 9). The
/// first writer (a status change, whose update and event are one transaction on every engine) is
/// held just before its commit while a second writer creates a customer. On PostgreSQL writers
/// take no lock, so the second commits at once, and the feed must not show it until the first has
/// committed; on SQLite one transaction writes at a time, so the second waits for the first.
/// </summary>
public sealed class CommitOrderTests
{
    [Test]
    public async Task An_event_that_commits_before_an_earlier_writers_event_is_shown_only_after_it()
    {
        var gate = new CommitGate();
        using var factory = new CustomerServiceFactory();
        using var service = factory.WithWebHostBuilder(builder =>
            builder.ConfigureTestServices(services => services.AddSingleton<IInterceptor>(gate)));
        using var client = service.CreateClient();
        try
        {
            var existing = (await client.CreateCustomerOkAsync(ContractClient.UniqueExternalId("order-existing"))).Id();
            var before = (await client.ReadAllAsync()).Select(e => e.Text("id")).ToList();

            gate.HoldNextCommit();
            var first = client.UpdateStatusAsync(existing, "suspended");
            await gate.Held.WaitAsync(TimeSpan.FromSeconds(30));
            var second = client.CreateCustomerAsync(ContractClient.UniqueExternalId("order-second"));

            var writersWait = Engine.Current != DatabaseProvider.PostgreSql;
            if (writersWait)
            {
                // The second writer has had time to commit, were it able to.
                await Task.Delay(TimeSpan.FromMilliseconds(750));
            }
            else
            {
                await second.WaitAsync(TimeSpan.FromSeconds(30));
            }

            var seenWhileHeld = (await client.ReadAllAsync()).Select(e => e.Text("id")).ToList();
            var secondDoneWhileHeld = second.IsCompleted;
            gate.Release();

            using var firstResponse = await first;
            using var secondResponse = await second;
            var secondId = (await secondResponse.ReadObjectAsync()).Id();
            var seenAfter = await client.ReadAllAsync();

            Assert.Multiple(() =>
            {
                Assert.That(firstResponse.StatusCode, Is.EqualTo(HttpStatusCode.OK));
                Assert.That(secondResponse.StatusCode, Is.EqualTo(HttpStatusCode.Created));
                Assert.That(secondDoneWhileHeld, Is.Not.EqualTo(writersWait), writersWait
                    ? "the second writer committed before the first"
                    : "the second writer waited for the first");
                Assert.That(seenWhileHeld, Is.EqualTo(before), "an event became visible while an earlier one was uncommitted");
                Assert.That(
                    seenAfter.Skip(before.Count).Select(e => (e.Text("type"), e.Text("customerId"))),
                    Is.EqualTo(new[] { ("customer.status_changed", existing), ("customer.created", secondId) }));
            });
        }
        finally
        {
            gate.Release();
            CustomerServiceFactory.DeleteDatabase(factory.Database);
        }
    }

    [Test]
    public async Task A_poller_racing_concurrent_writers_sees_every_event_once_in_feed_order()
    {
        using var factory = new CustomerServiceFactory();
        using var client = factory.CreateClient();
        try
        {
            var seen = new List<string>();
            string? last = null;
            using var writing = new CancellationTokenSource();
            var writers = Enumerable.Range(0, 4).Select(writer => Task.Run(async () =>
            {
                for (var i = 0; i < 15; i++)
                {
                    var customer = await client.CreateCustomerOkAsync(ContractClient.UniqueExternalId($"race-{writer}-{i}"));
                    using (await client.UpdateStatusAsync(customer.Id(), "suspended"))
                    {
                    }
                }
            })).ToList();

            var allWritten = Task.WhenAll(writers);
            while (true)
            {
                var done = allWritten.IsCompleted;
                var page = await client.ReadAllAsync(last is null ? EventClient.EventsPath : $"{EventClient.EventsPath}?after={last}");
                seen.AddRange(page.Select(e => e.Text("id")));
                last = seen.Count > 0 ? seen[^1] : null;
                if (done)
                {
                    break;
                }
            }

            await allWritten;
            var feed = (await client.ReadAllAsync()).Select(e => e.Text("id")).ToList();
            Assert.Multiple(() =>
            {
                Assert.That(feed, Has.Count.EqualTo(4 * 15 * 2));
                Assert.That(seen, Is.EqualTo(feed), "the poller missed, repeated or reordered events");
            });
        }
        finally
        {
            CustomerServiceFactory.DeleteDatabase(factory.Database);
        }
    }

    /// <summary>Holds the next transaction's commit until released.</summary>
    private sealed class CommitGate : DbTransactionInterceptor
    {
        private readonly TaskCompletionSource _held = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _armed;

        public Task Held => _held.Task;

        public void HoldNextCommit() => Interlocked.Exchange(ref _armed, 1);

        public void Release() => _released.TrySetResult();

        public override async ValueTask<InterceptionResult> TransactionCommittingAsync(
            DbTransaction transaction,
            TransactionEventData eventData,
            InterceptionResult result,
            CancellationToken cancellationToken = default)
        {
            if (Interlocked.Exchange(ref _armed, 0) == 1)
            {
                _held.TrySetResult();
                await _released.Task;
            }

            return result;
        }
    }
}
