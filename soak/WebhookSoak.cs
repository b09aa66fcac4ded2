using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace CustomerService.Soak;

/// <summary>An event as the feed shows it: the fields the checks need, and the whole JSON to compare deliveries with.</summary>
internal sealed record FeedEvent(Guid Id, string Type, Guid CustomerId, JsonElement Json);

/// <summary>A participant's webhook endpoint at the soak's receiver, and the secret given at its creation.</summary>
internal sealed record Registration(Participant Participant, Guid EndpointId, byte[] Key);

/// <summary>
/// The soak's webhook part (docs/contract.md, section 9): each participant registers an endpoint at
/// the soak's own receiver before the workload, a poller follows each feed during it, and afterwards
/// every event of the feed must have arrived, signed, as the feed shows it, in order per customer.
/// </summary>
internal sealed class WebhookSoak(SoakClient client, Ledger ledger, Invariants checks, IReadOnlyList<Participant> participants, WebhookReceiver receiver)
{
    public const string EventsPath = "/api/v1/account-manager/events";
    public const string EndpointsPath = "/api/v1/account-manager/webhook-endpoints";

    /// <summary>How long deliveries may take to catch up with the feed once the workload has stopped.</summary>
    private static readonly TimeSpan CatchUp = TimeSpan.FromSeconds(60);

    /// <summary>How far a <c>webhook-timestamp</c> may be from the time of receipt (Standard Webhooks' default tolerance).</summary>
    private static readonly TimeSpan TimestampTolerance = TimeSpan.FromMinutes(5);

    private static readonly TimeSpan PollPause = TimeSpan.FromMilliseconds(200);

    private readonly List<Registration> _registrations = [];
    private readonly Dictionary<string, Guid?> _cursors = [];
    private readonly Dictionary<string, List<FeedEvent>> _polled = [];
    private readonly List<string> _summary = [];
    private DateTimeOffset _workloadEnded;
    private int _transportFailures;

    public IReadOnlyList<string> Summary => _summary;

    private IEnumerable<Invariant> WebhookInvariants =>
        [checks.WebhooksNoneLost, checks.WebhooksAsInFeed, checks.WebhooksSameIdDuplicates, checks.WebhooksSigned, checks.WebhooksOrderPerCustomer, checks.WebhooksAttemptsRecorded];

    /// <summary>
    /// Notes where each participant's feed stands, then registers one endpoint per participant at the
    /// receiver. Returns why the webhook checks are skipped when the service refuses (a token without
    /// <c>webhooks:write</c>, or a service that does not accept a loopback <c>http</c> URL); the feed
    /// is polled and checked all the same.
    /// </summary>
    public async Task<string?> PrepareAsync(string runId)
    {
        foreach (var participant in participants)
        {
            if (await ReadFeedAsync("events.before", participant, after: null) is not { } feed)
            {
                var reason = $"{participant}'s feed could not be read before the run (see responses-as-contracted)";
                checks.FeedPolledOnce.Skip(reason);
                Skip(reason);
                _cursors.Clear();
                return reason;
            }

            _cursors[participant.Label] = feed.Count == 0 ? null : feed[^1].Id;
            _polled[participant.Label] = [];
        }

        foreach (var participant in participants)
        {
            var url = receiver.UrlFor(participant.Label);
            var body = Json.Write(new { url = url.AbsoluteUri, description = $"soak {runId}" });
            var reply = await client.SendAsync("webhooks.register", participant, HttpMethod.Post, EndpointsPath, body);
            if (!reply.Is(201))
            {
                Console.WriteLine($"Registering a webhook endpoint was refused: {reply.Exchange.Describe()}");
                await DeleteEndpointsAsync();
                var reason = $"{participant} could not register {url}: {reply.Status} {reply.Code}";
                Skip(reason);
                return reason;
            }

            using var created = JsonDocument.Parse(reply.Body);
            var secret = created.RootElement.GetProperty("secret").GetString() ?? string.Empty;
            checks.AsContracted.Check(secret.StartsWith("whsec_", StringComparison.Ordinal), () => $"a secret starts with whsec_: {reply.Exchange.Describe()}");
            _registrations.Add(new Registration(participant, created.RootElement.GetProperty("id").GetGuid(), Convert.FromBase64String(secret["whsec_".Length..])));
        }

        return null;
    }

    /// <summary>Follows each participant's feed as an integrator would, with the id of the last event seen, until stopped.</summary>
    public async Task PollAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            await PollOnceAsync();
            await Task.Delay(PollPause, CancellationToken.None);
        }

        _workloadEnded = DateTimeOffset.UtcNow;
        await PollOnceAsync();
    }

    /// <summary>
    /// Checks the feeds against the poller; then, when endpoints were registered, waits (bounded)
    /// until every event of each feed has been acknowledged by the receiver and checks every delivery.
    /// </summary>
    public async Task VerifyAsync()
    {
        var feeds = new Dictionary<string, List<FeedEvent>>();
        var owed = new Dictionary<string, List<FeedEvent>>();
        foreach (var participant in participants.Where(participant => _cursors.ContainsKey(participant.Label)))
        {
            if (await ReadFeedAsync("events.feed", participant, after: null) is not { } feed)
            {
                foreach (var invariant in WebhookInvariants.Append(checks.FeedPolledOnce))
                {
                    invariant.Check(false, () => $"{participant}'s feed could not be read after the run (see responses-as-contracted)");
                }

                return;
            }

            var cursor = _cursors[participant.Label];
            feeds[participant.Label] = feed;
            owed[participant.Label] = cursor is null ? feed : [.. feed.SkipWhile(e => e.Id != cursor).Skip(1)];
            CheckPolled(participant, owed[participant.Label]);
        }

        _summary.Add(string.Create(CultureInfo.InvariantCulture, $"{"events in the feeds during the run",-44} {owed.Values.Sum(events => events.Count),9:N0}"));
        if (_registrations.Count == 0)
        {
            return;
        }

        await WaitForDeliveriesAsync(owed);
        var deliveries = receiver.Deliveries.OrderBy(delivery => delivery.Sequence).ToList();
        foreach (var registration in _registrations)
        {
            var label = registration.Participant.Label;
            var acknowledged = deliveries.Where(d => d.Endpoint == label && d.Acknowledged && d.WebhookId is not null).Select(d => d.WebhookId!).ToHashSet(StringComparer.Ordinal);
            foreach (var feedEvent in owed[label])
            {
                checks.WebhooksNoneLost.Check(
                    acknowledged.Contains(feedEvent.Id.ToString("D")),
                    () => $"{feedEvent.Type} {feedEvent.Id} of customer {feedEvent.CustomerId} in {registration.Participant}'s feed never reached its endpoint {registration.EndpointId} within {CatchUp.TotalSeconds:0} s after the run");
            }

            CheckOrder(registration, owed[label], deliveries.Where(d => d.Endpoint == label).ToList());
        }

        foreach (var delivery in deliveries)
        {
            CheckDelivery(delivery, feeds);
        }

        foreach (var registration in _registrations)
        {
            await CheckAttemptsRecordedAsync(registration, [.. deliveries.Where(d => d.Endpoint == registration.Participant.Label)]);
        }

        await DeleteEndpointsAsync();
        Summarize(owed, deliveries);
    }

    private static bool SignatureVerifies(Delivery delivery, byte[] key)
    {
        if (delivery.WebhookId is null || delivery.Timestamp is null || delivery.Signature is null)
        {
            return false;
        }

        var signed = Encoding.UTF8.GetBytes($"{delivery.WebhookId}.{delivery.Timestamp}.").Concat(delivery.Body).ToArray();
        var expected = Encoding.ASCII.GetBytes("v1," + Convert.ToBase64String(HMACSHA256.HashData(key, signed)));
        return delivery.Signature
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Any(signature => CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(signature), expected));
    }

    private static bool TimestampIsFresh(Delivery delivery) =>
        long.TryParse(delivery.Timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
        && (DateTimeOffset.FromUnixTimeSeconds(seconds) - delivery.ReceivedAt).Duration() <= TimestampTolerance;

    private static JsonElement? ParseBody(Delivery delivery)
    {
        try
        {
            using var document = JsonDocument.Parse(delivery.Body);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Describe(Delivery delivery) =>
        $"delivery #{delivery.Sequence} to endpoint {delivery.Endpoint}, webhook-id {delivery.WebhookId}, webhook-timestamp {delivery.Timestamp}, webhook-signature {delivery.Signature}, answered {delivery.Answer}: {Encoding.UTF8.GetString(delivery.Body)}";

    private async Task PollOnceAsync()
    {
        foreach (var participant in participants.Where(participant => _cursors.ContainsKey(participant.Label)))
        {
            var polled = _polled[participant.Label];
            var after = polled.Count > 0 ? polled[^1].Id : _cursors[participant.Label];
            if (await ReadFeedAsync("events.poll", participant, after) is { } page)
            {
                polled.AddRange(page);
            }
        }
    }

    /// <summary>The participant's feed after <paramref name="after"/>, 1000 at a time following <c>Link rel="next"</c>, or null when a page could not be read.</summary>
    private async Task<List<FeedEvent>?> ReadFeedAsync(string operation, Participant participant, Guid? after)
    {
        var events = new List<FeedEvent>();
        string? path = after is { } cursor ? $"{EventsPath}?limit=1000&after={cursor:D}" : $"{EventsPath}?limit=1000";
        for (var pages = 0; path is not null; pages++)
        {
            if (pages == CustomerLists.MaxPages)
            {
                return null;
            }

            var reply = await client.SendAsync(operation, participant, HttpMethod.Get, path);
            if (!checks.Expect(reply, Outcome.Ok))
            {
                return null;
            }

            try
            {
                using var document = JsonDocument.Parse(reply.Body);
                foreach (var item in document.RootElement.EnumerateArray())
                {
                    events.Add(new FeedEvent(
                        item.GetProperty("id").GetGuid(),
                        item.GetProperty("type").GetString()!,
                        item.GetProperty("customerId").GetGuid(),
                        item.Clone()));
                }
            }
            catch (Exception exception) when (exception is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
            {
                checks.AsContracted.Check(false, () => $"the feed is a JSON array of events with id, type and customerId ({exception.Message}): {reply.Exchange.Describe()}");
                return null;
            }

            path = SoakClient.NextLink(reply);
        }

        return events;
    }

    private async Task WaitForDeliveriesAsync(Dictionary<string, List<FeedEvent>> owed)
    {
        var started = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(started) < CatchUp)
        {
            var acknowledged = receiver.Deliveries
                .Where(delivery => delivery.Acknowledged)
                .Select(delivery => (delivery.Endpoint, delivery.WebhookId))
                .ToHashSet();
            if (owed.All(pair => pair.Value.All(e => acknowledged.Contains((pair.Key, e.Id.ToString("D"))))))
            {
                break;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }
    }

    /// <summary>The poller saw each event of the run once, in the feed's order; and each customer created (201) has its one <c>customer.created</c>.</summary>
    private void CheckPolled(Participant participant, List<FeedEvent> owed)
    {
        var polled = _polled[participant.Label];
        var polledIds = polled.Select(e => e.Id).ToList();
        var feedIds = owed.Select(e => e.Id).ToList();
        checks.FeedPolledOnce.Check(
            polledIds.SequenceEqual(feedIds),
            () => $"{participant}'s poller saw {polledIds.Count} events ({polledIds.Count - polledIds.Distinct().Count()} twice), the feed after the run holds {feedIds.Count}; first difference at {polledIds.Zip(feedIds).TakeWhile(pair => pair.First == pair.Second).Count()}");
        checks.FeedPolledOnce.Check(
            feedIds.Distinct().Count() == feedIds.Count,
            () => $"{participant}'s feed holds {feedIds.Count - feedIds.Distinct().Count()} event ids twice");
        var createdEvents = owed.Where(e => e.Type == "customer.created").GroupBy(e => e.CustomerId).ToDictionary(group => group.Key, group => group.Count());
        foreach (var customer in ledger.CustomersOf(participant))
        {
            var times = createdEvents.GetValueOrDefault(customer.Id);
            checks.FeedPolledOnce.Check(times == 1, () => $"customer {customer.Id} of {participant}, created (201) in the run, has {times} customer.created events in the feed");
        }
    }

    /// <summary>Per customer, the first acknowledged delivery of each event came in the feed's order.</summary>
    private void CheckOrder(Registration registration, List<FeedEvent> owed, List<Delivery> received)
    {
        var firstAcknowledged = received
            .Where(delivery => delivery.Acknowledged && delivery.WebhookId is not null)
            .GroupBy(delivery => delivery.WebhookId!, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.Min(delivery => delivery.Sequence), StringComparer.Ordinal);
        foreach (var customer in owed.GroupBy(e => e.CustomerId))
        {
            var inFeed = customer.Select(e => e.Id.ToString("D")).Where(firstAcknowledged.ContainsKey).ToList();
            var inArrival = inFeed.OrderBy(id => firstAcknowledged[id]).ToList();
            checks.WebhooksOrderPerCustomer.Check(
                inFeed.SequenceEqual(inArrival, StringComparer.Ordinal),
                () => $"customer {customer.Key} of {registration.Participant}: feed order {string.Join(", ", inFeed)}, first acknowledged in order {string.Join(", ", inArrival)}");
        }
    }

    private void CheckDelivery(Delivery delivery, Dictionary<string, List<FeedEvent>> feeds)
    {
        if (_registrations.Find(r => r.Participant.Label == delivery.Endpoint) is not { } registration)
        {
            checks.WebhooksAsInFeed.Check(false, () => $"a POST to a path no endpoint registered: {Describe(delivery)}");
            return;
        }

        checks.WebhooksSigned.Check(
            SignatureVerifies(delivery, registration.Key) && TimestampIsFresh(delivery),
            () => $"the signature does not verify with the endpoint's secret, or the timestamp is not within {TimestampTolerance.TotalMinutes:0} min of receipt: {Describe(delivery)}");

        var body = ParseBody(delivery);
        var bodyId = body is { ValueKind: JsonValueKind.Object } json && json.TryGetProperty("id", out var id) ? id.GetString() : null;
        checks.WebhooksSameIdDuplicates.Check(
            delivery.WebhookId is not null && string.Equals(bodyId, delivery.WebhookId, StringComparison.OrdinalIgnoreCase),
            () => $"the webhook-id is not the id of the event the body carries, so a redelivery could not be told from a new event: {Describe(delivery)}");

        var ownEvent = Guid.TryParse(delivery.WebhookId, out var eventId)
            ? feeds[delivery.Endpoint].Find(e => e.Id == eventId)
            : null;
        var strangers = feeds.Where(pair => pair.Key != delivery.Endpoint && pair.Value.Exists(e => e.Id == eventId)).Select(pair => pair.Key).ToList();
        checks.WebhooksAsInFeed.Check(
            ownEvent is not null && body is { } received && JsonElement.DeepEquals(received, ownEvent.Json),
            () => ownEvent is null
                ? $"not an event of {registration.Participant}'s feed{(strangers.Count > 0 ? $" but of {string.Join(", ", strangers)}'s" : string.Empty)}: {Describe(delivery)}"
                : $"the body differs from the feed's {ownEvent.Json.GetRawText()}: {Describe(delivery)}");
    }

    /// <summary>
    /// The endpoint's attempts as <c>GET …/deliveries</c> lists them match what the receiver got: per
    /// event and status code as many records as receipts, marked succeeded exactly for the 2xx, each
    /// event's attempts numbered from 1. Read again for a few seconds while they do not match, since
    /// the last attempts are recorded just after the receiver answers them.
    /// </summary>
    private async Task CheckAttemptsRecordedAsync(Registration registration, List<Delivery> received)
    {
        var expected = received
            .GroupBy(delivery => (Event: delivery.WebhookId ?? string.Empty, Status: (int?)delivery.Answer, Succeeded: delivery.Acknowledged))
            .ToDictionary(group => group.Key, group => group.Count());
        var started = Stopwatch.GetTimestamp();
        List<(string Event, int? Status, bool Succeeded, int Attempt)>? recorded;
        while (true)
        {
            recorded = await ReadAttemptsAsync(registration);
            if (recorded is null)
            {
                checks.WebhooksAttemptsRecorded.Check(false, () => $"the attempts of {registration.Participant}'s endpoint {registration.EndpointId} could not be read (see responses-as-contracted)");
                return;
            }

            if (recorded.Count(record => record.Status is not null) == received.Count || Stopwatch.GetElapsedTime(started) > TimeSpan.FromSeconds(5))
            {
                break;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }

        var actual = recorded.Where(record => record.Status is not null)
            .GroupBy(record => (record.Event, record.Status, record.Succeeded))
            .ToDictionary(group => group.Key, group => group.Count());
        foreach (var (key, count) in expected)
        {
            var listed = actual.GetValueOrDefault(key);
            checks.WebhooksAttemptsRecorded.Check(
                listed == count,
                () => $"{registration.Participant}'s endpoint got {key.Event} {count} times answered {key.Status}, its attempts list {listed} such (succeeded {key.Succeeded})");
        }

        foreach (var (key, count) in actual.Where(pair => !expected.ContainsKey(pair.Key)))
        {
            checks.WebhooksAttemptsRecorded.Check(false, () => $"{registration.Participant}'s endpoint lists {count} attempts of {key.Event} with status {key.Status} (succeeded {key.Succeeded}) the receiver never answered so");
        }

        foreach (var attempts in recorded.GroupBy(record => record.Event))
        {
            var numbers = attempts.Select(record => record.Attempt).Order().ToList();
            checks.WebhooksAttemptsRecorded.Check(
                numbers.SequenceEqual(Enumerable.Range(1, numbers.Count)),
                () => $"{registration.Participant}'s attempts of {attempts.Key} are numbered {string.Join(", ", numbers)}");
        }

        _transportFailures += recorded.Count(record => record.Status is null);
    }

    /// <summary>The endpoint's attempts, 1000 at a time following <c>Link rel="next"</c>, or null when a page could not be read.</summary>
    private async Task<List<(string Event, int? Status, bool Succeeded, int Attempt)>?> ReadAttemptsAsync(Registration registration)
    {
        var records = new List<(string Event, int? Status, bool Succeeded, int Attempt)>();
        string? path = $"{EndpointsPath}/{registration.EndpointId:D}/deliveries?limit=1000";
        for (var pages = 0; path is not null; pages++)
        {
            var reply = await client.SendAsync("webhooks.deliveries", registration.Participant, HttpMethod.Get, path);
            if (pages == CustomerLists.MaxPages || !checks.Expect(reply, Outcome.Ok))
            {
                return null;
            }

            try
            {
                using var document = JsonDocument.Parse(reply.Body);
                foreach (var item in document.RootElement.EnumerateArray())
                {
                    records.Add((
                        item.GetProperty("eventId").GetGuid().ToString("D"),
                        item.TryGetProperty("statusCode", out var status) && status.ValueKind == JsonValueKind.Number ? status.GetInt32() : null,
                        item.GetProperty("succeeded").GetBoolean(),
                        item.GetProperty("attempt").GetInt32()));
                }
            }
            catch (Exception exception) when (exception is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
            {
                checks.AsContracted.Check(false, () => $"attempts are a JSON array of records with eventId, attempt, succeeded ({exception.Message}): {reply.Exchange.Describe()}");
                return null;
            }

            path = SoakClient.NextLink(reply);
        }

        return records;
    }

    private async Task DeleteEndpointsAsync()
    {
        foreach (var registration in _registrations)
        {
            var reply = await client.SendAsync("webhooks.delete", registration.Participant, HttpMethod.Delete, $"{EndpointsPath}/{registration.EndpointId:D}");
            checks.Expect(reply, new Outcome(204));
        }

        _registrations.Clear();
    }

    private void Skip(string reason)
    {
        foreach (var invariant in WebhookInvariants)
        {
            invariant.Skip(reason);
        }

        _summary.Add($"webhook checks skipped: {reason}");
    }

    private void Summarize(Dictionary<string, List<FeedEvent>> owed, List<Delivery> deliveries)
    {
        var culture = CultureInfo.InvariantCulture;
        var perEvent = deliveries.GroupBy(delivery => (delivery.Endpoint, delivery.WebhookId)).ToList();
        var failedOnPurpose = deliveries.Count(delivery => !delivery.Acknowledged);
        var duplicates = perEvent.Sum(group => Math.Max(0, group.Count(delivery => delivery.Acknowledged) - 1));
        var firstAcknowledged = perEvent
            .Select(group => group.FirstOrDefault(delivery => delivery.Acknowledged))
            .OfType<Delivery>()
            .ToDictionary(delivery => (delivery.Endpoint, delivery.WebhookId));
        var latencies = owed
            .SelectMany(pair => pair.Value.Select(e => (Event: e, Delivery: firstAcknowledged.GetValueOrDefault((pair.Key, e.Id.ToString("D"))))))
            .Where(pair => pair.Delivery is not null)
            .Select(pair => (pair.Delivery!.ReceivedAt - pair.Event.Json.GetProperty("occurredAt").GetDateTimeOffset()).TotalMilliseconds)
            .Order()
            .ToList();
        var lastAfterWorkload = firstAcknowledged.Count == 0 ? 0 : (firstAcknowledged.Values.Max(delivery => delivery.ReceivedAt) - _workloadEnded).TotalSeconds;
        _summary.Add(string.Create(culture, $"{"deliveries received",-44} {deliveries.Count,9:N0}"));
        _summary.Add(string.Create(culture, $"{"distinct webhook-ids received",-44} {perEvent.Count,9:N0}"));
        _summary.Add(string.Create(culture, $"{"answered 500 on purpose (first attempts)",-44} {failedOnPurpose,9:N0}"));
        _summary.Add(string.Create(culture, $"{"retries (attempts after an event's first)",-44} {deliveries.Count - perEvent.Count,9:N0}"));
        _summary.Add(string.Create(culture, $"{"duplicates (acknowledged more than once)",-44} {duplicates,9:N0}"));
        _summary.Add(string.Create(culture, $"{"attempts recorded that never got an answer",-44} {_transportFailures,9:N0}"));
        if (latencies.Count > 0)
        {
            _summary.Add(string.Create(
                culture,
                $"{"occurredAt to first 2xx, ms p50 / p99 / max",-44} {Report.Percentile(latencies, 0.50),9:0} / {Report.Percentile(latencies, 0.99):0} / {latencies[^1]:0}"));
        }

        _summary.Add(string.Create(culture, $"{"last first 2xx after the workload ended",-44} {lastAfterWorkload,9:0.0} s"));
    }
}
