#!/usr/bin/env bash
# Benchmarks the service against the bare reference endpoints in bench/Reference, in one run:
#   1. publishes both (Release, for this machine's runtime, so ReadyToRun as they are deployed);
#   2. times the service from process start to its first answered request, on fresh SQLite files;
#   3. seeds one database through the service and gives the reference an identical copy;
#   4. drives GET by id, GET list (all, LIST_SIZE and FULL_LIST customers) and POST with wrk against
#      the service, then the reference (and a BASELINE build of the service, when one is named),
#      op by op, for ROUNDS rounds;
#   5. streams a list of BIG_LIST customers once from each and samples the server's memory;
#   6. prints requests/s, p50/p99 latency, the ratio service/reference and PASS/FAIL per target.
# Exit code 0 only when every target is met. Settings below can be overridden from the environment.
set -euo pipefail

DURATION="${DURATION:-15s}"       # measured wrk run, per operation, server and round
WARMUP="${WARMUP:-10s}"           # wrk run before each measured one, not counted
ROUNDS="${ROUNDS:-3}"             # rounds of the three operations on both servers
CONNECTIONS="${CONNECTIONS:-32}"
THREADS="${THREADS:-2}"
GET_SEED="${GET_SEED:-1000}"      # customers GET by id picks from
LIST_SIZE="${LIST_SIZE:-100}"     # customers in the list the throughput test reads whole
FULL_LIST="${FULL_LIST:-5000}"    # customers in the larger list the throughput test reads whole
BIG_LIST="${BIG_LIST:-100000}"    # customers in the list the memory test streams once
STARTS="${STARTS:-3}"             # service starts timed on fresh files
LOG_LEVEL="${LOG_LEVEL:-Warning}" # Logging:LogLevel:Default for both servers
BASELINE="${BASELINE:-}"          # a git revision of the service to measure side by side (A/B), or empty

here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
path_prefix="/api/v1/account-manager/customers"

for tool in dotnet wrk sqlite3 curl python3; do
  command -v "$tool" >/dev/null || { echo "$tool is required on PATH (see bench/README.md)." >&2; exit 2; }
done

work="$(mktemp -d "${TMPDIR:-/tmp}/customer-service-bench.XXXXXX")"
service_dir="$work/service"
reference_dir="$work/reference"
baseline_dir="$work/baseline"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  rm -rf "$work"/*.db "$work"/*.db-wal "$work"/*.db-shm "$work"/big-*.json "$service_dir" "$reference_dir" \
    "$baseline_dir" "$work/baseline-source"
}
trap cleanup EXIT

# The servers' key, tokens, ports, start and stop.
. "$here/lib.sh"

# seed DATABASE PARTICIPANT COUNT: inserts customers as the service stores them (uppercase UUID
# text, "yyyy-MM-dd HH:mm:ss.FFF" UTC timestamps, enum names), one millisecond apart, ending a
# minute ago. The ids are version-7 UUIDs built from those timestamps.
seed() {
  local database="$1" participant="$2" count="$3"
  sqlite3 "$database" >/dev/null <<SQL
PRAGMA busy_timeout = 30000;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $count),
t(i, ms) AS (SELECT i, (CAST(strftime('%s', 'now') AS INTEGER) - 60) * 1000 - $count + i FROM n),
s(i, ms, stamp) AS (
  SELECT i, ms, rtrim(rtrim(strftime('%Y-%m-%d %H:%M:%f', ms / 1000.0, 'unixepoch'), '0'), '.') FROM t)
INSERT INTO Customers (Id, ParticipantId, ExternalId, Status, CreatedAt, UpdatedAt, Version)
SELECT upper(printf('%08x-%04x-7%s-%s%s-%s',
         ms >> 16, ms & 65535, substr(hex(randomblob(2)), 2),
         substr('89AB', 1 + abs(random()) % 4, 1), substr(hex(randomblob(2)), 2), hex(randomblob(6)))),
       '$participant', '$participant-' || printf('%07d', i), 'Active', stamp, stamp, 1
FROM s;
PRAGMA wal_checkpoint(TRUNCATE);
SQL
}

# add_accounts URL TOKEN DATABASE PARTICIPANT: gives every 10th customer an Ethereum account,
# through the service so that it is stored exactly as the service stores accounts.
add_accounts() {
  local url="$1" bearer="$2" database="$3" participant="$4" n=0 id code
  while read -r id; do
    n=$((n + 1))
    code="$(curl -s -o /dev/null -w '%{http_code}' -X POST "$url/$id/accounts" \
      -H "Authorization: Bearer $bearer" -H 'Content-Type: application/json' \
      -d "{\"network\":\"ethereum\",\"address\":\"0x$(printf '%040x' "$n")\",\"label\":\"bench $n\"}")"
    [ "$code" = "201" ] || { echo "adding an account answered $code" >&2; return 1; }
  done < <(sqlite3 "$database" "SELECT lower(Id) FROM Customers WHERE ParticipantId = '$participant' ORDER BY CreatedAt, Id" | awk 'NR % 10 == 1')
}

rid="$(dotnet --info | awk '$1 == "RID:" { print $2; exit }')"
log "Publishing the service and the reference (Release, $rid)"
publish() { dotnet publish "$1" -c Release -r "$rid" --self-contained false -nologo -v quiet -o "$2" >>"$work/build.log" 2>&1; }
publish "$root/src/Api/Api.csproj" "$service_dir" && publish "$here/Reference/Reference.csproj" "$reference_dir" \
  || { cat "$work/build.log" >&2; exit 2; }
servers=(service reference)
if [ -n "$BASELINE" ]; then
  log "Publishing the baseline, the service at $BASELINE"
  mkdir "$work/baseline-source"
  git -C "$root" archive "$BASELINE" | tar -x -C "$work/baseline-source"
  publish "$work/baseline-source/src/Api/Api.csproj" "$baseline_dir" || { cat "$work/build.log" >&2; exit 2; }
  servers+=(baseline)
fi

get_token="$(token bench-get)"
list_token="$(token bench-list)"
full_token="$(token bench-full)"
post_token="$(token bench-post)"
big_token="$(token bench-big)"
empty_token="$(token bench-empty)"

log "Timing $STARTS service starts on fresh SQLite files"
: >"$work/startup-ms.txt"
for i in $(seq "$STARTS"); do
  port="$(free_port)"
  begin="$(now_ms)"
  start "startup-$i" "$service_dir" CustomerService.Api.dll "$work/startup-$i.db" "$port"
  wait_answer "http://127.0.0.1:$port$path_prefix/00000000-0000-0000-0000-000000000001" "$get_token"
  echo $(( $(now_ms) - begin )) >>"$work/startup-ms.txt"
  stop "$started"
done
log "Start to first answer (ms): $(tr '\n' ' ' <"$work/startup-ms.txt")"
# An empty, migrated database for the memory test.
sqlite3 "$work/startup-1.db" "PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null
cp "$work/startup-1.db" "$work/big-service.db"

log "Seeding: $GET_SEED customers for GET by id, $LIST_SIZE and $FULL_LIST for the lists, every 10th with an account"
service_port="$(free_port)"
start service "$service_dir" CustomerService.Api.dll "$work/service.db" "$service_port"
service_pid="$started"
service_url="http://127.0.0.1:$service_port"
wait_answer "$service_url$path_prefix/00000000-0000-0000-0000-000000000001" "$get_token"
seed "$work/service.db" bench-get "$GET_SEED"
seed "$work/service.db" bench-list "$LIST_SIZE"
seed "$work/service.db" bench-full "$FULL_LIST"
add_accounts "$service_url$path_prefix" "$get_token" "$work/service.db" bench-get
add_accounts "$service_url$path_prefix" "$list_token" "$work/service.db" bench-list
add_accounts "$service_url$path_prefix" "$full_token" "$work/service.db" bench-full
sqlite3 "$work/service.db" "PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null
cp "$work/service.db" "$work/reference.db"
[ -n "$BASELINE" ] && cp "$work/service.db" "$work/baseline.db"
sqlite3 "$work/service.db" "SELECT lower(Id) FROM Customers WHERE ParticipantId = 'bench-get'" >"$work/ids.txt"

reference_port="$(free_port)"
start reference "$reference_dir" CustomerService.Reference.dll "$work/reference.db" "$reference_port"
reference_pid="$started"
reference_url="http://127.0.0.1:$reference_port"
wait_answer "$reference_url$path_prefix/00000000-0000-0000-0000-000000000001" "$get_token"
if [ -n "$BASELINE" ]; then
  baseline_port="$(free_port)"
  start baseline "$baseline_dir" CustomerService.Api.dll "$work/baseline.db" "$baseline_port"
  baseline_pid="$started"
  baseline_url="http://127.0.0.1:$baseline_port"
  wait_answer "$baseline_url$path_prefix/00000000-0000-0000-0000-000000000001" "$get_token"
fi

log "Checking that every server answers the same bytes"
sample_id="$(sed -n 1p "$work/ids.txt")"
for server in "${servers[@]}"; do
  url="${server}_url"
  curl -s -H "Authorization: Bearer $get_token" "${!url}$path_prefix/$sample_id" >"$work/sample-get-$server.json"
  curl -s -H "Authorization: Bearer $list_token" "${!url}$path_prefix" >"$work/sample-list-$server.json"
  curl -s -H "Authorization: Bearer $full_token" "${!url}$path_prefix" >"$work/sample-full-$server.json"
done
for server in "${servers[@]}"; do
  for sample in get list full; do
    cmp -s "$work/sample-$sample-service.json" "$work/sample-$sample-$server.json" \
      || { echo "The servers answer differently; see $work/sample-*.json" >&2; exit 1; }
  done
done

# measure OP SERVER ROUND: a warm-up wrk run, then the measured one.
measure() {
  local op="$1" server="$2" round="$3" url bearer args=()
  url="${server}_url"
  url="${!url}"
  case "$op" in
    get) bearer="$get_token"; args=(-s "$here/wrk/get-by-id.lua" "$url" -- "$work/ids.txt") ;;
    list) bearer="$list_token"; args=("$url$path_prefix") ;;
    full) bearer="$full_token"; args=("$url$path_prefix") ;;
    post) bearer="$post_token"; args=(-s "$here/wrk/post.lua" "$url" --) ;;
  esac
  local common=(-t "$THREADS" -c "$CONNECTIONS" --timeout 10s --latency -H "Authorization: Bearer $bearer")
  local suffix=()
  [ "$op" = post ] && suffix=("r$round-warmup")
  wrk "${common[@]}" -d "$WARMUP" "${args[@]}" "${suffix[@]}" >"$work/warmup-$op-$server-$round.txt"
  [ "$op" = post ] && suffix=("r$round")
  wrk "${common[@]}" -d "$DURATION" "${args[@]}" "${suffix[@]}" >"$work/wrk-$op-$server-$round.txt"
  log "  $op $server: $(grep '^Requests/sec' "$work/wrk-$op-$server-$round.txt")"
}

for round in $(seq "$ROUNDS"); do
  log "Round $round of $ROUNDS: $CONNECTIONS connections, $THREADS threads, $WARMUP warm-up + $DURATION each"
  for op in get list full post; do
    for server in "${servers[@]}"; do
      measure "$op" "$server" "$round"
    done
  done
done
stop "$service_pid"
stop "$reference_pid"
[ -n "$BASELINE" ] && stop "$baseline_pid"

log "Memory: streaming a list of $BIG_LIST customers once from each server"
seed "$work/big-service.db" bench-big "$BIG_LIST"
cp "$work/big-service.db" "$work/big-reference.db"

# memory SERVER DIR DLL: starts the server on its big database, warms the list path up on an
# empty participant, then samples VmRSS every 10 ms while the whole list streams once.
memory() {
  local server="$1" dir="$2" dll="$3" port url pid before peak hwm_before hwm_after sampling
  port="$(free_port)"
  url="http://127.0.0.1:$port$path_prefix"
  start "big-$server" "$dir" "$dll" "$work/big-$server.db" "$port"
  pid="$started"
  wait_answer "$url/00000000-0000-0000-0000-000000000001" "$big_token"
  for _ in $(seq 20); do
    curl -s -o /dev/null -H "Authorization: Bearer $empty_token" "$url"
    curl -s -o /dev/null -H "Authorization: Bearer $big_token" "$url/00000000-0000-0000-0000-000000000001"
  done
  sleep 2
  read_status() { # prints "VmRSS VmHWM" in kB
    local rss=0 hwm=0 field value unit
    while read -r field value unit; do
      case "$field" in VmRSS:) rss="$value" ;; VmHWM:) hwm="$value" ;; esac
    done <"/proc/$pid/status"
    echo "$rss $hwm"
  }
  read -r before hwm_before <<<"$(read_status)"
  : >"$work/rss-$server.txt"
  (
    while kill -0 "$pid" 2>/dev/null; do
      read_status >>"$work/rss-$server.txt"
      sleep 0.01
    done
  ) &
  sampling=$!
  local timing
  timing="$(curl -s -o "$work/big-$server.json" -w '%{time_total} %{size_download}' -H "Authorization: Bearer $big_token" "$url")"
  sleep 0.5
  kill "$sampling" 2>/dev/null || true
  wait "$sampling" 2>/dev/null || true
  read -r _ hwm_after <<<"$(read_status)"
  peak="$(awk '{ if ($1 > max) max = $1 } END { print max + 0 }' "$work/rss-$server.txt")"
  if [ "$hwm_after" -gt "$hwm_before" ] && [ "$hwm_after" -gt "$peak" ]; then
    peak="$hwm_after"
  fi
  local received
  received="$(grep -o '"externalId"' "$work/big-$server.json" | wc -l)"
  {
    echo "customers=$BIG_LIST"
    echo "received=$received"
    echo "complete=$([ "$received" -eq "$BIG_LIST" ] && echo yes || echo no)"
    echo "seconds=$(awk '{ printf "%.2f", $1 }' <<<"$timing")"
    echo "bytes_mb=$(awk '{ printf "%.1f", $2 / 1048576 }' <<<"$timing")"
    echo "before_mb=$(awk -v k="$before" 'BEGIN { printf "%.1f", k / 1024 }')"
    echo "peak_mb=$(awk -v k="$peak" 'BEGIN { printf "%.1f", k / 1024 }')"
    echo "growth_mb=$(awk -v p="$peak" -v b="$before" 'BEGIN { printf "%.1f", (p - b) / 1024 }')"
  } >"$work/memory-$server.txt"
  stop "$pid"
}
memory service "$service_dir" CustomerService.Api.dll
memory reference "$reference_dir" CustomerService.Reference.dll

echo
echo "Customer Service benchmark, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores," \
  "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), log level $LOG_LEVEL"
echo "wrk: $CONNECTIONS connections, $THREADS threads, $WARMUP warm-up + $DURATION measured, $ROUNDS round(s);" \
  "GET by id over $GET_SEED customers, lists of $LIST_SIZE and $FULL_LIST customers, every 10th with one account" \
  "${BASELINE:+; baseline: the service at $BASELINE}"
status=0
python3 "$here/report.py" "$work" | tee "$work/results.txt" || status=$?
echo "Raw output: $work"
exit "$status"
