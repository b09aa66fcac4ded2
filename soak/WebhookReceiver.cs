using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CustomerService.Soak;

/// <summary>One POST the receiver got, as it came, and what it answered.</summary>
/// <param name="Sequence">Arrival order over the whole receiver, from 1.</param>
/// <param name="Endpoint">The participant label the path named (each participant's endpoint has its own path).</param>
/// <param name="WebhookId">The <c>webhook-id</c> header.</param>
/// <param name="Timestamp">The <c>webhook-timestamp</c> header.</param>
/// <param name="Signature">The <c>webhook-signature</c> header.</param>
/// <param name="Body">The body exactly as received.</param>
/// <param name="ReceivedAt">When it arrived, by this machine's clock.</param>
/// <param name="Answer">The status answered: 500 for a failure made on purpose, else 204.</param>
internal sealed record Delivery(
    long Sequence,
    string Endpoint,
    string? WebhookId,
    string? Timestamp,
    string? Signature,
    byte[] Body,
    DateTimeOffset ReceivedAt,
    int Answer)
{
    public bool Acknowledged => Answer is >= 200 and < 300;
}

/// <summary>
/// A webhook receiver on loopback that keeps every delivery. It answers 204, except to the first
/// attempt of every <see cref="FailEvery"/>th distinct <c>webhook-id</c> an endpoint gets, which it
/// answers 500 so that the service's retries are exercised on a known share of the events.
/// </summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    public const int FailEvery = 5;

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Delivery> _deliveries = new();
    private readonly ConcurrentDictionary<(string Endpoint, string Id), bool> _seen = new();
    private long _sequence;
    private long _distinct;

    private WebhookReceiver(WebApplication app)
    {
        _app = app;
        _app.MapPost("/hooks/{endpoint}", ReceiveAsync);
    }

    /// <summary>The receiver's base address once started, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    public IReadOnlyCollection<Delivery> Deliveries => _deliveries;

    /// <summary>Starts a receiver on a free loopback port.</summary>
    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var receiver = new WebhookReceiver(builder.Build());
        await receiver._app.StartAsync();
        var address = receiver._app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        receiver.BaseAddress = new Uri(address);
        return receiver;
    }

    /// <summary>The URL an endpoint of the participant labelled <paramref name="label"/> registers.</summary>
    public Uri UrlFor(string label) => new(BaseAddress, $"/hooks/{label}");

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task ReceiveAsync(HttpContext context, string endpoint)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        var id = context.Request.Headers["webhook-id"].ToString();
        var first = _seen.TryAdd((endpoint, id), true);
        var fail = first && Interlocked.Increment(ref _distinct) % FailEvery == 0;
        var answer = fail ? StatusCodes.Status500InternalServerError : StatusCodes.Status204NoContent;
        _deliveries.Enqueue(new Delivery(
            Interlocked.Increment(ref _sequence),
            endpoint,
            Header(context, "webhook-id"),
            Header(context, "webhook-timestamp"),
            Header(context, "webhook-signature"),
            body.ToArray(),
            DateTimeOffset.UtcNow,
            answer));
        context.Response.StatusCode = answer;
    }

    private static string? Header(HttpContext context, string name) =>
        context.Request.Headers.TryGetValue(name, out var values) ? values.ToString() : null;
}
