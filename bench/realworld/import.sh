#!/usr/bin/env bash
# Imports whole public Open Terms Archive declarations collections with
# `catalogue import`, each into a throw-away SQLite database, and writes what
# was accepted and what was refused, with every refusal's reason, to
# bench/realworld/results/import.md.
#
#   bench/realworld/import.sh [MIRROR_ROOT] [COLLECTION…]
#
# MIRROR_ROOT holds bare git mirrors laid out as <root>/OpenTermsArchive+<name>/repo
# (default /work/.mirror); the collections default to the dating, demo and
# france declarations. A collection without a mirror is listed as missing.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=${1:-/work/.mirror}
shift || true
collections=("$@")
[ ${#collections[@]} -gt 0 ] || collections=(dating-declarations demo-declarations france-declarations)

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/clausewatch" .
out=bench/realworld/results/import.md

{
  echo "# Import of Open Terms Archive declarations collections"
  echo
  echo "\`bench/realworld/import.sh\` at $(git rev-parse --short HEAD), $(date -u +%Y-%m-%d)."
  echo "A declaration is accepted when its platform is imported; a document or history entry"
  echo "can still be refused on its own, with the reason below."
  echo
  echo "| collection | commit | declarations | accepted | refused | documents imported | documents refused | history files | history entries refused | exit |"
  echo "|---|---|---|---|---|---|---|---|---|---|"
} >"$tmp/table"
: >"$tmp/reasons"

for name in "${collections[@]}"; do
  git_dir="$root/OpenTermsArchive+$name/repo"
  if [ ! -d "$git_dir" ]; then
    echo "| $name | missing | | | | | | | | |" >>"$tmp/table"
    continue
  fi
  dir="$tmp/$name"
  mkdir -p "$dir"
  git --git-dir="$git_dir" archive HEAD declarations | tar -x -C "$dir"
  decls=$(find "$dir/declarations" -maxdepth 1 -name '*.json' ! -name '*.history.json' | wc -l)
  histories=$(find "$dir/declarations" -maxdepth 1 -name '*.history.json' | wc -l)
  set +e
  DATABASE_URL="sqlite://$tmp/$name.db" CLAUSEWATCH_DATA_DIR="$tmp" REDIS_URL='' \
    "$tmp/clausewatch" catalogue import "$dir/declarations" >"$tmp/$name.out" 2>"$tmp/$name.err"
  code=$?
  set -e
  platforms=$(sed -n 's/^imported \([0-9]*\) platforms*:.*/\1/p' "$tmp/$name.out")
  documents=$(sed -n 's/^imported .*: \([0-9]*\) documents created.*/\1/p' "$tmp/$name.out")
  # A refused declaration is named without a field of terms; a refused
  # document by its terms field; a refused history entry by its history file.
  doc_refused=$(grep -c '^warning: refused [^:]*\.json: terms\[' "$tmp/$name.err" || true)
  hist_refused=$(grep -c '^warning: refused [^:]*\.history\.json:' "$tmp/$name.err" || true)
  echo "| $name | $(git --git-dir="$git_dir" rev-parse --short HEAD) | $decls | ${platforms:-0} | $((decls - ${platforms:-0})) | ${documents:-0} | $doc_refused | $histories | $hist_refused | $code |" >>"$tmp/table"
  if [ -s "$tmp/$name.err" ]; then
    { echo; echo "## $name: refusals"; echo; sed 's/^warning: refused /- /' "$tmp/$name.err"; } >>"$tmp/reasons"
  fi
done

cat "$tmp/table" "$tmp/reasons" >"$out"
cat "$out"
