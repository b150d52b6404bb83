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
echo "== gofmt"
unformatted=$(gofmt -l $(git ls-files '*.go' 2>/dev/null || find . -name '*.go' -not -path './.tools/*'))
if [ -n "$unformatted" ]; then
  echo "gofmt would change:"; echo "$unformatted"; exit 1
fi
echo "== go test"
go test -count=1 -timeout 25m ./... 2>&1 | tee "$TESTENV_DIR/go-test.log"
