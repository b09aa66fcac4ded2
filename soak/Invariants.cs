using System.Collections.Concurrent;

namespace CustomerService.Soak;

internal enum Verdict
{
    Pass,
    Fail,
    NotExercised,
    Skipped,
}

/// <summary>A property the service must keep; counts how often it was checked and keeps a few violations as examples.</summary>
internal sealed class Invariant(string name, string statement)
{
    private const int MaxExamples = 3;
    private const int MaxExampleLength = 1200;

    private readonly ConcurrentQueue<string> _examples = new();
    private long _checks;
    private long _violations;

    public string Name => name;

    public string Statement => statement;

    public long Checks => Interlocked.Read(ref _checks);

    public long Violations => Interlocked.Read(ref _violations);

    public IReadOnlyCollection<string> Examples => _examples;

    public string? SkipReason { get; private set; }

    /// <summary>An invariant that was never checked fails too: a soak that did not exercise something proves nothing about it.</summary>
    public Verdict Verdict =>
        SkipReason is not null ? Verdict.Skipped
        : Checks == 0 ? Verdict.NotExercised
        : Violations == 0 ? Verdict.Pass
        : Verdict.Fail;

    public bool Held => Verdict is Verdict.Pass or Verdict.Skipped;

    /// <summary>Counts one check; when it did not hold, keeps the example (built only then).</summary>
    public bool Check(bool held, Func<string> example)
    {
        ArgumentNullException.ThrowIfNull(example);
        Interlocked.Increment(ref _checks);
        if (!held)
        {
            Interlocked.Increment(ref _violations);
            if (_examples.Count < MaxExamples)
            {
                var text = example();
                _examples.Enqueue(text.Length > MaxExampleLength ? text[..MaxExampleLength] + "…" : text);
            }
        }

        return held;
    }

    public void Skip(string reason) => SkipReason = reason;
}

/// <summary>Everything the soak checks, in the order the summary prints it.</summary>
internal sealed class Invariants
{
    public Invariant NoServerErrors { get; } = new(
        "no-5xx",
        "no response had a 5xx status");

    public Invariant AllAnswered { get; } = new(
        "every-request-answered",
        "every request got an HTTP response (no timeout, refused or reset connection)");

    public Invariant AsContracted { get; } = new(
        "responses-as-contracted",
        "every response had a status, error code and body the contract allows for that request");

    public Invariant DuplicateRace { get; } = new(
        "duplicate-create-race",
        "concurrent creates of one new externalId: exactly one 201, the others 409 DUPLICATE_EXTERNAL_ID");

    public Invariant CreatedReadable { get; } = new(
        "created-readable",
        "every customer created (201) reads back by GET with its externalId, participantId and createdAt");

    public Invariant ListedOnce { get; } = new(
        "created-listed-once",
        "every customer created (201) is exactly once in its participant's full list, as GET shows it");

    public Invariant ExternalIdUnique { get; } = new(
        "externalId-unique",
        "no externalId twice in a participant's full list");

    public Invariant CountsAddUp { get; } = new(
        "counts-add-up",
        "full list length = customers there before the run + distinct customers created (201), per participant");

    public Invariant TenantIsolation { get; } = new(
        "tenant-isolation",
        "a participant's lists hold only its own customers; GET and PUT of the other's customers are 404");

    public Invariant FinalStatus { get; } = new(
        "final-status",
        "each customer's final status is the one written by its last successful PUT (highest ETag version seen)");

    public Invariant AccountsKept { get; } = new(
        "accounts-kept",
        "each customer has exactly the accounts whose add returned 201; its addresses match them, in order");

    public Invariant ListsUnderLoad { get; } = new(
        "lists-under-load",
        "every list taken under load holds each customer created before it began, none twice, oldest first, filters kept");

    public Invariant PagingMatchesFull { get; } = new(
        "paging-equals-full-list",
        "following Link rel=\"next\" page by page yields exactly the full list, in order");

    public Invariant IdempotentReplay { get; } = new(
        "idempotent-replay",
        "a POST repeated with the same Idempotency-Key and body answers the first 201 again (same id), with Idempotent-Replayed: true");

    public Invariant IdempotencyKeyReuse { get; } = new(
        "idempotency-key-reuse",
        "the same Idempotency-Key with a different body: 422 IDEMPOTENCY_KEY_REUSED, nothing created");

    public Invariant IdempotencyConcurrent { get; } = new(
        "idempotency-key-concurrent",
        "two concurrent POSTs with one key and body create one customer; the other replays it or gets 409 IDEMPOTENCY_KEY_IN_USE");

    public Invariant IdempotencyPerParticipant { get; } = new(
        "idempotency-key-per-participant",
        "one key and body sent by two participants creates a customer for each; neither is a replay");

    public Invariant ReadOnOtherInstance { get; } = new(
        "read-on-other-instance",
        "a customer created or changed through one instance reads back at once, as answered, through another");

    public Invariant FeedPolledOnce { get; } = new(
        "feed-polled-once-in-order",
        "a poller following GET /events with the last id it saw got every event of the run once, in the final feed's order; each customer created (201) has one customer.created");

    public Invariant WebhooksNoneLost { get; } = new(
        "webhooks-none-lost",
        "every event of a participant's feed after its endpoint was registered reached that endpoint (answered 2xx), waiting at most 60 s after the other checks");

    public Invariant WebhooksAsInFeed { get; } = new(
        "webhooks-tenancy-and-body",
        "every delivery is an event of the feed of the participant whose endpoint got it, its body the same JSON as the feed shows");

    public Invariant WebhooksSameIdDuplicates { get; } = new(
        "webhooks-duplicates-same-id",
        "every delivery's webhook-id is the id of the event it carries: a retry or duplicate repeats the webhook-id, a new event never does");

    public Invariant WebhooksSigned { get; } = new(
        "webhooks-signed",
        "every delivery's webhook-signature has a v1 HMAC-SHA256 of id.timestamp.body by the endpoint's secret, its timestamp within 5 min");

    public Invariant WebhooksOrderPerCustomer { get; } = new(
        "webhooks-order-per-customer",
        "per endpoint and customer, the first acknowledged deliveries of the events came in the feed's order");

    public Invariant WebhooksAttemptsRecorded { get; } = new(
        "webhooks-attempts-recorded",
        "each endpoint's GET /deliveries lists every attempt the receiver answered, with its status and outcome, numbered from 1 per event");

    public Invariant SoakRanCleanly { get; } = new(
        "soak-ran-cleanly",
        "the soak itself hit no unexpected error");

    /// <summary>
    /// Checks that a reply is one of the outcomes the contract allows for its request. A 5xx or a
    /// request without an answer is not checked here: it fails no-5xx or every-request-answered.
    /// </summary>
    public bool Expect(Reply reply, params Outcome[] allowed)
    {
        ArgumentNullException.ThrowIfNull(reply);
        if (!reply.Answered || reply.Status >= 500)
        {
            return false;
        }

        return AsContracted.Check(
            allowed.Any(outcome => reply.Is(outcome.Status, outcome.Code)),
            () => $"expected {string.Join(" or ", allowed)}: {reply.Exchange.Describe()}");
    }

    public IReadOnlyList<Invariant> All =>
    [
        NoServerErrors, AllAnswered, AsContracted, DuplicateRace, CreatedReadable, ListedOnce, ExternalIdUnique,
        CountsAddUp, TenantIsolation, FinalStatus, AccountsKept, ListsUnderLoad, PagingMatchesFull,
        IdempotentReplay, IdempotencyKeyReuse, IdempotencyConcurrent, IdempotencyPerParticipant, ReadOnOtherInstance,
        FeedPolledOnce, WebhooksNoneLost, WebhooksAsInFeed, WebhooksSameIdDuplicates, WebhooksSigned, WebhooksOrderPerCustomer,
        WebhooksAttemptsRecorded,
        SoakRanCleanly,
    ];
}

/// <summary>A status, and for errors the contract's code, that a request may answer with.</summary>
internal readonly record struct Outcome(int Status, string? Code = null)
{
    public static readonly Outcome Ok = new(200);
    public static readonly Outcome Created = new(201);
    public static readonly Outcome NotFound = new(404, "NOT_FOUND");
    public static readonly Outcome DuplicateExternalId = new(409, "DUPLICATE_EXTERNAL_ID");
    public static readonly Outcome CustomerNotActive = new(409, "CUSTOMER_NOT_ACTIVE");
    public static readonly Outcome KeyInUse = new(409, "IDEMPOTENCY_KEY_IN_USE");
    public static readonly Outcome PreconditionFailed = new(412, "PRECONDITION_FAILED");
    public static readonly Outcome KeyReused = new(422, "IDEMPOTENCY_KEY_REUSED");

    public override string ToString() => Code is null ? $"{Status}" : $"{Status} {Code}";
}
