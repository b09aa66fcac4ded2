#!/usr/bin/env bash
# Soak test. By default: build the service (Release), start it on a fresh SQLite file on a free
# loopback port with a throwaway signing key and rate limits high enough not to interfere, run the
# mixed workload against it, stop it with SIGTERM, and check that it stopped cleanly and logged no
# errors. The service may deliver webhooks to the soak's own receiver on loopback, and retries
# quickly. With --postgres and --instances 2 it starts two service processes on one PostgreSQL
# database and spreads the workload over both. With --url and --token it targets a service that
# is already running instead.
# Exits 0 when every invariant held, 1 when one did not, 2 when the soak could not run.
set -uo pipefail
cd "$(dirname "$0")/.."

usage() {
  cat <<'EOF'
Usage: soak/run.sh [--duration SECONDS] [--concurrency N] [--max-requests N] [--keep]
                   [--postgres CONNECTION_STRING [--instances N]]
       soak/run.sh --url URL --token JWT [--token JWT] [--duration SECONDS] [--concurrency N] [--max-requests N] [--keep]

  --duration      how long the workload runs (default 60)
  --concurrency   how many workers send requests at once (default 8)
  --max-requests  stop the workload after this many requests (default 1000000)
  --postgres      run the service on this PostgreSQL database (an Npgsql connection string to an
                  existing database, empty or migrated) instead of a fresh SQLite file
  --instances     how many service processes share that database (default 1); the workload is
                  spread over them, and each purges expired idempotency keys every second
  --url           a service already running; then --token (scopes customers:read customers:write, and
                  webhooks:read webhooks:write for the webhook checks) is required, and a second
                  --token for another participant enables the tenant checks
  --keep          keep the work folder (service log, every request) even when the soak passed
EOF
}

duration=60
concurrency=8
max_requests=1000000
url=""
tokens=()
keep=false
postgres=""
instances=1
while [ $# -gt 0 ]; do
  case "$1" in
    --duration) duration="${2:?--duration needs a value}"; shift 2 ;;
    --concurrency) concurrency="${2:?--concurrency needs a value}"; shift 2 ;;
    --max-requests) max_requests="${2:?--max-requests needs a value}"; shift 2 ;;
    --url) url="${2:?--url needs a value}"; shift 2 ;;
    --token) tokens+=(--token "${2:?--token needs a value}"); shift 2 ;;
    --keep) keep=true; shift ;;
    --postgres) postgres="${2:?--postgres needs a value}"; shift 2 ;;
    --instances) instances="${2:?--instances needs a value}"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "Unknown argument: $1" >&2; usage >&2; exit 2 ;;
  esac
done
if [ -n "$url" ] && [ ${#tokens[@]} -eq 0 ]; then
  echo "--url needs --token." >&2
  exit 2
fi
if ! [[ "$instances" =~ ^[1-9][0-9]?$ ]]; then
  echo "--instances must be a number from 1 to 99." >&2
  exit 2
fi
if [ "$instances" -gt 1 ] && [ -z "$postgres" ]; then
  echo "--instances above 1 needs --postgres: the instances share one database server." >&2
  exit 2
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

build() {
  local log
  log="$(mktemp)"
  if ! dotnet build "$1" -c Release >"$log" 2>&1; then
    cat "$log" >&2
    rm -f "$log"
    echo "Building $1 failed." >&2
    exit 2
  fi
  rm -f "$log"
}

echo "Building (Release)..."
build soak/Soak.csproj
soak=(dotnet soak/bin/Release/net10.0/CustomerService.Soak.dll
  --duration "$duration" --concurrency "$concurrency" --max-requests "$max_requests")

work="$(mktemp -d -t customer-service-soak.XXXXXX)"
finish() {
  [ "$1" -eq 0 ] && echo "Overall: PASSED" || echo "Overall: FAILED"
  if [ "$1" -eq 0 ] && [ "$keep" = false ]; then
    rm -rf "$work"
  else
    echo "Work folder kept: $work"
  fi
  exit "$1"
}

if [ -n "$url" ]; then
  "${soak[@]}" --url "$url" "${tokens[@]}" --record "$work/exchanges.jsonl"
  finish $?
fi

build src/Api/Api.csproj
service_dir="$PWD/src/Api/bin/Release/net10.0"
issuer=customer-service-soak
audience=customer-service
signing_key="$(head -c 32 /dev/urandom | base64 | tr -d '\n')"
if [ -n "$postgres" ]; then
  database=(Database__Provider=PostgreSql "ConnectionStrings__CustomerService=$postgres")
else
  database=("ConnectionStrings__CustomerService=Data Source=$work/customer-service.db")
fi
if [ "$instances" -gt 1 ]; then
  # Every instance runs the purge of expired keys, each second, on keys kept 20 s: the purges of
  # the instances overlap each other and the requests that claim keys, and each logs what it did.
  database+=(Idempotency__PurgeInterval=00:00:01 Idempotency__Retention=00:00:20
    Logging__LogLevel__CustomerService.Infrastructure.Persistence.Idempotency.IdempotencyPurgeService=Debug)
fi

# The soak's webhook receiver listens on loopback over http, so both safety rules are lifted. Retries
# come quickly (a poll every 0.2 s, then 0.5, 1, 2 s and seven more of 2 s), and there are
# enough of them that no endpoint is disabled for the receiver's deliberate failures.
webhooks=(Webhooks__AllowInsecureUrls=true Webhooks__AllowPrivateNetworks=true Webhooks__PollInterval=00:00:00.200
  Webhooks__RetryDelays__0=00:00:00.500 Webhooks__RetryDelays__1=00:00:01 Webhooks__RetryDelays__2=00:00:02)
for n in 3 4 5 6 7 8 9; do
  webhooks+=("Webhooks__RetryDelays__$n=00:00:02")
done

service_pids=()
base_urls=()

stop_services() {
  local pid exit_code=0
  for pid in "${service_pids[@]}"; do
    kill -0 "$pid" 2>/dev/null && kill -TERM "$pid"
  done
  for pid in "${service_pids[@]}"; do
    wait "$pid" || exit_code=$?
  done
  return "$exit_code"
}
trap 'stop_services; finish 130' INT TERM

# start_service N: starts instance N on a free port (the service binds port 0 and logs the one it
# got) and waits until it says where it listens. Every limit on rates and on concurrent full lists
# is set out of the way: the soak checks answers, and its workers list without `limit` at once. One at a time, so that the first applies the
# migrations before the next starts.
start_service() {
  local log="$work/service-$1.log" pid base_url=""
  env ASPNETCORE_ENVIRONMENT=Production \
    ASPNETCORE_URLS=http://127.0.0.1:0 \
    "${database[@]}" \
    Authentication__Schemes__Bearer__ValidIssuer="$issuer" \
    Authentication__Schemes__Bearer__ValidAudiences__0="$audience" \
    Authentication__Schemes__Bearer__SigningKeys__0__Issuer="$issuer" \
    Authentication__Schemes__Bearer__SigningKeys__0__Value="$signing_key" \
    RateLimiting__TokenLimit=1000000 \
    RateLimiting__TokensPerPeriod=1000000 \
    RateLimiting__ReplenishmentPeriod=00:00:01 \
    RateLimiting__Anonymous__TokenLimit=1000000 \
    RateLimiting__Anonymous__TokensPerPeriod=1000000 \
    Limits__ConcurrentFullLists=1000 \
    "${webhooks[@]}" \
    dotnet "$service_dir/CustomerService.Api.dll" --contentRoot "$service_dir" >"$log" 2>&1 &
  pid=$!
  service_pids+=("$pid")
  for _ in $(seq 1 120); do
    base_url="$(grep -o 'Now listening on: http://[0-9.:]*' "$log" | head -n 1 | sed 's/Now listening on: //')"
    [ -n "$base_url" ] && break
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.5
  done
  if [ -z "$base_url" ]; then
    echo "Service instance $1 did not start; its log:" >&2
    cat "$log" >&2
    return 1
  fi
  base_urls+=(--url "$base_url")
  echo "Service instance $1 started at $base_url (log: $log)"
}

for n in $(seq 1 "$instances"); do
  if ! start_service "$n"; then
    stop_services
    finish 2
  fi
done

"${soak[@]}" "${base_urls[@]}" --signing-key "$signing_key" --issuer "$issuer" --audience "$audience" \
  --record "$work/exchanges.jsonl"
status=$?

fail() { [ "$status" -eq 2 ] || status=1; }

# check_service N PID: instance N was up when the soak ended, stops cleanly on SIGTERM, and logged
# no Error or Critical line. Error lines are grouped by event, and matched through their request id
# to the answer the service's own request log line gave, so that each kind of error names the
# request it came from.
check_service() {
  local n=$1 pid=$2 log="$work/service-$1.log" errors="$work/service-$1-errors.log" error_count service_exit
  echo
  echo "Service instance $n"
  if kill -0 "$pid" 2>/dev/null; then
    echo "  PASS        stayed-up                        still running when the soak ended"
    kill -TERM "$pid"
    wait "$pid"
    service_exit=$?
    if [ "$service_exit" -eq 0 ]; then
      echo "  PASS        stopped-cleanly                  exited 0 on SIGTERM"
    else
      echo "  FAIL        stopped-cleanly                  exited $service_exit on SIGTERM"
      fail
    fi
  else
    wait "$pid"
    echo "  FAIL        stayed-up                        exited with $? during the soak; its last lines:"
    tail -n 3 "$log" | cut -c 1-300 | sed 's/^/                /'
    fail
  fi
  grep '"LogLevel":"\(Error\|Critical\)"' "$log" >"$errors"
  error_count="$(wc -l <"$errors")"
  if [ "$error_count" -eq 0 ]; then
    echo "  PASS        no-error-logs                    the service logged no Error or Critical line"
  else
    echo "  FAIL        no-error-logs                    the service logged $error_count Error or Critical lines:"
    grep -o '"EventId":[0-9]*,"LogLevel":"[A-Za-z]*","Category":"[^"]*"' "$errors" | sort | uniq -c | sort -rn \
      | sed 's/"EventId":\([0-9]*\),"LogLevel":"\([A-Za-z]*\)","Category":"\([^"]*\)"/\2 \3 (event \1)/; s/^/                /'
    grep -o 'Request soak-[0-9a-f]*-[0-9]*' "$errors" | sort -u | sed 's/^Request \(.*\)$/"RequestId":"\1"/' >"$work/error-requests"
    if [ -s "$work/error-requests" ]; then
      echo "              logged while answering:"
      grep -F -f "$work/error-requests" "$log" \
        | grep -o '"Method":"[A-Z]*","Route":"[^"]*","StatusCode":[0-9]*' | sort | uniq -c | sort -rn \
        | sed 's/"Method":"\([A-Z]*\)","Route":"\([^"]*\)","StatusCode":\([0-9]*\)/\1 \2 -> \3/; s/^/                /'
    fi
    echo "              first: $(head -n 1 "$errors" | cut -c 1-600)"
    fail
  fi
  if [ "$instances" -gt 1 ]; then
    check_purges "$n" "$log"
  fi
}

# check_purges N LOG: the instance purged expired keys while the others did too, and no purge failed.
check_purges() {
  local purges deleted refused
  purges=$(grep -c 'Purged [0-9]* expired idempotency keys' "$2" || true)
  deleted=$(grep -o 'Purged [0-9]* expired idempotency keys' "$2" | awk '{ s += $2 } END { print s + 0 }')
  refused=$(grep -c 'idempotency keys could not be purged' "$2" || true)
  if [ "$purges" -gt 0 ] && [ "$deleted" -gt 0 ] && [ "$refused" -eq 0 ]; then
    echo "  PASS        concurrent-purges                $purges purges deleted $deleted expired keys, none failed"
  else
    echo "  FAIL        concurrent-purges                $purges purges deleted $deleted expired keys, $refused failed"
    fail
  fi
}

for n in $(seq 1 "$instances"); do
  check_service "$n" "${service_pids[$((n - 1))]}"
done
finish "$status"
