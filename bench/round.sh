#!/usr/bin/env bash
# Measures a whole check round on the embedded default (SQLite file +
# in-process Redis): imports N tosgen declarations spread over N/3 sites
# (about three documents per platform, as in a real catalogue), runs
# `check --all` for round 1 (every first version), switches the generator to
# round 2 (20 % real changes) and runs it again, then to round 3 (round-2
# content with new noise only) and runs it a third time. It compares the
# changes recorded in round 2 with the ones tosgen really made and checks
# that round 3 recorded nothing.
#
#   bench/round.sh [N]          (default 100; try 500 and 2000)
#   HOSTS=1 bench/round.sh 500  (every page on one site: the polite default
#                                of one request at a time per host then
#                                bounds the round; PER_HOST lifts it)
#   PROFILE=1 bench/round.sh 500  (CPU profile of each round in $OUT)
#   OTA=1 bench/round.sh 500  (also runs Open Terms Archive's engine on the
#                              same corpus after each round: bench/ota.sh)
#
# The page server listens on TOSGEN_PORT (default 20000) and the HOSTS-1
# ports after it, one per site: two runs at once need ports further apart
# than HOSTS.
#
# CPU is user + system time of the clausewatch process, which a busy machine
# disturbs less than wall time. Needs /work/shared/bench/tosgen (or
# TOSGEN_SRC), GNU time and bc.
set -euo pipefail
N=${1:-100}
HOSTS=${HOSTS:-$(((N + 2) / 3))}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
TOSGEN_SRC=${TOSGEN_SRC:-$ROOT/../shared/bench/tosgen}
OUT=${BENCH_OUT:-$ROOT/bench/out/round-$N}
PORT=${TOSGEN_PORT:-20000}
rm -rf "$OUT"; mkdir -p "$OUT"

(cd "$TOSGEN_SRC" && go build -o "$OUT/tosgen" .)
(cd "$ROOT" && CGO_ENABLED=0 go build -o "$OUT/clausewatch" .)
"$OUT/tosgen" serve -n "$N" -hosts "$HOSTS" -addr "127.0.0.1:$PORT" -round 1 >"$OUT/tosgen.log" 2>&1 &
TOSGEN_PID=$!
trap 'kill $TOSGEN_PID 2>/dev/null || true' EXIT
for _ in $(seq 1 600); do curl -sf -o /dev/null "http://127.0.0.1:$PORT/_bench/round?set=1" && break; sleep 0.2; done
"$OUT/tosgen" declarations -n "$N" -hosts "$HOSTS" -base "http://127.0.0.1:$PORT" -out "$OUT/decl" 2>/dev/null
"$OUT/tosgen" expected -n "$N" >"$OUT/expected.json"

export CLAUSEWATCH_DATA_DIR="$OUT/data" DATABASE_URL="sqlite://$OUT/data/clausewatch.db" CLAUSEWATCH_FETCH_ALLOW_PRIVATE=true CLAUSEWATCH_LOG_LEVEL=warn CLAUSEWATCH_FETCH_PER_HOST=${PER_HOST:-1}
cw() { (cd "$OUT" && ./clausewatch "$@"); }
cw catalogue import "$OUT/decl" >"$OUT/import.txt"
if [ -n "${OTA:-}" ]; then
  . "$ROOT/bench/ota.sh"
  ota_install
  ota_setup "$OUT/ota" "$OUT/decl"
fi
ota() { # round
  if [ -n "${OTA:-}" ]; then ota_round "$OUT/ota" "$1" "$N"; fi
}

# CPU seconds (user + system) the page server has used so far: it shares
# the machine's cores with the round.
server_cpu() {
  local tck; tck=$(getconf CLK_TCK)
  awk -v t="$tck" '{printf "%.2f", ($14 + $15) / t}' "/proc/$TOSGEN_PID/stat"
}
measure() { # round
  local profile=() before after
  if [ -n "${PROFILE:-}" ]; then profile=(--cpuprofile "$OUT/cpu-$1.pprof"); fi
  before=$(server_cpu)
  /usr/bin/time -f '%e %U %S %M' -o "$OUT/time-$1.txt" "$OUT/clausewatch" check --all "${profile[@]}" >"$OUT/round-$1.txt" 2>"$OUT/round-$1.log"
  after=$(server_cpu)
  read -r wall user sys rss <"$OUT/time-$1.txt"
  printf 'N=%s hosts=%s round %s: %s | wall %ss, CPU %.2fs (%.1f ms/document), peak RSS %d MB; page server CPU %.2fs\n' "$N" "$HOSTS" "$1" \
    "$(tail -n 1 "$OUT/round-$1.txt")" "$wall" "$(echo "$user + $sys" | bc)" "$(echo "($user + $sys) * 1000 / $N" | bc -l)" $((rss / 1024)) \
    "$(echo "$after - $before" | bc)"
}
cd "$OUT"
measure 1
ota 1
curl -sf -o /dev/null "http://127.0.0.1:$PORT/_bench/round?set=2"
measure 2
ota 2
# Which documents got a change in round 2, against what tosgen changed.
(cd "$ROOT" && go run ./bench/compare -decl "$OUT/decl" -expected "$OUT/expected.json" -checked "$OUT/round-2.txt")
curl -sf -o /dev/null "http://127.0.0.1:$PORT/_bench/round?set=3"
if [ -n "${OTA:-}" ]; then ota_compare "$OUT/ota" "$OUT/expected.json"; fi
measure 3
ota 3
# Round 3 is noise only: nothing may be recorded.
if grep -q $'\tnew version' "$OUT/round-3.txt"; then
  echo "round 3 (noise only) recorded versions:" >&2
  grep $'\tnew version' "$OUT/round-3.txt" >&2
  exit 1
fi
