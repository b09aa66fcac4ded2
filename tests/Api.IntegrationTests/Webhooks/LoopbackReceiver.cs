using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CustomerService.Api.IntegrationTests.Webhooks;

/// <summary>A real HTTP server (Kestrel) on a free loopback port that answers every request with <c>respond</c> and keeps what it received.</summary>
public sealed class LoopbackReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LoopbackReceiver(WebApplication app, string url)
    {
        _app = app;
        Url = url;
    }

    /// <summary>The receiver's base URL, <c>http://127.0.0.1:PORT</c>.</summary>
    public string Url { get; }

    public int Port => new Uri(Url).Port;

    public ConcurrentQueue<ReceivedRequest> Received { get; } = new();

    public static async Task<LoopbackReceiver> StartAsync(Func<HttpContext, Task> respond)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        LoopbackReceiver? receiver = null;
        app.Run(async context =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync(context.RequestAborted);
            receiver!.Received.Enqueue(new ReceivedRequest(context.Request.Method, context.Request.Path, context.Request.Headers.ToDictionary(header => header.Key, header => header.Value), body));
            await respond(context);
        });
        await app.StartAsync();
        var url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        receiver = new LoopbackReceiver(app, url);
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>One request a <see cref="LoopbackReceiver"/> received.</summary>
public sealed record ReceivedRequest(string Method, string Path, Dictionary<string, Microsoft.Extensions.Primitives.StringValues> Headers, string Body);
