#!/usr/bin/env bash
# Measures a whole check round on the embedded default (SQLite file +
# in-process Redis): imports N tosgen declarations, runs `check --all` for
# round 1, switches the generator to round 2, runs it again, and compares the
# changes recorded with the ones tosgen really made.
#
#   bench/round.sh [N]        (default 100; try 500)
#   PER_HOST=4 bench/round.sh 500   (all tosgen pages share one host, so the
#                                    polite default of one request at a time
#                                    per host bounds the round)
#
# Needs /work/shared/bench/tosgen (or TOSGEN_SRC) and GNU time.
set -euo pipefail
N=${1:-100}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
TOSGEN_SRC=${TOSGEN_SRC:-$ROOT/../shared/bench/tosgen}
OUT=${BENCH_OUT:-$ROOT/bench/out/round-$N}
PORT=${TOSGEN_PORT:-18080}
rm -rf "$OUT"; mkdir -p "$OUT"

(cd "$TOSGEN_SRC" && go build -o "$OUT/tosgen" .)
(cd "$ROOT" && CGO_ENABLED=0 go build -o "$OUT/clausewatch" .)
"$OUT/tosgen" serve -n "$N" -addr "127.0.0.1:$PORT" -round 1 >"$OUT/tosgen.log" 2>&1 &
TOSGEN_PID=$!
trap 'kill $TOSGEN_PID 2>/dev/null || true' EXIT
for _ in $(seq 1 50); do curl -sf -o /dev/null "http://127.0.0.1:$PORT/_bench/round?set=1" && break; sleep 0.1; done
"$OUT/tosgen" declarations -n "$N" -base "http://127.0.0.1:$PORT" -out "$OUT/decl" >/dev/null
"$OUT/tosgen" expected -n "$N" >"$OUT/expected.json"

export CLAUSEWATCH_DATA_DIR="$OUT/data" DATABASE_URL="sqlite://$OUT/data/clausewatch.db" CLAUSEWATCH_FETCH_ALLOW_PRIVATE=true CLAUSEWATCH_LOG_LEVEL=warn CLAUSEWATCH_FETCH_PER_HOST=${PER_HOST:-1}
cw() { (cd "$OUT" && ./clausewatch "$@"); }
cw catalogue import "$OUT/decl" >"$OUT/import.txt"

measure() { # round
  /usr/bin/time -f '%e %M' -o "$OUT/time-$1.txt" "$OUT/clausewatch" check --all >"$OUT/round-$1.txt" 2>"$OUT/round-$1.log"
  read -r wall rss <"$OUT/time-$1.txt"
  printf 'round %s: %s | wall %ss, peak RSS %d MB\n' "$1" "$(tail -n 1 "$OUT/round-$1.txt")" "$wall" $((rss / 1024))
}
cd "$OUT"
measure 1
curl -sf -o /dev/null "http://127.0.0.1:$PORT/_bench/round?set=2"
measure 2

# Which documents got a change in round 2, against what tosgen changed.
(cd "$ROOT" && go run ./bench/compare -decl "$OUT/decl" -expected "$OUT/expected.json" -checked "$OUT/round-2.txt")
