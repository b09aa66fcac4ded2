#!/usr/bin/env bash
# Runs README.md's walkthrough as written, so the README cannot drift from what the service does.
#
# The walkthrough is every ```bash block that follows a line `<!-- walkthrough -->`, in README
# order, plus the one block after `<!-- walkthrough: service -->`, which must read exactly
# `dotnet run --project src/Api`: in its place this script starts the Release build in Development
# on a fresh SQLite file and a free loopback port, and the walkthrough's http://localhost:5080 is
# read as that port. Each command (lines joined at a trailing backslash) runs in one shell, so the
# variables it sets reach the next. A command that calls curl calls it once and states the answer
# it gets in a trailing comment, `# → 201` (words may follow); any other command must succeed. Each command is one
# test; the service starting is one more.
#
# Needs the solution built in Release (as .ci/run does before it) and curl. Prints one summary line
# in dotnet test's format; exit code non-zero when any step failed.
set -euo pipefail
cd "$(dirname "$0")/../.."

readme=README.md
service_dir="$PWD/src/Api/bin/Release/net10.0"
walk_dir="$(mktemp -d)"
walk_pid=""
walk_statuses="$walk_dir/statuses"
walk_passed=0
walk_failed=0

stop_service() {
  if [ -n "$walk_pid" ] && kill -0 "$walk_pid" 2>/dev/null; then
    kill -TERM "$walk_pid"
    wait "$walk_pid" || true
  fi
  walk_pid=""
}
trap 'stop_service; rm -rf "$walk_dir"' EXIT

summary() {
  local outcome=Passed
  [ "$walk_failed" -eq 0 ] || outcome=Failed
  printf '%s!  - Failed: %5d, Passed: %5d, Skipped: %5d, Total: %5d - README walkthrough\n' \
    "$outcome" "$walk_failed" "$walk_passed" 0 "$((walk_failed + walk_passed))"
  [ "$walk_failed" -eq 0 ]
}

pass() { walk_passed=$((walk_passed + 1)); echo "  PASS  $1"; }
fail() { walk_failed=$((walk_failed + 1)); echo "  FAIL  $1"; }

# The walkthrough's commands, one per line (continuations joined), with the service block as the
# single line @service. A blank line in a block is dropped; so is a line that is only a comment.
extract() {
  awk '
    /^<!-- walkthrough -->$/ { mode = "run"; next }
    /^<!-- walkthrough: service -->$/ { mode = "service"; next }
    mode != "" && /^```bash$/ { inside = 1; if (mode == "service") service = ""; next }
    inside && /^```$/ {
      if (mode == "service") print (service == "dotnet run --project src/Api" ? "@service" : "@service-block-changed: " service)
      inside = 0; mode = ""; next
    }
    inside && mode == "service" { service = service $0; next }
    inside {
      line = $0
      if (pending == "" && (line ~ /^[[:space:]]*#/ || line ~ /^[[:space:]]*$/)) next
      if (line ~ /\\$/) { pending = pending substr(line, 1, length(line) - 1); next }
      print pending line
      pending = ""
    }
  ' "$readme"
}

# curl as the walkthrough calls it, but recording the status of each answer.
curl() {
  local written rc=0
  { written=$(command curl --no-progress-meter --write-out '%{stderr}\n%{http_code}' "$@" 2>&1 1>&3 3>&-) || rc=$?; } 3>&1
  echo "${written##*$'\n'}" >>"$walk_statuses"
  [ "${written%$'\n'*}" = "" ] || echo "${written%$'\n'*}" >&2
  return "$rc"
}

free_port() {
  local port
  for _ in $(seq 1 20); do
    port=$((20000 + RANDOM % 30000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return 0
    fi
  done
  return 1
}

walk_url=""
start_service() {
  local port
  port=$(free_port) || { fail "the service started (no free port)"; return 1; }
  env ASPNETCORE_ENVIRONMENT=Development \
    ASPNETCORE_URLS="http://127.0.0.1:$port" \
    ConnectionStrings__CustomerService="Data Source=$walk_dir/customer-service.db" \
    dotnet "$service_dir/CustomerService.Api.dll" --contentRoot "$service_dir" >"$walk_dir/service.log" 2>&1 &
  walk_pid=$!
  for _ in $(seq 1 120); do
    if command curl -sf -o /dev/null "http://127.0.0.1:$port/health/ready"; then
      walk_url="http://127.0.0.1:$port"
      pass "the service started (Development, fresh SQLite file, port $port)"
      return 0
    fi
    kill -0 "$walk_pid" 2>/dev/null || break
    sleep 0.5
  done
  fail "the service started; its log:"
  cat "$walk_dir/service.log"
  return 1
}

# run_step COMMAND: runs it in this shell, its output kept aside and shown when the step fails.
run_step() {
  local walk_command=$1 walk_expected="" walk_calls walk_status walk_rc=0 walk_name
  if [[ "$walk_command" =~ \#\ →\ ([0-9]{3})([[:space:]].*)?$ ]]; then
    walk_expected=${BASH_REMATCH[1]}
  fi
  walk_name=$(sed -E 's/[[:space:]]+# → .*$//; s/[[:space:]]+/ /g' <<<"$walk_command" | cut -c 1-100)
  walk_command=${walk_command//http:\/\/localhost:5080/$walk_url}
  : >"$walk_statuses"
  set +eu
  { eval "$walk_command"; } >"$walk_dir/step.out" 2>&1
  walk_rc=$?
  set -eu
  walk_calls=$(grep -c . "$walk_statuses" || true)
  walk_status=$(tail -n 1 "$walk_statuses")
  if [ -z "$walk_expected" ] && [ "$walk_calls" -gt 0 ]; then
    fail "$walk_name: calls curl but README states no status (# → NNN)"
  elif [ -n "$walk_expected" ] && [ "$walk_calls" -ne 1 ]; then
    fail "$walk_name: called curl $walk_calls times, not once"
  elif [ -n "$walk_expected" ] && [ "$walk_status" != "$walk_expected" ]; then
    fail "$walk_name: answered $walk_status, README says $walk_expected"
  elif [ -z "$walk_expected" ] && [ "$walk_rc" -ne 0 ]; then
    fail "$walk_name: exited $walk_rc"
  else
    pass "$walk_name${walk_expected:+ → $walk_status}"
    return 0
  fi
  sed 's/^/        /' "$walk_dir/step.out" | head -n 40
}

mapfile -t walk_steps < <(extract)
if [ "${#walk_steps[@]}" -eq 0 ]; then
  fail "README.md has walkthrough blocks"
fi
for walk_step in "${walk_steps[@]}"; do
  case "$walk_step" in
    @service) start_service || break ;;
    @service-block-changed:*) fail "README's service block is 'dotnet run --project src/Api' (it is '${walk_step#*: }')"; break ;;
    *) run_step "$walk_step" ;;
  esac
done

stop_service
summary
