#!/usr/bin/env bash
# Alert fan-out benchmark: one change to a document watched by 10,000
# organizations. Reports the outbox rows written per second (all in the
# change's transaction) and the e-mails relayed per second by 8 concurrent
# senders. With the test services running (. scripts/testenv.sh;
# testenv_start) it uses PostgreSQL and sends to mailpit; otherwise SQLite
# and memory.
set -euo pipefail
cd "$(dirname "$0")/.."
go test ./alerts/ -run '^$' -bench 'FanOut10k' -benchtime 1x -timeout 20m "$@" 2>&1 |
  grep -E '^(Benchmark|ok|FAIL|---)|seeded'
