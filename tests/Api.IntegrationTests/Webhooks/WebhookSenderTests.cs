using System.Diagnostics;
using System.Net;
using CustomerService.Application.Common.Abstractions;
using CustomerService.Application.Webhooks;
using CustomerService.Domain.Webhooks;
using CustomerService.Infrastructure.Webhooks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;
using StandardWebhooks;

namespace CustomerService.Api.IntegrationTests.Webhooks;

/// <summary>
/// The sender against real HTTP receivers on loopback (docs/contract.md, section 9): the signed
/// request, what counts as success, and the safety rules — no redirect followed, a bounded answer
/// and attempt, and no connection to a non-public address unless private networks are allowed.
/// </summary>
public sealed class WebhookSenderTests
{
    private const string Body = """{"id":"0193a6f6-1d22-7b33-8c44-5d55e66f7788","type":"customer.created"}""";

    [Test]
    public async Task A_delivery_is_posted_as_json_with_the_standard_webhooks_headers_and_a_signature_the_package_verifies()
    {
        await using var receiver = await LoopbackReceiver.StartAsync(context => { context.Response.StatusCode = 204; return Task.CompletedTask; });
        using var sender = Sender();
        var secret = WebhookSecret.Generate();
        var message = Message($"{receiver.Url}/hooks", [secret]);

        var result = await sender.SendAsync(message, CancellationToken.None);

        Assert.That(result, Is.EqualTo(result with { Succeeded = true, StatusCode = 204, Error = null }));
        var request = receiver.Received.Single();
        Assert.Multiple(() =>
        {
            Assert.That(request.Method, Is.EqualTo("POST"));
            Assert.That(request.Path, Is.EqualTo("/hooks"));
            Assert.That(request.Body, Is.EqualTo(Body));
            Assert.That(request.Headers["Content-Type"].ToString(), Does.StartWith("application/json"));
            Assert.That(request.Headers["webhook-id"].ToString(), Is.EqualTo(message.Id));
            Assert.That(request.Headers["webhook-timestamp"].ToString(), Is.EqualTo(message.Timestamp.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture)));
        });
        Assert.DoesNotThrow(() => new StandardWebhook(secret).Verify(request.Body, Headers(request)));
        Assert.That(() => new StandardWebhook(WebhookSecret.Generate()).Verify(request.Body, Headers(request)), Throws.Exception);
    }

    [Test]
    public async Task With_a_rotated_secret_still_valid_both_secrets_sign_and_each_verifies()
    {
        await using var receiver = await LoopbackReceiver.StartAsync(_ => Task.CompletedTask);
        using var sender = Sender();
        string[] secrets = [WebhookSecret.Generate(), WebhookSecret.Generate()];

        var result = await sender.SendAsync(Message(receiver.Url, secrets), CancellationToken.None);

        Assert.That(result.Succeeded, Is.True, result.Error);
        var request = receiver.Received.Single();
        var signatures = request.Headers["webhook-signature"].ToString().Split(' ');
        Assert.That(signatures, Has.Length.EqualTo(2).And.All.StartWith("v1,"));

        // Each signature on its own: the package's verifier matches only the first of several
        // (it compares the last entry as the whole header), which a header of one entry avoids.
        for (var i = 0; i < secrets.Length; i++)
        {
            var headers = Headers(request);
            headers["webhook-signature"] = signatures[i];
            Assert.DoesNotThrow(() => new StandardWebhook(secrets[i]).Verify(request.Body, headers), $"secret {i}");
        }
    }

    [TestCase(500, "HTTP 500")]
    [TestCase(404, "HTTP 404")]
    [TestCase(429, "HTTP 429")]
    public async Task A_status_other_than_2xx_is_a_failure_with_its_status(int status, string error)
    {
        await using var receiver = await LoopbackReceiver.StartAsync(context => { context.Response.StatusCode = status; return Task.CompletedTask; });
        using var sender = Sender();

        var result = await sender.SendAsync(Message(receiver.Url), CancellationToken.None);

        Assert.That(result, Is.EqualTo(result with { Succeeded = false, StatusCode = status, Error = error }));
    }

    [Test]
    public async Task A_redirect_is_not_followed()
    {
        await using var receiver = await LoopbackReceiver.StartAsync(context =>
        {
            if (context.Request.Path == "/first")
            {
                context.Response.Redirect("/second", permanent: true, preserveMethod: true);
            }

            return Task.CompletedTask;
        });
        using var sender = Sender();

        var result = await sender.SendAsync(Message($"{receiver.Url}/first"), CancellationToken.None);

        Assert.That(result, Is.EqualTo(result with { Succeeded = false, StatusCode = 308, Error = "redirect not followed" }));
        Assert.That(receiver.Received.Select(request => request.Path), Is.EqualTo(new[] { "/first" }));
    }

    [Test]
    public async Task A_receiver_slower_than_the_delivery_timeout_is_a_timeout()
    {
        await using var receiver = await LoopbackReceiver.StartAsync(context => Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted));
        using var sender = Sender(timeout: TimeSpan.FromMilliseconds(500));
        var stopwatch = Stopwatch.StartNew();

        var result = await sender.SendAsync(Message(receiver.Url), CancellationToken.None);

        Assert.That(result, Is.EqualTo(result with { Succeeded = false, StatusCode = null, Error = "timeout" }));
        Assert.That(stopwatch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(10)));
        Assert.That(result.Duration, Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(400)));
    }

    [Test]
    public async Task An_answer_that_goes_on_and_on_is_read_no_further_than_4_KiB()
    {
        // The receiver sends 64 KiB of its answer and then never finishes it: reading it whole would
        // run into the timeout, reading at most 4 KiB ends the attempt at once.
        await using var receiver = await LoopbackReceiver.StartAsync(async context =>
        {
            context.Response.ContentLength = 100 * 1024 * 1024;
            await context.Response.Body.WriteAsync(new byte[64 * 1024], context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
            await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted);
        });
        using var sender = Sender(timeout: TimeSpan.FromSeconds(5));

        var result = await sender.SendAsync(Message(receiver.Url), CancellationToken.None);

        Assert.That(result, Is.EqualTo(result with { Succeeded = true, StatusCode = 200, Error = null }));
        Assert.That(result.Duration, Is.LessThan(TimeSpan.FromSeconds(4)));
    }

    [Test]
    public async Task Nothing_listening_is_connection_refused()
    {
        int port;
        await using (var closed = await LoopbackReceiver.StartAsync(_ => Task.CompletedTask))
        {
            port = closed.Port;
        }

        using var sender = Sender();

        var result = await sender.SendAsync(Message($"http://127.0.0.1:{port}/"), CancellationToken.None);

        Assert.That(result, Is.EqualTo(result with { Succeeded = false, StatusCode = null, Error = "connection refused" }));
    }

    [Test]
    public async Task Without_private_networks_allowed_a_loopback_receiver_is_never_connected_to()
    {
        await using var receiver = await LoopbackReceiver.StartAsync(_ => Task.CompletedTask);
        using var sender = Sender(allowPrivateNetworks: false);

        var result = await sender.SendAsync(Message(receiver.Url), CancellationToken.None);

        Assert.That(result, Is.EqualTo(result with { Succeeded = false, StatusCode = null, Error = "destination address not public" }));
        Assert.That(receiver.Received, Is.Empty);
    }

    [Test]
    public async Task A_name_that_now_resolves_to_a_private_address_is_refused_when_connecting()
    {
        // The name could have resolved to a public address at registration; what counts is what it
        // resolves to when the delivery connects (a DNS rebinding attempt).
        await using var receiver = await LoopbackReceiver.StartAsync(_ => Task.CompletedTask);
        var resolver = new Mock<IHostAddressResolver>();
        resolver.Setup(dns => dns.ResolveAsync("rebound.example", It.IsAny<CancellationToken>())).ReturnsAsync([IPAddress.Loopback]);
        using var guarded = Sender(allowPrivateNetworks: false, resolver: resolver.Object);
        using var open = Sender(allowPrivateNetworks: true, resolver: resolver.Object);
        var message = Message($"http://rebound.example:{receiver.Port}/");

        var refused = await guarded.SendAsync(message, CancellationToken.None);
        var delivered = await open.SendAsync(message, CancellationToken.None);

        Assert.That(refused.Error, Is.EqualTo("destination address not public"));
        Assert.That(delivered.Succeeded, Is.True, delivered.Error);
        Assert.That(receiver.Received, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Plain_http_is_refused_unless_insecure_urls_are_allowed()
    {
        await using var receiver = await LoopbackReceiver.StartAsync(_ => Task.CompletedTask);
        using var sender = Sender(allowInsecureUrls: false);

        var result = await sender.SendAsync(Message(receiver.Url), CancellationToken.None);

        Assert.That(result, Is.EqualTo(result with { Succeeded = false, StatusCode = null, Error = "url not allowed" }));
        Assert.That(receiver.Received, Is.Empty);
    }

    private static HttpWebhookSender Sender(
        TimeSpan? timeout = null,
        bool allowPrivateNetworks = true,
        bool allowInsecureUrls = true,
        IHostAddressResolver? resolver = null) =>
        new(
            resolver ?? new DnsHostAddressResolver(),
            Options.Create(new WebhookOptions { AllowPrivateNetworks = allowPrivateNetworks, AllowInsecureUrls = allowInsecureUrls }),
            Options.Create(new WebhookSenderOptions { DeliveryTimeout = timeout ?? TimeSpan.FromSeconds(10) }),
            TimeProvider.System,
            NullLogger<HttpWebhookSender>.Instance);

    private static WebhookMessage Message(string url, IReadOnlyList<string>? secrets = null) =>
        new(url, Guid.CreateVersion7().ToString(), DateTimeOffset.UtcNow, Body, secrets ?? [WebhookSecret.Generate()]);

    private static HeaderDictionary Headers(ReceivedRequest request) => new(request.Headers);
}
