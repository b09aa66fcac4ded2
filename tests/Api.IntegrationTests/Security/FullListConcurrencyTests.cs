using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerService.Api.IntegrationTests.Security;

/// <summary>
/// docs/contract.md, section 10: a participant runs at most <c>Limits:ConcurrentFullLists</c> unlimited lists at
/// once, counted for as long as each response streams. A test holds responses mid-stream by sending
/// <see cref="HeldResponses.Header"/>: their first write waits until the test releases them.
/// </summary>
public sealed class FullListConcurrencyTests
{
    [Test]
    public async Task An_unlimited_list_over_the_limit_while_others_stream_gets_429_and_paged_lists_are_not_counted()
    {
        using var held = new HeldResponses();
        using var factory = new CustomerServiceFactory(settings: Limit(2));
        using var service = held.Install(factory);
        using var client = service.CreateClient();
        await client.CreateCustomerOkAsync(ContractClient.UniqueExternalId("full-list"));
        using var otherParticipant = service.CreateClient();
        otherParticipant.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.Mint("participant-other"));

        var streaming = new[] { HeldListAsync(client, CancellationToken.None), HeldListAsync(client, CancellationToken.None) };
        await held.WaitUntilHeldAsync(2);
        using var overLimit = await client.ListCustomersAsync();
        using var paged = await client.ListCustomersAsync("?limit=10");
        using var other = await otherParticipant.ListCustomersAsync();
        held.Release();
        var finished = await Task.WhenAll(streaming);
        using var afterwards = await client.ListCustomersAsync();

        await overLimit.AssertErrorAsync(429, "RATE_LIMITED");
        Assert.Multiple(() =>
        {
            Assert.That(overLimit.Headers.RetryAfter?.Delta?.TotalSeconds, Is.GreaterThanOrEqualTo(1));
            Assert.That(paged.StatusCode, Is.EqualTo(HttpStatusCode.OK), "a paged list");
            Assert.That(other.StatusCode, Is.EqualTo(HttpStatusCode.OK), "another participant");
            Assert.That(finished, Is.All.EqualTo(HttpStatusCode.OK), "the streamed lists");
            Assert.That(afterwards.StatusCode, Is.EqualTo(HttpStatusCode.OK), "after the streams ended");
        });
        CustomerServiceFactory.DeleteDatabase(factory.Database);
    }

    [Test]
    public async Task A_client_that_goes_away_mid_stream_gives_its_permit_back()
    {
        using var held = new HeldResponses();
        using var factory = new CustomerServiceFactory(settings: Limit(1));
        using var service = held.Install(factory);
        using var client = service.CreateClient();
        using var abort = new CancellationTokenSource();

        var abandoned = HeldListAsync(client, abort.Token);
        await held.WaitUntilHeldAsync(1);
        using var whileStreaming = await client.ListCustomersAsync();
        await abort.CancelAsync();
        Assert.CatchAsync<OperationCanceledException>(async () => await abandoned);
        var afterwards = await EventuallyAsync(() => client.ListCustomersAsync());

        Assert.That(whileStreaming.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(afterwards, Is.EqualTo(HttpStatusCode.OK));
        CustomerServiceFactory.DeleteDatabase(factory.Database);
    }

    private static Dictionary<string, string?> Limit(int permits) => new()
    {
        ["Limits:ConcurrentFullLists"] = permits.ToString(CultureInfo.InvariantCulture),
    };

    private static async Task<HttpStatusCode> HeldListAsync(HttpClient client, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, ContractClient.CustomersPath);
        request.Headers.Add(HeldResponses.Header, "1");
        using var response = await client.SendAsync(request, cancellationToken);
        await response.Content.ReadAsByteArrayAsync(cancellationToken);
        return response.StatusCode;
    }

    /// <summary>The permit goes back when the server has unwound the aborted request, a moment after the client gave up.</summary>
    private static async Task<HttpStatusCode> EventuallyAsync(Func<Task<HttpResponseMessage>> send)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            using var response = await send();
            if (response.StatusCode != HttpStatusCode.TooManyRequests || DateTime.UtcNow > deadline)
            {
                return response.StatusCode;
            }

            await Task.Delay(50);
        }
    }

    /// <summary>Holds the body of marked requests at their first write until <see cref="Release"/>.</summary>
    private sealed class HeldResponses : IDisposable
    {
        public const string Header = "X-Test-Hold-Response";

        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly SemaphoreSlim _held = new(0);

        public WebApplicationFactory<Program> Install(CustomerServiceFactory factory) =>
            factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
                services.AddSingleton<IStartupFilter>(new HoldFilter(this))));

        public async Task WaitUntilHeldAsync(int count)
        {
            for (var i = 0; i < count; i++)
            {
                Assert.That(await _held.WaitAsync(TimeSpan.FromSeconds(10)), Is.True, "a held response never started");
            }
        }

        public void Release() => _released.TrySetResult();

        public void Dispose() => _held.Dispose();

        private async Task HoldAsync(CancellationToken cancellationToken)
        {
            _held.Release();
            await _released.Task.WaitAsync(cancellationToken);
        }

        private sealed class HoldFilter(HeldResponses held) : IStartupFilter
        {
            public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
            {
                app.Use(async (context, following) =>
                {
                    if (context.Request.Headers.ContainsKey(Header))
                    {
                        context.Response.Body = new HoldingStream(context.Response.Body, held, context.RequestAborted);
                    }

                    await following(context);
                });
                next(app);
            };
        }

        private sealed class HoldingStream(Stream inner, HeldResponses held, CancellationToken aborted) : Stream
        {
            private bool _waited;

            public override bool CanRead => false;

            public override bool CanSeek => false;

            public override bool CanWrite => true;

            public override long Length => throw new NotSupportedException();

            public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

            public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
            {
                if (!_waited)
                {
                    _waited = true;
                    await held.HoldAsync(aborted);
                }

                await inner.WriteAsync(buffer, cancellationToken);
            }

            public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
                WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

            public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

            public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

            public override void Flush() => inner.Flush();

            public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

            public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

            public override void SetLength(long value) => throw new NotSupportedException();
        }
    }
}
