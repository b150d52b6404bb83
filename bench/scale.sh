#!/usr/bin/env bash
# Scale benchmark of the scheduled check path on PostgreSQL + Redis: N tosgen
# documents spread over K = N/3 sites are imported, then for each phase every
# document is made due at once (next_check_at = now) while a `clausewatch
# scheduler` and W separate `clausewatch worker` processes run; the
# scheduler's sweep enqueues the due documents and the workers record them.
# A phase ends when every document's last_checked_at is past the moment it
# was made due (or after PHASE_TIMEOUT seconds).
#
# Phases: the first check of every document (2 workers; it stores every
# first version), then steady-state rounds where nothing changed — the
# common case — with 1 and then 2 workers. Per phase it reports documents
# per second, worker CPU ms per document (utime+stime of the worker
# processes from /proc), p50/p99 from due to recorded (next_check_at to
# last_checked_at), and the most PostgreSQL connections seen
# (pg_stat_activity, sampled every second). Then it runs bench/alerts.sh
# (the fan-out of one change to 10,000 organizations) on the same services.
#
#   bench/scale.sh [N]                 (default 10000)
#   PHASES="1 2" ALERTS=0 bench/scale.sh 2000
#   CONCURRENCY=8 bench/scale.sh       (tasks per worker process; default
#                                       the worker's own default)
#
# Only loopback addresses are used; everything it starts stops when it ends.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

N=${1:-10000}
HOSTS=${HOSTS:-$(((N + 2) / 3))}
PHASES=${PHASES:-"first:2 1 2"} # W workers each; "first:W" is the round of first checks
PHASE_TIMEOUT=${PHASE_TIMEOUT:-900}
ALERTS=${ALERTS:-1}
TOSGEN_SRC=${TOSGEN_SRC:-$ROOT/../shared/bench/tosgen}
TOSGEN_PORT=${TOSGEN_PORT:-21000} # K consecutive ports; keep below the ephemeral range
export TESTENV_DIR=${TESTENV_DIR:-${TMPDIR:-/tmp}/clausewatch-scale}
export PG_PORT=${PG_PORT:-55493} REDIS_PORT=${REDIS_PORT:-56490} STRIPE_PORT=${STRIPE_PORT:-12193}
export SMTP_PORT=${SMTP_PORT:-51106} MAILPIT_HTTP_PORT=${MAILPIT_HTTP_PORT:-58106}
. scripts/testenv.sh

out=${BENCH_OUT:-$ROOT/bench/out/scale-$N}
rm -rf "$out"
mkdir -p "$out"

testenv_install
testenv_start
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  testenv_stop
}
trap cleanup EXIT

testenv_log "building"
(cd "$TOSGEN_SRC" && go build -o "$out/tosgen" .)
CGO_ENABLED=0 go build -o "$out/clausewatch" .

"$out/tosgen" serve -n "$N" -hosts "$HOSTS" -addr "127.0.0.1:$TOSGEN_PORT" -round 1 >"$out/tosgen.log" 2>&1 &
pids+=($!)
# A large corpus takes a while to generate before the first port listens.
for _ in $(seq 1 600); do
  curl -sf -o /dev/null "http://127.0.0.1:$TOSGEN_PORT/_bench/round?set=1" && break
  sleep 0.2
done
curl -sf -o /dev/null "http://127.0.0.1:$TOSGEN_PORT/_bench/round?set=1"
"$out/tosgen" declarations -n "$N" -hosts "$HOSTS" -base "http://127.0.0.1:$TOSGEN_PORT" -out "$out/decl" >/dev/null

psql() { "$TEST_PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U postgres "$@"; }
sql() { psql -d bench -tA -c "$1"; }
psql -c "CREATE DATABASE bench"
export DATABASE_URL="postgres://postgres@127.0.0.1:$PG_PORT/bench?sslmode=disable"
export REDIS_URL="$TEST_REDIS_URL" CLAUSEWATCH_DATA_DIR="$out/data" CLAUSEWATCH_LOG_LEVEL=warn
export CLAUSEWATCH_FETCH_ALLOW_PRIVATE=true SESSION_SECRET="bench-session-secret-bench-session-secret"
"$out/clausewatch" migrate up >"$out/migrate.log" 2>&1
testenv_log "importing $N declarations over $HOSTS sites"
/usr/bin/time -f '%e' -o "$out/import-time.txt" "$out/clausewatch" catalogue import "$out/decl" >"$out/import.txt"
docs=$(sql "SELECT count(*) FROM documents")
if [ "$docs" -ne "$N" ]; then
  echo "imported $docs documents, want $N; see $out/import.txt" >&2
  exit 1
fi
# Nothing is due until a phase makes it so.
sql "UPDATE documents SET next_check_at = now() + interval '1 day'" >/dev/null

ticks=$(getconf CLK_TCK)
cpu_ticks() { # pids… -> utime+stime summed
  local sum=0 p f
  for p in "$@"; do
    # Fields after the command name, which sits in parentheses: utime is 14, stime 15.
    f=$(sed 's/^.*) //' "/proc/$p/stat")
    set -- $f
    sum=$((sum + ${12} + ${13}))
  done
  echo "$sum"
}

results="$out/results.txt"
printf '%-12s %7s %6s %9s %8s %10s %9s %9s %8s %6s\n' phase workers docs "wall s" "docs/s" "CPU ms/doc" "p50 s" "p99 s" "PG conns" failed >"$results"

run_phase() { # label, workers
  local label=$1 w=$2 i wpids=() sched t0 done_n=0 start max_conn=0 c deadline cpu0 cpu1
  "$out/clausewatch" scheduler >"$out/$label-scheduler.log" 2>&1 &
  sched=$!
  pids+=("$sched")
  for i in $(seq 1 "$w"); do
    "$out/clausewatch" worker ${CONCURRENCY:+--concurrency "$CONCURRENCY"} >"$out/$label-worker$i.log" 2>&1 &
    wpids+=($!)
    pids+=($!)
  done
  sleep 2 # let the processes connect before their CPU is counted
  cpu0=$(cpu_ticks "${wpids[@]}")
  t0=$(sql "SELECT extract(epoch FROM now())")
  sql "UPDATE documents SET next_check_at = to_timestamp($t0)" >/dev/null
  start=$SECONDS
  deadline=$((SECONDS + PHASE_TIMEOUT))
  while [ "$SECONDS" -lt "$deadline" ]; do
    read -r done_n c < <(sql "SELECT (SELECT count(*) FROM documents WHERE last_checked_at >= to_timestamp($t0)),
      (SELECT count(*) FROM pg_stat_activity WHERE datname = 'bench' AND pid <> pg_backend_pid())" | tr '|' ' ')
    [ "$c" -gt "$max_conn" ] && max_conn=$c
    [ "$done_n" -ge "$N" ] && break
    sleep 1
  done
  cpu1=$(cpu_ticks "${wpids[@]}")
  for i in "${wpids[@]}" "$sched"; do kill "$i" 2>/dev/null || true; done
  for i in "${wpids[@]}" "$sched"; do wait "$i" 2>/dev/null || true; done
  if [ "$done_n" -lt "$N" ]; then
    testenv_log "$label: only $done_n of $N recorded within ${PHASE_TIMEOUT}s"
  fi
  # Wall: from due to the last document recorded (it includes waiting for
  # the scheduler's next sweep, at most 30 s); docs/s: from the first
  # document recorded to the last, what the workers sustain.
  sql "SELECT
      count(*),
      round(extract(epoch FROM max(last_checked_at) - to_timestamp($t0))::numeric, 1),
      round(((count(*) - 1) / nullif(extract(epoch FROM max(last_checked_at) - min(last_checked_at)), 0))::numeric, 1),
      round(((($cpu1 - $cpu0) * 1000.0 / $ticks) / nullif(count(*), 0))::numeric, 2),
      round(percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM last_checked_at - to_timestamp($t0)))::numeric, 1),
      round(percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM last_checked_at - to_timestamp($t0)))::numeric, 1),
      count(*) FILTER (WHERE state <> 'ok')
    FROM documents WHERE last_checked_at >= to_timestamp($t0)" |
    awk -F'|' -v l="$label" -v w="$w" -v c="$max_conn" \
      '{printf "%-12s %7s %6s %9s %8s %10s %9s %9s %8s %6s\n", l, w, $1, $2, $3, $4, $5, $6, c, $7}' >>"$results"
  testenv_log "$(tail -n 1 "$results")"
}

for p in $PHASES; do
  case $p in
    first:*) run_phase first-check "${p#first:}" ;;
    *) run_phase unchanged "$p" ;;
  esac
done
sql "SELECT state, count(*) FROM documents GROUP BY state ORDER BY state" >"$out/states.txt"

if [ "$ALERTS" = 1 ]; then
  testenv_log "alert fan-out (bench/alerts.sh) on the same PostgreSQL and mailpit"
  bench/alerts.sh >"$out/alerts.txt" 2>&1 || echo "bench/alerts.sh failed; see $out/alerts.txt" >&2
fi

echo "== scheduled checks: $N documents over $HOSTS sites, PostgreSQL + Redis, scheduler + W worker processes, $(nproc) cores (shared with PostgreSQL, Redis and tosgen)"
cat "$results"
echo "import: $(cat "$out/import-time.txt") s; document states after the run: $(tr '\n' ' ' <"$out/states.txt")"
if [ "$ALERTS" = 1 ]; then
  echo "== alert fan-out of one change to 10,000 organizations (bench/alerts.sh)"
  grep -E '^Benchmark|seeded' "$out/alerts.txt" || cat "$out/alerts.txt"
fi
