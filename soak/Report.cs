using System.Globalization;

namespace CustomerService.Soak;

/// <summary>The summary: requests by operation and status, then every invariant with its verdict.</summary>
internal static class Report
{
    public static void Print(IReadOnlyCollection<Exchange> exchanges, Invariants checks, IReadOnlyList<string> webhooks)
    {
        ArgumentNullException.ThrowIfNull(webhooks);
        ArgumentNullException.ThrowIfNull(exchanges);
        ArgumentNullException.ThrowIfNull(checks);
        var culture = CultureInfo.InvariantCulture;

        Console.WriteLine();
        Console.WriteLine("Requests by operation and status");
        Console.WriteLine(string.Create(culture, $"  {"operation",-32} {"status",-6} {"code",-26} {"count",9} {"p50 ms",8} {"p99 ms",8} {"max ms",8}"));
        var rows = exchanges
            .GroupBy(exchange => (exchange.Operation, exchange.Status, exchange.ErrorCode))
            .OrderBy(group => group.Key.Operation, StringComparer.Ordinal)
            .ThenBy(group => group.Key.Status);
        foreach (var group in rows)
        {
            var durations = group.Select(exchange => exchange.Milliseconds).Order().ToList();
            var status = group.Key.Status == 0 ? "none" : group.Key.Status.ToString(culture);
            Console.WriteLine(string.Create(
                culture,
                $"  {group.Key.Operation,-32} {status,-6} {group.Key.ErrorCode ?? string.Empty,-26} {durations.Count,9:N0} {Percentile(durations, 0.50),8:0.0} {Percentile(durations, 0.99),8:0.0} {durations[^1],8:0.0}"));
        }

        Console.WriteLine(string.Create(culture, $"  {"total",-32} {string.Empty,-6} {string.Empty,-26} {exchanges.Count,9:N0}"));
        foreach (var instance in exchanges.GroupBy(exchange => exchange.Instance).OrderBy(group => group.Key))
        {
            var durations = instance.Select(exchange => exchange.Milliseconds).Order().ToList();
            Console.WriteLine(string.Create(
                culture,
                $"  {$"instance {instance.Key + 1}",-32} {string.Empty,-6} {string.Empty,-26} {durations.Count,9:N0} {Percentile(durations, 0.50),8:0.0} {Percentile(durations, 0.99),8:0.0} {durations[^1],8:0.0}"));
        }

        Console.WriteLine();
        Console.WriteLine("Webhooks");
        foreach (var line in webhooks)
        {
            Console.WriteLine($"  {line}");
        }

        Console.WriteLine();
        Console.WriteLine("Invariants");
        foreach (var invariant in checks.All)
        {
            var verdict = invariant.Verdict switch
            {
                Verdict.Pass => "PASS",
                Verdict.Fail => "FAIL",
                Verdict.Skipped => "SKIP",
                _ => "UNEXERCISED",
            };
            var tally = invariant.Verdict switch
            {
                Verdict.Fail => $"{invariant.Violations:N0} of {invariant.Checks:N0} checks failed",
                Verdict.Skipped => invariant.SkipReason!,
                _ => $"{invariant.Checks:N0} checks",
            };
            Console.WriteLine(string.Create(culture, $"  {verdict,-11} {invariant.Name,-32} {tally}"));
            Console.WriteLine(string.Create(culture, $"  {string.Empty,-11} {invariant.Statement}"));
            foreach (var example in invariant.Examples)
            {
                Console.WriteLine(string.Create(culture, $"  {string.Empty,-11}   e.g. {example}"));
            }
        }

        var failed = checks.All.Where(invariant => !invariant.Held).Select(invariant => invariant.Name).ToList();
        Console.WriteLine();
        Console.WriteLine(
            failed.Count == 0
                ? $"Soak PASSED: all {checks.All.Count} invariants held."
                : $"Soak FAILED: {checks.All.Count - failed.Count} of {checks.All.Count} invariants held; not held: {string.Join(", ", failed)}.");
    }

    /// <summary>The value at <paramref name="fraction"/> of an ascending, non-empty list.</summary>
    public static double Percentile(List<double> sorted, double fraction) =>
        sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(fraction * sorted.Count) - 1)];
}
