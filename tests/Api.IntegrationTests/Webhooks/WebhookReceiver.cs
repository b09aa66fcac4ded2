using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CustomerService.Api.IntegrationTests.Webhooks;

/// <summary>
/// A real HTTP receiver on loopback (Kestrel on a free port) that records every delivery it gets
/// and answers each with the status <c>answer</c> chooses from the number of deliveries of that
/// webhook-id so far (1 for the first).
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ReceivedWebhook> _received = new();
    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);

    private WebhookReceiver(Func<ReceivedWebhook, int, int> answer)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapPost("/hook", async (HttpContext context) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var received = new ReceivedWebhook(
                context.Request.Headers["webhook-id"].ToString(),
                context.Request.Headers["webhook-timestamp"].ToString(),
                context.Request.Headers["webhook-signature"].ToString(),
                context.Request.ContentType ?? string.Empty,
                await reader.ReadToEndAsync(context.RequestAborted),
                DateTimeOffset.UtcNow);
            var count = _counts.AddOrUpdate(received.Id, 1, (_, previous) => previous + 1);
            _received.Enqueue(received);
            return Results.StatusCode(answer(received, count));
        });
    }

    /// <summary>Where to register it: <c>http://127.0.0.1:port/hook</c>.</summary>
    public string Url { get; private set; } = string.Empty;

    public IReadOnlyList<ReceivedWebhook> Received => [.. _received];

    /// <summary>A receiver that answers 204 to everything, or as <paramref name="answer"/> says.</summary>
    public static async Task<WebhookReceiver> StartAsync(Func<ReceivedWebhook, int, int>? answer = null)
    {
        var receiver = new WebhookReceiver(answer ?? ((_, _) => StatusCodes.Status204NoContent));
        await receiver._app.StartAsync();
        var address = receiver._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        receiver.Url = $"{address}/hook";
        return receiver;
    }

    /// <summary>Waits until at least <paramref name="count"/> deliveries have arrived; fails after <paramref name="timeout"/>.</summary>
    public async Task<IReadOnlyList<ReceivedWebhook>> WaitForAsync(int count, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (_received.Count < count)
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Expected {count} deliveries, got {_received.Count}.");
            }

            await Task.Delay(25);
        }

        return Received;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>One delivery as the receiver got it.</summary>
public sealed record ReceivedWebhook(string Id, string Timestamp, string Signature, string ContentType, string Body, DateTimeOffset ArrivedAt);
