using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace CustomerService.Soak;

/// <summary>
/// The mixed workload: concurrent workers, each picking a weighted random operation for a random
/// participant until the time or the request budget is spent. Every answer is checked as it comes,
/// and what was created is kept in the ledger for the checks after the run.
/// </summary>
internal sealed partial class Workload
{
    /// <summary>After this many requests in a row without an answer the service is taken to be gone, and the workload stops.</summary>
    private const int GoneAfterUnanswered = 50;

    private static readonly string[] Statuses = ["active", "inactive", "deleted", "suspended"];
    private static readonly string[] EvmNetworks = ["ethereum", "polygon", "arbitrum", "optimism", "base", "avalanche", "bsc"];

    private readonly SoakClient _client;
    private readonly Ledger _ledger;
    private readonly Invariants _checks;
    private readonly IReadOnlyList<Participant> _participants;
    private readonly string _runId;
    private readonly Operation[] _operations;
    private readonly int _totalWeight;
    private long _names;

    public Workload(SoakClient client, Ledger ledger, Invariants checks, IReadOnlyList<Participant> participants, string runId)
    {
        _client = client;
        _ledger = ledger;
        _checks = checks;
        _participants = participants;
        _runId = runId;
        Operation[] operations =
        [
            new(14, CreateAsync),
            new(4, CreateDuplicateAsync),
            new(2, CreateRaceAsync),
            new(1, CreateCaseVariantAsync),
            new(2, KeyedCreateAsync),
            new(5, KeyedReplayAsync),
            new(3, KeyReuseAsync),
            new(2, KeyConcurrentAsync),
            new(20, GetAsync),
            new(9, PutAsync),
            new(8, PutIfMatchAsync),
            new(1, ListFullAsync),
            new(1, ListPagedAsync),
            new(3, ListFilteredAsync),
            new(8, AddAccountAsync),
            new(3, KeyedAccountReplayAsync),
            new(4, ReadAccountsAsync),
        ];
        Operation[] acrossParticipants =
        [
            new(2, CreateOthersExternalIdAsync),
            new(1, KeyPerParticipantAsync),
            new(2, GetOthersAsync),
            new(1, PutOthersAsync),
        ];
        _operations = participants.Count > 1 ? [.. operations, .. acrossParticipants] : operations;
        _totalWeight = _operations.Sum(operation => operation.Weight);
    }

    /// <summary>
    /// Runs the workers until <paramref name="duration"/> has passed or <paramref name="maxRequests"/>
    /// were sent, or early when the service has stopped answering.
    /// </summary>
    public async Task RunAsync(TimeSpan duration, int concurrency, long maxRequests)
    {
        var clock = Stopwatch.StartNew();
        bool Running() => clock.Elapsed < duration && _client.Sent < maxRequests && _client.UnansweredInARow < GoneAfterUnanswered;

        async Task WorkAsync()
        {
            while (Running())
            {
                var operation = Choose();
                var caller = _participants[Random.Shared.Next(_participants.Count)];
                try
                {
                    await operation.Run(caller);
                    _checks.SoakRanCleanly.Check(true, () => string.Empty);
                }
                catch (Exception exception) when (exception is not OutOfMemoryException)
                {
                    _checks.SoakRanCleanly.Check(false, () => $"{operation.Run.Method.Name} for {caller}: {exception}");
                }
            }
        }

        using var done = new CancellationTokenSource();
        var progress = ReportProgressAsync(clock, done.Token);
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(WorkAsync)));
        await done.CancelAsync();
        await progress;
        var stop = _client.UnansweredInARow >= GoneAfterUnanswered ? $" (stopped early: {GoneAfterUnanswered} requests in a row got no answer)"
            : _client.Sent >= maxRequests ? " (request budget reached)"
            : string.Empty;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Workload done: {_client.Sent:N0} requests in {clock.Elapsed.TotalSeconds:0.0} s{stop}."));
    }

    // ---- names, bodies, choices ----

    private Operation Choose()
    {
        var roll = Random.Shared.Next(_totalWeight);
        foreach (var operation in _operations)
        {
            roll -= operation.Weight;
            if (roll < 0)
            {
                return operation;
            }
        }

        return _operations[^1];
    }

    private Participant Other(Participant caller) => _participants.First(participant => participant.Label != caller.Label);

    /// <summary>An externalId nobody has used, reserved for the caller; some have inner spaces and non-ASCII letters.</summary>
    private string FreshExternalId(Participant caller)
    {
        var number = Interlocked.Increment(ref _names);
        var externalId = number % 5 == 0 ? $"Soak kunde {_runId} ü-{number}" : $"soak-{_runId}-{number}";
        _ledger.Claim(caller, externalId);
        return externalId;
    }

    private string NewKey() => $"soak-{_runId}-key-{Interlocked.Increment(ref _names)}";

    /// <summary>Mostly active, so that accounts can be added.</summary>
    private static string CreateStatus() => Random.Shared.Next(10) < 7 ? "active" : Statuses[Random.Shared.Next(1, Statuses.Length)];

    /// <summary>A random EVM account: <c>0x</c> and 40 lowercase hex digits, accepted without a checksum.</summary>
    private static (string Network, string Address, string Body) NewAccount()
    {
        var network = EvmNetworks[Random.Shared.Next(EvmNetworks.Length)];
        var address = "0x" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(20));
        var label = Random.Shared.Next(2) == 0 ? null : "soak";
        return (network, address, Json.Write(new { network, address, label }));
    }

    private static string CreateBody(string externalId, string status) => Json.Write(new { externalId, status });

    private static string StatusBody(string status) => Json.Write(new { status });

    private static string ExternalIdQuery(string externalId) => $"?externalId={Uri.EscapeDataString(externalId)}";

    private async Task ReportProgressAsync(Stopwatch clock, CancellationToken done)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(10));
        try
        {
            while (await timer.WaitForNextTickAsync(done))
            {
                var customers = string.Join(", ", _participants.Select(participant => $"{participant.Label} {_ledger.CustomersOf(participant).Count}"));
                Console.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"[{clock.Elapsed.TotalSeconds,4:0} s] {_client.Sent:N0} requests ({_client.Sent / clock.Elapsed.TotalSeconds:N0}/s), 5xx {_client.ServerErrors}, unanswered {_client.Unanswered}, customers {customers}"));
            }
        }
        catch (OperationCanceledException)
        {
            // The workload is over.
        }
    }

    /// <summary>The contract's timestamp: UTC, ISO 8601, exactly three fractional digits and Z.</summary>
    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$")]
    private static partial Regex Timestamp();

    private sealed record Operation(int Weight, Func<Participant, Task> Run);

    private sealed record KeyedCreate(TrackedCustomer Customer, string Body, string Status, int Instance);
}
