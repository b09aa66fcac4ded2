using System.Collections.Concurrent;

namespace CustomerService.Api.IntegrationTests.Webhooks;

/// <summary>
/// A webhook receiver on loopback: a <see cref="LoopbackReceiver"/> at <c>/hook</c> that answers each
/// delivery with the status <c>answer</c> chooses from its webhook-id and the number of deliveries
/// of that id so far (1 for the first), and reads back what it got as deliveries.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly LoopbackReceiver _server;

    private WebhookReceiver(LoopbackReceiver server) => _server = server;

    /// <summary>Where to register it: <c>http://127.0.0.1:port/hook</c>.</summary>
    public string Url => $"{_server.Url}/hook";

    public IReadOnlyList<ReceivedWebhook> Received =>
    [
        .. _server.Received.Select(request => new ReceivedWebhook(
            request.Headers["webhook-id"].ToString(),
            request.Headers["webhook-timestamp"].ToString(),
            request.Headers["webhook-signature"].ToString(),
            request.Headers.TryGetValue("Content-Type", out var contentType) ? contentType.ToString() : string.Empty,
            request.Body)),
    ];

    /// <summary>A receiver that answers 204 to everything, or as <paramref name="answer"/> says.</summary>
    public static async Task<WebhookReceiver> StartAsync(Func<string, int, int>? answer = null)
    {
        var counts = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var server = await LoopbackReceiver.StartAsync(context =>
        {
            var id = context.Request.Headers["webhook-id"].ToString();
            var count = counts.AddOrUpdate(id, 1, (_, previous) => previous + 1);
            context.Response.StatusCode = answer?.Invoke(id, count) ?? 204;
            return Task.CompletedTask;
        });
        return new WebhookReceiver(server);
    }

    /// <summary>Waits until at least <paramref name="count"/> deliveries have arrived; fails after <paramref name="timeout"/>.</summary>
    public async Task<IReadOnlyList<ReceivedWebhook>> WaitForAsync(int count, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (_server.Received.Count < count)
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Expected {count} deliveries, got {_server.Received.Count}.");
            }

            await Task.Delay(25);
        }

        return Received;
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}

/// <summary>One delivery as the receiver got it.</summary>
public sealed record ReceivedWebhook(string Id, string Timestamp, string Signature, string ContentType, string Body);
