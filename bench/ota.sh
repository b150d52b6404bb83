# Sourced by bench/round.sh when OTA=1: runs Open Terms Archive's engine
# (`ota track`) on the same generated corpus, in the same run, right after
# each Clausewatch round, so both trackers see the same pages on the same
# machine state. The engine is installed from npm once into
# $OTA_HOME (outside the repository); its snapshots and versions are git
# repositories under $OUT/ota.
#
# Needs node and npm, git and a Chromium (`ota track` starts one even when no
# declaration asks for client scripts; it runs as root here, hence
# --no-sandbox).

OTA_VERSION=${OTA_VERSION:-9.1.0}
OTA_HOME=${OTA_HOME:-${HOME}/.cache/clausewatch-tools/ota-$OTA_VERSION}

ota_install() {
  if [ ! -x "$OTA_HOME/node_modules/.bin/ota" ]; then
    echo "installing @opentermsarchive/engine@$OTA_VERSION into $OTA_HOME" >&2
    mkdir -p "$OTA_HOME"
    (cd "$OTA_HOME" && [ -f package.json ] || npm init -y >/dev/null)
    (cd "$OTA_HOME" && PUPPETEER_SKIP_DOWNLOAD=1 npm install --no-audit --no-fund \
      "@opentermsarchive/engine@$OTA_VERSION" >"$OTA_HOME/install.log" 2>&1) ||
      { cat "$OTA_HOME/install.log" >&2; return 1; }
  fi
  local chromium
  chromium=$(command -v chromium || command -v chromium-browser || true)
  if [ -z "$chromium" ]; then
    echo "OTA=1 needs a Chromium on PATH" >&2
    return 1
  fi
  printf '#!/bin/sh\nexec %s --no-sandbox "$@"\n' "$chromium" >"$OTA_HOME/chromium"
  chmod +x "$OTA_HOME/chromium"
}

# ota_setup COLLECTION DECLDIR: a collection directory with the
# declarations and a config that keeps snapshots and versions local.
ota_setup() {
  local dir=$1 decl=$2
  rm -rf "$dir"
  mkdir -p "$dir/config"
  cp -r "$decl" "$dir/declarations"
  cat >"$dir/config/production.json" <<EOF
{"@opentermsarchive/engine": {
  "collectionPath": "$dir",
  "recorder": {
    "versions": {"storage": {"type": "git", "git": {"path": "$dir/data/versions", "publish": false}}},
    "snapshots": {"storage": {"type": "git", "git": {"path": "$dir/data/snapshots", "publish": false}}}
  }
}}
EOF
}

# ota_round COLLECTION ROUND N: one `ota track` of every declaration;
# prints wall time, CPU of the engine and its children (Chromium
# included), peak RSS of the largest process, and the documents with a
# new version, which it also writes to $COLLECTION/round-ROUND.changed.
ota_round() {
  local dir=$1 round=$2 n=$3 before after changed
  before=$(git -C "$dir/data/versions" rev-parse -q --verify HEAD 2>/dev/null || true)
  # The engine reads its configuration from ./config of the directory it runs in.
  (cd "$dir" && NODE_ENV=production PUPPETEER_EXECUTABLE_PATH="$OTA_HOME/chromium" \
    /usr/bin/time -f '%e %U %S %M' -o "$dir/time-$round.txt" \
    node "$OTA_HOME/node_modules/@opentermsarchive/engine/bin/ota.js" track >"$dir/round-$round.log" 2>&1) ||
    { tail -n 20 "$dir/round-$round.log" >&2; return 1; }
  after=$(git -C "$dir/data/versions" rev-parse HEAD)
  if [ -z "$before" ]; then
    git -C "$dir/data/versions" ls-tree -r --name-only "$after" | cut -d/ -f1 | sort -u >"$dir/round-$round.changed"
  else
    git -C "$dir/data/versions" diff --name-only "$before" "$after" | cut -d/ -f1 | sort -u >"$dir/round-$round.changed"
  fi
  changed=$(grep -c . "$dir/round-$round.changed" || true)
  read -r wall user sys rss <"$dir/time-$round.txt"
  printf 'OTA %s      N=%s round %s: %s documents with a new version | wall %ss, CPU %.2fs (%.1f ms/document), peak RSS %d MB\n' \
    "$OTA_VERSION" "$n" "$round" "$changed" "$wall" "$(echo "$user + $sys" | bc)" "$(echo "($user + $sys) * 1000 / $n" | bc -l)" $((rss / 1024))
}

# ota_compare COLLECTION EXPECTED: OTA's round-2 documents against the
# ones the generator really changed.
ota_compare() {
  local dir=$1 expected=$2
  grep -o '"id": *"svc[0-9]*"' "$expected" | grep -o 'svc[0-9]*' | sort -u >"$dir/expected.ids"
  printf 'OTA round 2: expected %d changed documents, recorded %d: %d false, %d missed\n' \
    "$(grep -c . "$dir/expected.ids")" "$(grep -c . "$dir/round-2.changed" || true)" \
    "$(comm -13 "$dir/expected.ids" "$dir/round-2.changed" | grep -c . || true)" \
    "$(comm -23 "$dir/expected.ids" "$dir/round-2.changed" | grep -c . || true)"
}
