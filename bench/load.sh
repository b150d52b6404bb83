#!/usr/bin/env bash
# Load benchmark: PostgreSQL seeded with ORGS organizations × WATCHES
# watched platforms (bench/seed), `clausewatch serve --no-worker` against it,
# one seeded owner logged in, and wrk on /app (with the session) and
# /healthz at the same time. Prints requests/s and p99 latency of both.
#
#   bench/load.sh                 # 10,000 × 25, 30 s
#   ORGS=1000 DURATION=10 bench/load.sh
#
# Only loopback addresses are used; the services stop when it ends.
set -euo pipefail
cd "$(dirname "$0")/.."

ORGS=${ORGS:-10000}
WATCHES=${WATCHES:-25}
DURATION=${DURATION:-30}
CONNECTIONS=${CONNECTIONS:-16}
APP_PORT=${APP_PORT:-18480}
export TESTENV_DIR=${TESTENV_DIR:-${TMPDIR:-/tmp}/clausewatch-bench}
export PG_PORT=${PG_PORT:-55492} REDIS_PORT=${REDIS_PORT:-56489} STRIPE_PORT=${STRIPE_PORT:-12191}
export SMTP_PORT=${SMTP_PORT:-51105} MAILPIT_HTTP_PORT=${MAILPIT_HTTP_PORT:-58105}
. scripts/testenv.sh

if ! command -v wrk >/dev/null; then
  testenv_log "installing wrk"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends wrk >/dev/null
fi
testenv_install
testenv_start
serve_pid=
cleanup() {
  if [ -n "$serve_pid" ]; then kill "$serve_pid" 2>/dev/null || true; wait "$serve_pid" 2>/dev/null || true; fi
  testenv_stop
}
trap cleanup EXIT

out="$TESTENV_DIR/bench"
mkdir -p "$out"
"$TEST_PG_BIN/psql" -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -c "CREATE DATABASE bench"
db="postgres://postgres@127.0.0.1:$PG_PORT/bench?sslmode=disable"
password="bench passphrase 42"

testenv_log "building"
go build -o "$out/clausewatch" .
go build -o "$out/seed" ./bench/seed
testenv_log "seeding $ORGS organizations × $WATCHES watches"
"$out/seed" -database "$db" -orgs "$ORGS" -watches "$WATCHES" -password "$password"

base="http://127.0.0.1:$APP_PORT"
DATABASE_URL="$db" REDIS_URL="$TEST_REDIS_URL" CLAUSEWATCH_ADDR="127.0.0.1:$APP_PORT" \
  CLAUSEWATCH_DATA_DIR="$out/data" CLAUSEWATCH_LOG_LEVEL=warn \
  SESSION_SECRET="bench-session-secret-bench-session-secret" \
  "$out/clausewatch" serve --no-worker >"$out/serve.log" 2>&1 &
serve_pid=$!
testenv_wait clausewatch curl -sf -o /dev/null "$base/healthz"

# Log in as the first seeded owner; the session cookie is all wrk needs.
session=$(curl -s -o /dev/null -D - -H 'Sec-Fetch-Site: same-origin' \
  --data-urlencode "email=bench1@example.com" --data-urlencode "password=$password" "$base/login" |
  sed -n 's/^[Ss]et-[Cc]ookie: session=\([^;]*\);.*/\1/p' | tr -d '\r')
if [ -z "$session" ]; then
  echo "login failed; see $out/serve.log" >&2
  exit 1
fi
page=$(curl -sf -H "Cookie: session=$session" "$base/app")
watched=$(grep -c 'href="/platforms/bench-p' <<<"$page" || true)
if [ "$watched" -ne "$WATCHES" ]; then
  echo "/app shows $watched watched platforms, want $WATCHES" >&2
  exit 1
fi

testenv_log "wrk: /app and /healthz together, ${DURATION}s, $CONNECTIONS connections each"
wrk -t1 -c"$CONNECTIONS" -d"${DURATION}s" --timeout 10s --latency -H "Cookie: session=$session" "$base/app" >"$out/wrk-app.txt" &
app_wrk=$!
wrk -t1 -c"$CONNECTIONS" -d"${DURATION}s" --timeout 10s --latency "$base/healthz" >"$out/wrk-healthz.txt"
wait "$app_wrk"

summary() { # name, wrk output
  local rps p99 errors
  rps=$(awk '/^Requests\/sec:/ {print $2}' "$2")
  p99=$(awk '$1 == "99%" {print $2}' "$2")
  errors=$(awk '/Non-2xx or 3xx responses:/ {print $5}' "$2")
  printf '%-9s %10s req/s   p99 %8s   non-2xx %s\n' "$1" "$rps" "$p99" "${errors:-0}"
}
echo "== $ORGS organizations × $WATCHES watches, PostgreSQL, serve --no-worker, $(nproc) cores"
summary /app "$out/wrk-app.txt"
summary /healthz "$out/wrk-healthz.txt"
