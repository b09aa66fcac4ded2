# Shared by bench/run.sh and bench/write-ab.sh; sourced, not run. Expects $here (the bench folder),
# $work (the run's folder), $LOG_LEVEL and the array pids (every server started, for clean-up).

# The signing key, issuer and audience every server trusts; token PARTICIPANT mints a token for them.
key="$(printf 'customer-service-benchmark-key-32' | base64 -w0)"
issuer="customer-service-bench"
audience="customer-service"
token() { python3 "$here/mint-token.py" "$key" "$issuer" "$audience" "$1"; }
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
log() { echo "[$(date +%H:%M:%S)] $*" >&2; }

# start NAME DIR DLL DATABASE PORT: runs a server in the background from its own folder (so the
# service finds its appsettings.json) and leaves its pid in $started. DATABASE is a SQLite file, or
# a PostgreSQL connection string (one that starts with "Host=").
started=""
start() {
  local name="$1" dir="$2" dll="$3" database="$4" port="$5" provider=Sqlite connection
  connection="Data Source=$database"
  if [[ "$database" == Host=* ]]; then
    provider=PostgreSql
    connection="$database"
  fi
  (
    cd "$dir"
    exec env \
      ASPNETCORE_URLS="http://127.0.0.1:$port" \
      ASPNETCORE_ENVIRONMENT=Production \
      Database__Provider="$provider" \
      ConnectionStrings__CustomerService="$connection" \
      Authentication__Schemes__Bearer__ValidIssuer="$issuer" \
      Authentication__Schemes__Bearer__ValidAudiences__0="$audience" \
      Authentication__Schemes__Bearer__SigningKeys__0__Issuer="$issuer" \
      Authentication__Schemes__Bearer__SigningKeys__0__Value="$key" \
      RateLimiting__TokenLimit=1000000000 \
      RateLimiting__TokensPerPeriod=1000000000 \
      RateLimiting__Anonymous__TokenLimit=1000000000 \
      RateLimiting__Anonymous__TokensPerPeriod=1000000000 \
      Limits__ConcurrentFullLists=1000 \
      Logging__LogLevel__Default="$LOG_LEVEL" \
      dotnet "$dll"
  ) >>"$work/$name.log" 2>&1 &
  started=$!
  pids+=("$started")
}

stop() {
  local pid="$1"
  kill -TERM "$pid" 2>/dev/null || return 0
  for _ in $(seq 100); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.1
  done
  kill -KILL "$pid" 2>/dev/null || true
}

# wait_answer URL TOKEN: polls a real authenticated GET until the server answers with any status.
wait_answer() {
  local url="$1" bearer="$2" code
  for _ in $(seq 3000); do
    code="$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 -H "Authorization: Bearer $bearer" "$url" || true)"
    [ "$code" != "000" ] && return 0
    sleep 0.01
  done
  echo "no answer from $url" >&2
  return 1
}
