#!/usr/bin/env python3
"""Reads what run.sh left in its work folder and prints the results table with PASS/FAIL.

usage: report.py WORK_DIR

Files read: wrk-<op>-<server>-<round>.txt (wrk --latency output), startup-ms.txt (one
time-to-first-answer a line, service) and memory-<server>.txt (key=value lines). When a baseline
build was measured too (wrk-<op>-baseline-*.txt), each operation also gets the ratio
service/baseline: what the change between the two builds bought, measured side by side.
"""
import pathlib
import re
import statistics
import sys

# (operation, label, target ratio of service to reference req/s)
OPERATIONS = [
    ("get", "GET /customers/{id}", 0.55),
    ("list", "GET /customers, 100", 0.70),
    ("full", "GET /customers, 5,000", 0.75),
    ("post", "POST /customers", 0.65),
]
STARTUP_TARGET_MS = 1000
MEMORY_TARGET_MB = 25
UNITS_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}


def latency_ms(text, percentile):
    match = re.search(rf"^\s+{percentile}%\s+([\d.]+)(us|ms|s|m)\s*$", text, re.MULTILINE)
    return float(match.group(1)) * UNITS_MS[match.group(2)] if match else float("nan")


def parse_wrk(path):
    text = path.read_text()
    rps = re.search(r"^Requests/sec:\s+([\d.]+)", text, re.MULTILINE)
    bad = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", text)
    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
    return {
        "rps": float(rps.group(1)) if rps else 0.0,
        "p50": latency_ms(text, 50),
        "p99": latency_ms(text, 99),
        "bad": (int(bad.group(1)) if bad else 0) + (sum(map(int, errors.groups())) if errors else 0),
    }


def spread(values, fmt):
    if len(values) == 1:
        return fmt.format(values[0])
    return f"{fmt.format(statistics.median(values))} ({fmt.format(min(values))}-{fmt.format(max(values))})"


def read_pairs(path):
    pairs = {}
    if path.exists():
        for line in path.read_text().splitlines():
            key, _, value = line.partition("=")
            pairs[key.strip()] = value.strip()
    return pairs


def main():
    work = pathlib.Path(sys.argv[1])
    verdicts = []
    problems = []

    print("Throughput and latency: median over rounds, (min-max) when there is more than one round.")
    header = f"{'operation':<22} {'service req/s':>26} {'p50 ms':>8} {'p99 ms':>8} {'reference req/s':>26} {'p50 ms':>8} {'p99 ms':>8} {'ratio':>6}  target"
    print(header)
    print("-" * len(header))
    for op, label, target in OPERATIONS:
        runs = {}
        for server in ("service", "reference", "baseline"):
            files = sorted(work.glob(f"wrk-{op}-{server}-*.txt"))
            runs[server] = [parse_wrk(f) for f in files]
            for f, run in zip(files, runs[server]):
                if run["bad"] or run["rps"] == 0:
                    problems.append(f"{f.name}: {run['bad']} failed requests or errors")
        if not runs["service"] or not runs["reference"]:
            continue
        medians = {s: statistics.median(r["rps"] for r in runs[s]) for s in runs if runs[s]}
        ratio = medians["service"] / medians["reference"] if medians["reference"] else 0.0
        ok = ratio >= target
        verdicts.append(ok)
        cells = []
        for server in ("service", "reference"):
            rs = runs[server]
            cells.append(f"{spread([r['rps'] for r in rs], '{:.0f}'):>26} "
                         f"{statistics.median(r['p50'] for r in rs):>8.2f} {statistics.median(r['p99'] for r in rs):>8.2f}")
        print(f"{label:<22} {cells[0]} {cells[1]} {ratio:>6.2f}  >= {target} {'PASS' if ok else 'FAIL'}")
        per_round = ", ".join(
            f"{s['rps'] / r['rps']:.2f}" for s, r in zip(runs["service"], runs["reference"]) if r["rps"])
        print(f"{'':<22} ratio per round: {per_round}")
        if runs["baseline"]:
            base = runs["baseline"]
            per_round = ", ".join(f"{s['rps'] / b['rps']:.2f}" for s, b in zip(runs["service"], base) if b["rps"])
            print(f"{'':<22} baseline {spread([r['rps'] for r in base], '{:.0f}')} req/s, p50 "
                  f"{statistics.median(r['p50'] for r in base):.2f} ms; service/baseline "
                  f"{medians['service'] / medians['baseline']:.2f} (per round: {per_round})")

    startup_file = work / "startup-ms.txt"
    if startup_file.exists():
        times = [int(line) for line in startup_file.read_text().split()]
        median = statistics.median(times)
        ok = median < STARTUP_TARGET_MS
        verdicts.append(ok)
        print()
        print(f"Service start to first answered request (fresh SQLite file, migrations applied at start): "
              f"median {median:.0f} ms, runs {', '.join(map(str, times))} ms"
              f"  target < {STARTUP_TARGET_MS} ms {'PASS' if ok else 'FAIL'}")

    print()
    for server in ("service", "reference"):
        memory = read_pairs(work / f"memory-{server}.txt")
        if not memory:
            continue
        growth = float(memory["growth_mb"])
        line = (f"{server:<9} list of {memory['customers']} customers: {memory['bytes_mb']} MB streamed in {memory['seconds']} s, "
                f"RSS before {memory['before_mb']} MB, peak {memory['peak_mb']} MB, growth {growth:.1f} MB")
        if server == "service":
            if memory.get("complete") != "yes":
                problems.append(f"service list of {memory['customers']} was incomplete ({memory.get('received')} received)")
            ok = growth < MEMORY_TARGET_MB and memory.get("complete") == "yes"
            verdicts.append(ok)
            line += f"  target < {MEMORY_TARGET_MB} MB {'PASS' if ok else 'FAIL'}"
        print(line)

    for problem in problems:
        print(f"WARNING: {problem}")
    print()
    print(f"Targets: {sum(verdicts)} of {len(verdicts)} met.")
    return 0 if verdicts and all(verdicts) and not problems else 1


if __name__ == "__main__":
    sys.exit(main())
