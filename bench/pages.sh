#!/usr/bin/env bash
# Page timings of the public provision pages and the dashboard: PostgreSQL
# seeded as bench/load.sh seeds it (ORGS organizations × WATCHES platforms),
# `clausewatch serve --no-worker` against it, and wrk on each page in turn
# (the provision page of one platform, the catalogue's stance on one
# provision, the sitemap, the dashboard with a session). Prints requests/s,
# p50 and p99 of each.
#
#   bench/pages.sh                # 10,000 × 25, 20 s a page
#   ORGS=1000 DURATION=5 bench/pages.sh
set -euo pipefail
cd "$(dirname "$0")/.."

ORGS=${ORGS:-10000}
WATCHES=${WATCHES:-25}
DURATION=${DURATION:-20}
CONNECTIONS=${CONNECTIONS:-16}
APP_PORT=${APP_PORT:-18481}
export TESTENV_DIR=${TESTENV_DIR:-${TMPDIR:-/tmp}/clausewatch-bench-pages}
export PG_PORT=${PG_PORT:-55493} REDIS_PORT=${REDIS_PORT:-56490} STRIPE_PORT=${STRIPE_PORT:-12193}
export SMTP_PORT=${SMTP_PORT:-51106} MAILPIT_HTTP_PORT=${MAILPIT_HTTP_PORT:-58106}
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

session=$(curl -s -o /dev/null -D - -H 'Sec-Fetch-Site: same-origin' \
  --data-urlencode "email=bench1@example.com" --data-urlencode "password=$password" "$base/login" |
  sed -n 's/^[Ss]et-[Cc]ookie: session=\([^;]*\);.*/\1/p' | tr -d '\r')
if [ -z "$session" ]; then
  echo "login failed; see $out/serve.log" >&2
  exit 1
fi

pages=(/platforms/bench-p1/provisions/data_sale /provisions/data_sale /sitemap.xml /app)
for p in "${pages[@]}"; do
  # One request first: the pages must answer 200, and the first reading of
  # the catalogue fills the classification cache, as it would in service.
  code=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: session=$session" "$base$p")
  if [ "$code" != 200 ]; then
    echo "$p answered $code; see $out/serve.log" >&2
    exit 1
  fi
done

summary() { # name, wrk output
  local rps p50 p99 errors
  rps=$(awk '/^Requests\/sec:/ {print $2}' "$2")
  p50=$(awk '$1 == "50%" {print $2}' "$2")
  p99=$(awk '$1 == "99%" {print $2}' "$2")
  errors=$(awk '/Non-2xx or 3xx responses:/ {print $5}' "$2")
  printf '%-42s %9s req/s   p50 %8s   p99 %8s   non-2xx %s\n' "$1" "$rps" "$p50" "$p99" "${errors:-0}"
}
i=0
for p in "${pages[@]}"; do
  i=$((i + 1))
  testenv_log "wrk: $p, ${DURATION}s, $CONNECTIONS connections"
  wrk -t1 -c"$CONNECTIONS" -d"${DURATION}s" --timeout 10s --latency -H "Cookie: session=$session" "$base$p" >"$out/wrk-$i.txt"
done
echo "== $ORGS organizations × $WATCHES watches, PostgreSQL, serve --no-worker, $(nproc) cores"
i=0
for p in "${pages[@]}"; do
  i=$((i + 1))
  summary "$p" "$out/wrk-$i.txt"
done
