using System.Globalization;
using System.Security.Cryptography;
using CustomerService.Soak;

// Exit codes: 0 every invariant held, 1 some did not, 2 the soak could not run (arguments, service not ready).
SoakOptions options;
try
{
    options = SoakOptions.Parse(args);
}
catch (ArgumentException exception)
{
    Console.Error.WriteLine(exception.Message);
    Console.Error.WriteLine(SoakOptions.Usage);
    return 2;
}

var runId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
var tokenLifetime = options.Duration + TimeSpan.FromHours(1);
IReadOnlyList<Participant> participants;
try
{
    participants = options.SigningKey is not null
        ?
        [
            Participant.Mint("A", $"soak-{runId}-a", options, tokenLifetime),
            Participant.Mint("B", $"soak-{runId}-b", options, tokenLifetime),
        ]
        : [.. options.Tokens.Select((token, index) => Participant.FromToken(index == 0 ? "A" : "B", token))];
}
catch (Exception exception) when (exception is ArgumentException or FormatException)
{
    Console.Error.WriteLine($"Cannot make the participants' tokens: {exception.Message}");
    return 2;
}

var instances = string.Join(" and ", options.BaseUrls);
using var client = new SoakClient(options.BaseUrls, runId);
if (!await client.WaitUntilReadyAsync(TimeSpan.FromSeconds(60)))
{
    Console.Error.WriteLine($"{instances} did not answer 200 on /health/ready within 60 s.");
    return 2;
}

Console.WriteLine(string.Create(
    CultureInfo.InvariantCulture,
    $"Soak {runId}: {instances} for {options.Duration.TotalSeconds:0} s, {options.Concurrency} workers, at most {options.MaxRequests:N0} requests; participants {string.Join(", ", participants)}"));

var checks = new Invariants();
if (participants.Count < 2)
{
    checks.IdempotencyPerParticipant.Skip("needs a second participant (--token twice)");
}

if (client.Instances < 2)
{
    checks.ReadOnOtherInstance.Skip("needs a second instance (--url twice)");
}

var ledger = new Ledger(participants);
var verifier = new Verifier(client, ledger, checks, participants, options.Concurrency);
if (await verifier.BaselineAsync() is not { } baseline)
{
    Console.Error.WriteLine("Cannot read the participants' customer lists before the run:");
    Console.Error.WriteLine(client.Exchanges.Last().Describe());
    return 2;
}

await using var receiver = await WebhookReceiver.StartAsync();
var webhooks = new WebhookSoak(client, ledger, checks, participants, receiver);
var refused = await webhooks.PrepareAsync(runId);
if (refused is not null)
{
    // A service started by run.sh is configured for the receiver, so there a refusal is a failure.
    checks.SoakRanCleanly.Check(options.SigningKey is null, () => $"webhook endpoints could not be registered: {refused}");
    Console.WriteLine($"Webhook checks skipped: {refused}");
}
else
{
    Console.WriteLine($"Webhook receiver at {receiver.BaseAddress}; one endpoint registered per participant.");
}

using (var stopPolling = new CancellationTokenSource())
{
    var poller = webhooks.PollAsync(stopPolling.Token);
    await new Workload(client, ledger, checks, participants, runId).RunAsync(options.Duration, options.Concurrency, options.MaxRequests);
    await stopPolling.CancelAsync();
    await poller;
}

Console.WriteLine("Verifying...");
await verifier.VerifyAsync(baseline);
Console.WriteLine("Checking the feeds and waiting for webhook deliveries to catch up with them...");
await webhooks.VerifyAsync();

foreach (var exchange in client.Exchanges)
{
    checks.AllAnswered.Check(exchange.TransportError is null, exchange.Describe);
    checks.NoServerErrors.Check(exchange.TransportError is not null || exchange.Status < 500, exchange.Describe);
}

Report.Print(client.Exchanges, checks, webhooks.Summary);

if (options.RecordPath is { } recordPath)
{
    await using var record = new StreamWriter(recordPath);
    foreach (var exchange in client.Exchanges.OrderBy(exchange => exchange.Sequence))
    {
        await record.WriteLineAsync(Json.Write(exchange));
    }

    Console.WriteLine($"Every request and response: {recordPath}");
}

return checks.All.All(invariant => invariant.Held) ? 0 : 1;
