#!/usr/bin/env bash
# Soak test. By default: build the service (Release), start it on a fresh SQLite file on a free
# loopback port with a throwaway signing key and rate limits high enough not to interfere, run the
# mixed workload against it, stop it with SIGTERM, and check that it stopped cleanly and logged no
# errors. With --url and --token it targets a service that is already running instead.
# Exits 0 when every invariant held, 1 when one did not, 2 when the soak could not run.
set -uo pipefail
cd "$(dirname "$0")/.."

usage() {
  cat <<'EOF'
Usage: soak/run.sh [--duration SECONDS] [--concurrency N] [--max-requests N] [--keep]
       soak/run.sh --url URL --token JWT [--token JWT] [--duration SECONDS] [--concurrency N] [--max-requests N] [--keep]

  --duration      how long the workload runs (default 60)
  --concurrency   how many workers send requests at once (default 8)
  --max-requests  stop the workload after this many requests (default 1000000)
  --url           a service already running; then --token (scopes customers:read customers:write) is
                  required, and a second --token for another participant enables the tenant checks
  --keep          keep the work folder (service log, every request) even when the soak passed
EOF
}

duration=60
concurrency=8
max_requests=1000000
url=""
tokens=()
keep=false
while [ $# -gt 0 ]; do
  case "$1" in
    --duration) duration="${2:?--duration needs a value}"; shift 2 ;;
    --concurrency) concurrency="${2:?--concurrency needs a value}"; shift 2 ;;
    --max-requests) max_requests="${2:?--max-requests needs a value}"; shift 2 ;;
    --url) url="${2:?--url needs a value}"; shift 2 ;;
    --token) tokens+=(--token "${2:?--token needs a value}"); shift 2 ;;
    --keep) keep=true; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "Unknown argument: $1" >&2; usage >&2; exit 2 ;;
  esac
done
if [ -n "$url" ] && [ ${#tokens[@]} -eq 0 ]; then
  echo "--url needs --token." >&2
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

# A free port: the service binds port 0 and logs the one it got.
ASPNETCORE_ENVIRONMENT=Production \
ASPNETCORE_URLS=http://127.0.0.1:0 \
ConnectionStrings__CustomerService="Data Source=$work/customer-service.db" \
Authentication__Schemes__Bearer__ValidIssuer="$issuer" \
Authentication__Schemes__Bearer__ValidAudiences__0="$audience" \
Authentication__Schemes__Bearer__SigningKeys__0__Issuer="$issuer" \
Authentication__Schemes__Bearer__SigningKeys__0__Value="$signing_key" \
RateLimiting__TokenLimit=1000000 \
RateLimiting__TokensPerPeriod=1000000 \
RateLimiting__ReplenishmentPeriod=00:00:01 \
  dotnet "$service_dir/CustomerService.Api.dll" --contentRoot "$service_dir" >"$work/service.log" 2>&1 &
service_pid=$!

stop_service() {
  if kill -0 "$service_pid" 2>/dev/null; then
    kill -TERM "$service_pid"
  fi
  wait "$service_pid"
}
trap 'kill -TERM "$service_pid" 2>/dev/null; wait "$service_pid"; finish 130' INT TERM

base_url=""
for _ in $(seq 1 120); do
  base_url="$(grep -o 'Now listening on: http://[0-9.:]*' "$work/service.log" | head -n 1 | sed 's/Now listening on: //')"
  [ -n "$base_url" ] && break
  kill -0 "$service_pid" 2>/dev/null || break
  sleep 0.5
done
if [ -z "$base_url" ]; then
  echo "The service did not start; its log:" >&2
  cat "$work/service.log" >&2
  stop_service
  finish 2
fi
echo "Service started at $base_url (log: $work/service.log)"

"${soak[@]}" --url "$base_url" --signing-key "$signing_key" --issuer "$issuer" --audience "$audience" \
  --record "$work/exchanges.jsonl"
status=$?

echo
echo "Service"
if kill -0 "$service_pid" 2>/dev/null; then
  echo "  PASS        stayed-up                        still running when the soak ended"
  stop_service
  service_exit=$?
  if [ "$service_exit" -eq 0 ]; then
    echo "  PASS        stopped-cleanly                  exited 0 on SIGTERM"
  else
    echo "  FAIL        stopped-cleanly                  exited $service_exit on SIGTERM"
    [ "$status" -eq 2 ] || status=1
  fi
else
  wait "$service_pid"
  echo "  FAIL        stayed-up                        exited with $? during the soak; its last lines:"
  tail -n 3 "$work/service.log" | cut -c 1-300 | sed 's/^/                /'
  [ "$status" -eq 2 ] || status=1
fi
# Error lines are grouped by event, and matched through their request id to the answer the
# service's own request log line gave, so that each kind of error names the request it came from.
errors="$work/service-errors.log"
grep '"LogLevel":"\(Error\|Critical\)"' "$work/service.log" >"$errors"
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
    grep -F -f "$work/error-requests" "$work/service.log" \
      | grep -o '"Method":"[A-Z]*","Route":"[^"]*","StatusCode":[0-9]*' | sort | uniq -c | sort -rn \
      | sed 's/"Method":"\([A-Z]*\)","Route":"\([^"]*\)","StatusCode":\([0-9]*\)/\1 \2 -> \3/; s/^/                /'
  fi
  echo "              first: $(head -n 1 "$errors" | cut -c 1-600)"
  [ "$status" -eq 2 ] || status=1
fi
finish "$status"
