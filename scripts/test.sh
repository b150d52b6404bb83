#!/usr/bin/env bash
# Installs what the tests need where it is missing, starts each service on a
# loopback port, runs every test, and stops the services it started.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/testenv.sh

testenv_install
testenv_start
trap testenv_stop EXIT

echo "== go vet"
go vet ./...
echo "== govulncheck"
# The release image is built with the latest Go 1.26 patch; scan with the
# patch that fixes the standard library's known issues, whatever this
# machine's toolchain is.
GOVULNCHECK_GO=go1.26.10
if db=$(testenv_vulndb); then
  set +e
  GOTOOLCHAIN=$GOVULNCHECK_GO "$TOOLS_BIN/govulncheck" -db "$db" ./... >"$TESTENV_DIR/govulncheck.txt" 2>&1
  rc=$?
  set -e
  found=$(sed -n 's/^Vulnerability #[0-9]*: \(GO-[0-9-]*\)$/\1/p' "$TESTENV_DIR/govulncheck.txt")
  unaccepted=$(for id in $found; do grep -q "^$id " scripts/govulncheck-accepted.txt || echo "$id"; done)
  if [ -n "$unaccepted" ] || { [ "$rc" -ne 0 ] && [ "$rc" -ne 3 ]; }; then
    cat "$TESTENV_DIR/govulncheck.txt"
    echo "govulncheck: findings not in scripts/govulncheck-accepted.txt: ${unaccepted:-none} (exit $rc)"; exit 1
  fi
  echo "govulncheck ($db, $GOVULNCHECK_GO): clean${found:+ except accepted $(echo $found)}"
else
  echo "govulncheck skipped: neither vuln.go.dev nor the vulndb module snapshot could be had"
fi
echo "== gofmt"
unformatted=$(gofmt -l $(git ls-files '*.go' 2>/dev/null || find . -name '*.go' -not -path './.tools/*'))
if [ -n "$unformatted" ]; then
  echo "gofmt would change:"; echo "$unformatted"; exit 1
fi
echo "== go test"
go test -count=1 -timeout 25m ./... 2>&1 | tee "$TESTENV_DIR/go-test.log"
