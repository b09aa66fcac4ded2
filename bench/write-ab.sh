#!/usr/bin/env bash
# A/B of the write path: POST /customers on this tree's service against BASELINE (a git revision of
# the service), on SQLite and on PostgreSQL, side by side in one run:
#   1. publishes both (Release, ReadyToRun, as bench/run.sh does);
#   2. on PostgreSQL, starts a private server (durable, as in production: fsync on) on a free port;
#   3. for ROUNDS rounds, for each engine, starts each server on a fresh database, drives POST for
#      WARMUP (not counted) then DURATION (measured), and stops it; the two servers swap places
#      from one round to the next, so neither is always measured first;
#   4. prints requests/s per round and the ratio service/baseline per engine.
# The warm-up is long on purpose: after 5 s of POSTs the runtime's tiered compiler still takes about
# a fifth of the CPU (bench/README.md, "The write path measured again"), which measures compilation,
# not the write path. Settings below can be overridden from the environment.
set -euo pipefail

BASELINE="${BASELINE:?BASELINE=<git revision> is required: the service to compare against}"
ENGINES="${ENGINES:-sqlite postgresql}"
ROUNDS="${ROUNDS:-2}"
WARMUP="${WARMUP:-40s}"
DURATION="${DURATION:-10s}"
CONNECTIONS="${CONNECTIONS:-32}"
THREADS="${THREADS:-2}"
LOG_LEVEL="${LOG_LEVEL:-Warning}"

here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
path_prefix="/api/v1/account-manager/customers"

for tool in dotnet wrk curl python3; do
  command -v "$tool" >/dev/null || { echo "$tool is required on PATH (see bench/README.md)." >&2; exit 2; }
done

work="$(mktemp -d "${TMPDIR:-/tmp}/customer-service-write-ab.XXXXXX")"
pids=()
pg_root=""
pg_bin=""

as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

cleanup() {
  for pid in "${pids[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  if [ -n "$pg_root" ] && [ -f "$pg_root/data/postmaster.pid" ]; then
    as_postgres "$pg_bin/pg_ctl" -D "$pg_root/data" -m immediate -w stop >/dev/null || true
  fi
  rm -rf "$work"/*.db "$work"/*.db-wal "$work"/*.db-shm "$work/service" "$work/baseline" "$work/baseline-source" \
    "$pg_root"
}
trap cleanup EXIT

. "$here/lib.sh"

rid="$(dotnet --info | awk '$1 == "RID:" { print $2; exit }')"
publish() { dotnet publish "$1" -c Release -r "$rid" --self-contained false -nologo -v quiet -o "$2" >>"$work/build.log" 2>&1; }
log "Publishing the service and the baseline (the service at $BASELINE)"
mkdir "$work/baseline-source"
git -C "$root" archive "$BASELINE" | tar -x -C "$work/baseline-source"
publish "$root/src/Api/Api.csproj" "$work/service" && publish "$work/baseline-source/src/Api/Api.csproj" "$work/baseline" \
  || { cat "$work/build.log" >&2; exit 2; }

pg_port=""
if [[ " $ENGINES " == *" postgresql "* ]]; then
  pg_bin="$(find /usr/lib/postgresql -mindepth 2 -maxdepth 2 -type d -name bin 2>/dev/null | sort -V | tail -n 1)"
  [ -x "$pg_bin/initdb" ] || { echo "PostgreSQL's server binaries are required for ENGINES=postgresql (apt-get install postgresql)." >&2; exit 2; }
  pg_root="$(mktemp -d)"
  [ "$(id -u)" -ne 0 ] || chown postgres: "$pg_root"
  as_postgres "$pg_bin/initdb" -D "$pg_root/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$work/initdb.log" 2>&1 \
    || { cat "$work/initdb.log" >&2; exit 2; }
  pg_port="$(free_port)"
  as_postgres "$pg_bin/pg_ctl" -D "$pg_root/data" -l "$pg_root/server.log" -w -t 60 start \
    -o "-p $pg_port -k $pg_root -c listen_addresses=127.0.0.1 -c max_connections=200" >/dev/null
  log "PostgreSQL $("$pg_bin/postgres" --version | awk '{ print $3 }') on port $pg_port, fsync on"
fi

# database ENGINE NAME: a fresh, empty database for one measurement, as start() takes it.
database() {
  local engine="$1" name="$2"
  case "$engine" in
    sqlite) echo "$work/$name.db" ;;
    postgresql)
      as_postgres "$pg_bin/psql" -h "$pg_root" -p "$pg_port" -U postgres -qc "CREATE DATABASE \"$name\"" >/dev/null
      echo "Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=$name"
      ;;
    *) echo "unknown engine $engine (sqlite, postgresql)" >&2; return 1 ;;
  esac
}

bearer="$(token bench-post)"
: >"$work/results.tsv"
for round in $(seq "$ROUNDS"); do
  servers=(service baseline)
  [ $((round % 2)) -eq 0 ] && servers=(baseline service)
  for engine in $ENGINES; do
    for server in "${servers[@]}"; do
      name="$server-$engine-$round"
      port="$(free_port)"
      start "$name" "$work/$server" CustomerService.Api.dll "$(database "$engine" "$name")" "$port"
      url="http://127.0.0.1:$port"
      wait_answer "$url$path_prefix/00000000-0000-0000-0000-000000000001" "$bearer"
      common=(-t "$THREADS" -c "$CONNECTIONS" --timeout 10s --latency -H "Authorization: Bearer $bearer" -s "$here/wrk/post.lua" "$url" --)
      wrk -d "$WARMUP" "${common[@]}" "$name-warmup" >"$work/warmup-$name.txt"
      wrk -d "$DURATION" "${common[@]}" "$name" >"$work/wrk-$name.txt"
      stop "$started"
      rps="$(awk '/^Requests\/sec/ { print $2 }' "$work/wrk-$name.txt")"
      failed="$(awk '/Non-2xx/ { print $5 }' "$work/wrk-$name.txt")"
      [ -z "$failed" ] || { echo "$name: $failed answers were not 2xx; see $work/wrk-$name.txt" >&2; exit 1; }
      printf '%s\t%s\t%s\t%s\n' "$engine" "$round" "$server" "$rps" >>"$work/results.tsv"
      log "round $round, $engine, $server: $rps req/s"
    done
  done
done

echo
echo "POST /customers, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores; service: this tree; baseline: $BASELINE;" \
  "wrk $CONNECTIONS connections, $THREADS threads, $WARMUP warm-up + $DURATION measured, $ROUNDS round(s), fresh database each"
python3 - "$work/results.tsv" <<'PY'
import collections, statistics, sys
runs = collections.defaultdict(dict)
for line in open(sys.argv[1]):
    engine, round_, server, rps = line.split()
    runs[engine].setdefault(int(round_), {})[server] = float(rps)
print(f"{'engine':<11} {'service req/s':>24} {'baseline req/s':>24} {'service/baseline':>24}")
for engine, rounds in runs.items():
    service = [rounds[r]["service"] for r in sorted(rounds)]
    baseline = [rounds[r]["baseline"] for r in sorted(rounds)]
    ratios = [s / b for s, b in zip(service, baseline)]
    fmt = lambda values, spec: ", ".join(format(v, spec) for v in values)
    print(f"{engine:<11} {fmt(service, ',.0f'):>24} {fmt(baseline, ',.0f'):>24} {fmt(ratios, '.2f'):>17} (median {statistics.median(ratios):.2f})")
PY
echo "Raw output: $work"
