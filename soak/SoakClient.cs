using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;

namespace CustomerService.Soak;

/// <summary>One request and what came back, as the summary and the record file keep it.</summary>
internal sealed record Exchange(
    long Sequence,
    string Operation,
    string Participant,
    string Method,
    string Path,
    string? IdempotencyKey,
    string? IfMatch,
    string? RequestBody,
    int Status,
    string? ErrorCode,
    string? RequestId,
    string? ETag,
    string? Location,
    string? Link,
    bool Replayed,
    double Milliseconds,
    string? TransportError,
    string? ResponseBody,
    int Instance)
{
    /// <summary>The request and its answer on one line, for a failed invariant's examples.</summary>
    public string Describe()
    {
        var request = new StringBuilder().Append(CultureInfo.InvariantCulture, $"{Method} {Path} as {Participant} to instance {Instance + 1}");
        if (IdempotencyKey is not null)
        {
            request.Append(CultureInfo.InvariantCulture, $", Idempotency-Key {IdempotencyKey}");
        }

        if (IfMatch is not null)
        {
            request.Append(CultureInfo.InvariantCulture, $", If-Match {IfMatch}");
        }

        if (RequestBody is not null)
        {
            request.Append(' ').Append(RequestBody);
        }

        var answer = TransportError is not null
            ? $"no response ({TransportError})"
            : $"{Status}{(ErrorCode is null ? string.Empty : " " + ErrorCode)}{(Replayed ? " Idempotent-Replayed" : string.Empty)}, X-Request-Id {RequestId}: {ResponseBody}";
        return $"{request} -> {answer}";
    }
}

/// <summary>A response: the exchange as recorded, the whole body, and when it arrived on the soak's clock.</summary>
/// <param name="Exchange">The recorded exchange.</param>
/// <param name="Body">The whole response body.</param>
/// <param name="Tick">
/// Completion order: every response takes the next tick as it arrives, so a request sent when the
/// clock read T comes after every response whose tick is at most T.
/// </param>
internal sealed record Reply(Exchange Exchange, string Body, long Tick)
{
    public int Status => Exchange.Status;

    public string? Code => Exchange.ErrorCode;

    public bool Answered => Exchange.TransportError is null;

    /// <summary>The concurrency version the <c>ETag</c> header names (<c>"7"</c> → 7), if there is one.</summary>
    public int? Version =>
        Exchange.ETag is { Length: > 2 } tag && tag[0] == '"' && tag[^1] == '"'
        && int.TryParse(tag.AsSpan(1, tag.Length - 2), NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            ? version
            : null;

    public bool Is(int status, string? code = null) => Status == status && (code is null || Code == code);
}

/// <summary>
/// Sends every request of the soak and records it. Each request carries an <c>X-Request-Id</c>
/// naming the run and its sequence number, so it can be found in the service's log. With several
/// instances of the service, requests go to each in turn unless the caller names one.
/// </summary>
internal sealed partial class SoakClient : IDisposable
{
    public const string CustomersPath = "/api/v1/account-manager/customers";

    /// <summary>How much of a response body the record keeps.</summary>
    private const int KeptBodyLength = 600;

    private readonly HttpClient[] _instances;
    private readonly string _runId;
    private readonly ConcurrentQueue<Exchange> _exchanges = new();
    private long _sequence;
    private long _tick;
    private long _serverErrors;
    private long _unanswered;
    private long _unansweredInARow;

    public SoakClient(IReadOnlyList<Uri> baseUrls, string runId)
    {
        ArgumentNullException.ThrowIfNull(baseUrls);
        _runId = runId;
        _instances =
        [
            .. baseUrls.Select(baseUrl => new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            {
                BaseAddress = baseUrl,
                Timeout = TimeSpan.FromSeconds(30),
            }),
        ];
    }

    /// <summary>How many instances of the service the requests are spread over.</summary>
    public int Instances => _instances.Length;

    /// <summary>An instance other than <paramref name="instance"/> (the same one when there is only one).</summary>
    public int OtherThan(int instance) => (instance + 1) % _instances.Length;

    /// <summary>How many requests have been sent.</summary>
    public long Sent => Interlocked.Read(ref _sequence);

    /// <summary>The tick of the latest response.</summary>
    public long Tick => Interlocked.Read(ref _tick);

    /// <summary>How many responses had a 5xx status so far.</summary>
    public long ServerErrors => Interlocked.Read(ref _serverErrors);

    /// <summary>How many requests got no response so far.</summary>
    public long Unanswered => Interlocked.Read(ref _unanswered);

    /// <summary>How many of the latest requests got no response; a service that has gone away shows here.</summary>
    public long UnansweredInARow => Interlocked.Read(ref _unansweredInARow);

    public IReadOnlyCollection<Exchange> Exchanges => _exchanges;

    public static string CustomerPath(Guid id) => $"{CustomersPath}/{id:D}";

    public static string AccountsPath(Guid id) => $"{CustomerPath(id)}/accounts";

    public async Task<Reply> SendAsync(
        string operation,
        Participant caller,
        HttpMethod method,
        string path,
        string? body = null,
        string? idempotencyKey = null,
        string? ifMatch = null,
        int? instance = null)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var sequence = Interlocked.Increment(ref _sequence);
        var target = (instance ?? (int)(sequence % _instances.Length)) % _instances.Length;
        var http = _instances[target];
        using var request = new HttpRequestMessage(method, new Uri(http.BaseAddress!, path));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", caller.Token);
        request.Headers.Add("X-Request-Id", $"soak-{_runId}-{sequence}");
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        var started = Stopwatch.GetTimestamp();
        Exchange exchange;
        var responseBody = string.Empty;
        try
        {
            using var response = await http.SendAsync(request);
            responseBody = await response.Content.ReadAsStringAsync();
            var status = (int)response.StatusCode;
            exchange = new Exchange(
                sequence,
                operation,
                caller.Label,
                method.Method,
                path,
                idempotencyKey,
                ifMatch,
                body,
                status,
                status >= 400 ? Json.TryRead<ErrorEnvelope>(responseBody)?.Error.Code : null,
                Header(response, "X-Request-Id"),
                response.Headers.ETag?.ToString(),
                response.Headers.Location?.OriginalString,
                Header(response, "Link"),
                string.Equals(Header(response, "Idempotent-Replayed"), "true", StringComparison.OrdinalIgnoreCase),
                Stopwatch.GetElapsedTime(started).TotalMilliseconds,
                TransportError: null,
                responseBody.Length > KeptBodyLength ? responseBody[..KeptBodyLength] + "…" : responseBody,
                target);
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or IOException)
        {
            exchange = new Exchange(
                sequence, operation, caller.Label, method.Method, path, idempotencyKey, ifMatch, body,
                Status: 0, ErrorCode: null, RequestId: null, ETag: null, Location: null, Link: null, Replayed: false,
                Stopwatch.GetElapsedTime(started).TotalMilliseconds,
                exception.GetType().Name + ": " + exception.Message,
                ResponseBody: null,
                target);
        }

        if (exchange.TransportError is not null)
        {
            Interlocked.Increment(ref _unanswered);
            Interlocked.Increment(ref _unansweredInARow);
        }
        else
        {
            Interlocked.Exchange(ref _unansweredInARow, 0);
            if (exchange.Status >= 500)
            {
                Interlocked.Increment(ref _serverErrors);
            }
        }

        _exchanges.Enqueue(exchange);
        return new Reply(exchange, responseBody, Interlocked.Increment(ref _tick));
    }

    /// <summary>Polls <c>/health/ready</c> of every instance until each answers 200 or the time is up.</summary>
    public async Task<bool> WaitUntilReadyAsync(TimeSpan timeout)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        var ready = 0;
        while (Stopwatch.GetTimestamp() < deadline)
        {
            try
            {
                using var response = await _instances[ready].GetAsync(new Uri("/health/ready", UriKind.Relative));
                if (response.IsSuccessStatusCode && ++ready == _instances.Length)
                {
                    return true;
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }

        return false;
    }

    /// <summary>The path of the <c>Link: &lt;…&gt;; rel="next"</c> target, if the response has one.</summary>
    public static string? NextLink(Reply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        return reply.Exchange.Link is { } link && NextLinkPattern().Match(link) is { Success: true } match
            ? match.Groups["target"].Value
            : null;
    }

    public void Dispose()
    {
        foreach (var http in _instances)
        {
            http.Dispose();
        }
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : null;

    [GeneratedRegex("""<(?<target>[^>]*)>\s*;\s*rel="?next"?""")]
    private static partial Regex NextLinkPattern();
}
