using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Text;
using CustomerService.Application.Common.Abstractions;
using CustomerService.Application.Webhooks;
using CustomerService.Domain.Webhooks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CustomerService.Infrastructure.Webhooks;

/// <summary>
/// Delivers over HTTP(S) with the guards of docs/contract.md, section 9 ("Safety"): no proxy and no
/// redirects followed; every connection resolves the host itself and refuses a non-public address
/// (so a name that pointed somewhere public at registration cannot be turned to an internal one
/// later) unless <see cref="WebhookOptions.AllowPrivateNetworks"/>; the whole attempt is bounded by
/// <see cref="WebhookSenderOptions.DeliveryTimeout"/>, and at most <see cref="MaxAnswerBytes"/> of
/// the answer is read, none of it logged.
/// </summary>
internal sealed partial class HttpWebhookSender : IWebhookSender, IDisposable
{
    public const int MaxAnswerBytes = 4096;

    private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly HttpClient _client;
    private readonly IHostAddressResolver _resolver;
    private readonly WebhookOptions _webhooks;
    private readonly TimeSpan _timeout;
    private readonly TimeProvider _clock;
    private readonly ILogger<HttpWebhookSender> _logger;

    public HttpWebhookSender(
        IHostAddressResolver resolver,
        IOptions<WebhookOptions> webhooks,
        IOptions<WebhookSenderOptions> sender,
        TimeProvider clock,
        ILogger<HttpWebhookSender> logger)
    {
        ArgumentNullException.ThrowIfNull(webhooks);
        ArgumentNullException.ThrowIfNull(sender);
        _resolver = resolver;
        _webhooks = webhooks.Value;
        _timeout = sender.Value.DeliveryTimeout;
        _clock = clock;
        _logger = logger;
        _client = new HttpClient(new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseProxy = false,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.None,

            // Connections are reused for a minute at most, so a host's new addresses are checked soon.
            PooledConnectionLifetime = TimeSpan.FromMinutes(1),
            ConnectCallback = (context, cancellationToken) => ConnectAsync(context.DnsEndPoint, cancellationToken),
        })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
        _client.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("CustomerService-Webhooks", "1.0"));
    }

    public async Task<WebhookSendResult> SendAsync(WebhookMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var started = _clock.GetTimestamp();
        if (WebhookUrl.FindViolation(message.Url, _webhooks.AllowInsecureUrls) is not null)
        {
            return Failed("url not allowed");
        }

        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attempt.CancelAfter(_timeout);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, message.Url)
            {
                Content = new ByteArrayContent(Utf8.GetBytes(message.Body)) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } },
            };
            request.Headers.Add("webhook-id", message.Id);
            request.Headers.Add("webhook-timestamp", message.Timestamp.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
            request.Headers.Add("webhook-signature", WebhookSignature.Compute(message.Id, message.Timestamp, message.Body, message.Secrets));

            using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, attempt.Token);
            await ReadAnswerAsync(response.Content, attempt.Token);
            var status = (int)response.StatusCode;
            return status switch
            {
                >= 200 and < 300 => new WebhookSendResult(true, status, null, _clock.GetElapsedTime(started)),
                >= 300 and < 400 => Failed("redirect not followed", status),
                _ => Failed($"HTTP {status}", status),
            };
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Failed("timeout");
        }
        catch (HttpRequestException exception)
        {
            if (exception.InnerException is NonPublicAddressException)
            {
                LogNonPublicDestination(_logger, new Uri(message.Url).Host);
            }

            return Failed(Describe(exception));
        }

        WebhookSendResult Failed(string error, int? status = null) => new(false, status, error, _clock.GetElapsedTime(started));
    }

    public void Dispose() => _client.Dispose();

    /// <summary>Reads at most <see cref="MaxAnswerBytes"/> of the answer and drops them: only the status counts.</summary>
    private static async Task ReadAnswerAsync(HttpContent content, CancellationToken cancellationToken)
    {
        var buffer = new byte[MaxAnswerBytes];
        try
        {
            await using var stream = await content.ReadAsStreamAsync(cancellationToken);
            var read = 0;
            int count;
            while (read < buffer.Length && (count = await stream.ReadAsync(buffer.AsMemory(read), cancellationToken)) > 0)
            {
                read += count;
            }
        }
        catch (IOException)
        {
            // The answer's body broke off after its status arrived; the status still stands.
        }
    }

    /// <summary>Opens a connection to a public address of the host (any address when private networks are allowed).</summary>
    private async ValueTask<Stream> ConnectAsync(DnsEndPoint endPoint, CancellationToken cancellationToken)
    {
        var addresses = IPAddress.TryParse(endPoint.Host, out var literal)
            ? [literal]
            : await _resolver.ResolveAsync(endPoint.Host, cancellationToken);
        if (addresses.Count == 0)
        {
            throw new SocketException((int)SocketError.HostNotFound);
        }

        if (!_webhooks.AllowPrivateNetworks && !addresses.All(NetworkAddresses.IsPublic))
        {
            throw new NonPublicAddressException(endPoint.Host);
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync([.. addresses], endPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>A few words for why the request failed before any answer came.</summary>
    private static string Describe(HttpRequestException exception) =>
        exception.InnerException switch
        {
            NonPublicAddressException => "destination address not public",
            SocketException { SocketErrorCode: SocketError.ConnectionRefused } => "connection refused",
            SocketException { SocketErrorCode: SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain } => "host not found",
            SocketException { SocketErrorCode: SocketError.TimedOut } => "connection timed out",
            AuthenticationException => "TLS handshake failed",
            _ => exception.HttpRequestError switch
            {
                HttpRequestError.NameResolutionError => "host not found",
                HttpRequestError.SecureConnectionError => "TLS handshake failed",
                HttpRequestError.ResponseEnded or HttpRequestError.InvalidResponse => "invalid response",
                _ => "connection failed",
            },
        };

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "A webhook delivery to {Host} was refused: the host resolves to a non-public address.")]
    private static partial void LogNonPublicDestination(ILogger logger, string host);
}
