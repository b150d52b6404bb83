# Sourced by scripts/test.sh (and usable by hand: `. scripts/testenv.sh;
# testenv_install; testenv_start`) to provide PostgreSQL, Redis, stripe-mock,
# mailpit and Chromium on loopback ports for the integration tests.

STRIPE_MOCK_VERSION=v0.203.0
MAILPIT_VERSION=v1.33.1
GOVULNCHECK_VERSION=v1.9.0
# A snapshot of the Go vulnerability database from the module proxy, used
# when vuln.go.dev cannot be reached.
VULNDB_VERSION=v0.0.0-20261105234957-e22db6528018
TESTENV_DIR=${TESTENV_DIR:-${TMPDIR:-/tmp}/clausewatch-testenv}
TOOLS_BIN=${TOOLS_BIN:-${HOME}/.cache/clausewatch-tools/bin}
# The ports lie below 32768, outside the range Linux hands out to outgoing
# connections (32768-60999): a port in it can be held by any client socket
# of the machine at the moment a server tries to listen on it.
PG_PORT=${PG_PORT:-15432}
REDIS_PORT=${REDIS_PORT:-16379}
STRIPE_PORT=${STRIPE_PORT:-12111}
SMTP_PORT=${SMTP_PORT:-11025}
MAILPIT_HTTP_PORT=${MAILPIT_HTTP_PORT:-18025}

testenv_log() { printf '== %s\n' "$*"; }

testenv_apt() {
  local missing=()
  command -v redis-server >/dev/null || missing+=(redis-server)
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
  command -v chromium >/dev/null || missing+=(chromium)
  command -v curl >/dev/null || missing+=(curl)
  if ((${#missing[@]})); then
    testenv_log "installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
}

testenv_go_tools() {
  mkdir -p "$TOOLS_BIN"
  if [ ! -x "$TOOLS_BIN/stripe-mock" ]; then
    testenv_log "installing stripe-mock $STRIPE_MOCK_VERSION"
    GOBIN="$TOOLS_BIN" go install "github.com/stripe/stripe-mock@$STRIPE_MOCK_VERSION"
  fi
  if [ ! -x "$TOOLS_BIN/mailpit" ]; then
    testenv_log "installing mailpit $MAILPIT_VERSION"
    GOBIN="$TOOLS_BIN" go install "github.com/axllent/mailpit@$MAILPIT_VERSION"
  fi
  if [ ! -x "$TOOLS_BIN/govulncheck" ]; then
    testenv_log "installing govulncheck $GOVULNCHECK_VERSION"
    GOBIN="$TOOLS_BIN" go install "golang.org/x/vuln/cmd/govulncheck@$GOVULNCHECK_VERSION"
  fi
}

# testenv_vulndb prints the -db URL for govulncheck: the public database
# when it answers, else a local copy indexed from the vulndb module snapshot
# (built once into the tools cache). It fails when neither can be had.
testenv_vulndb() {
  if curl -sf -o /dev/null --max-time 5 https://vuln.go.dev/index/db.json; then
    echo "https://vuln.go.dev"
    return 0
  fi
  local dir="${TOOLS_BIN%/bin}/vulndb-$VULNDB_VERSION"
  if [ ! -f "$dir/index/db.json" ]; then
    local src
    src=$(cd "${TMPDIR:-/tmp}" && go mod download -json "golang.org/x/vulndb@$VULNDB_VERSION" 2>/dev/null | sed -n 's/^\t"Dir": "\(.*\)",$/\1/p') || return 1
    [ -d "$src/data/osv" ] || return 1
    if [ ! -x "$TOOLS_BIN/indexdb" ]; then
      GOBIN="$TOOLS_BIN" go install "golang.org/x/vulndb/cmd/indexdb@$VULNDB_VERSION" >&2 || return 1
    fi
    rm -rf "$dir.tmp"
    "$TOOLS_BIN/indexdb" -vulns "$src/data/osv" -out "$dir.tmp" >&2 || return 1
    mv "$dir.tmp" "$dir"
  fi
  echo "file://$dir"
}

testenv_install() {
  testenv_apt
  testenv_go_tools
}

testenv_wait() { # name, command…
  local name=$1; shift
  for _ in $(seq 1 100); do
    if "$@" >/dev/null 2>&1; then return 0; fi
    sleep 0.1
  done
  echo "$name did not start; see $TESTENV_DIR" >&2
  return 1
}

testenv_start() {
  rm -rf "$TESTENV_DIR"
  mkdir -p "$TESTENV_DIR"
  chmod 755 "$TESTENV_DIR"

  local pgbin
  pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  mkdir -p "$TESTENV_DIR/pg"
  chown postgres:postgres "$TESTENV_DIR/pg"
  # initdb refuses to run as root, so the server runs as the postgres user.
  runuser -u postgres -- "$pgbin/initdb" -D "$TESTENV_DIR/pg/data" -A trust -U postgres >"$TESTENV_DIR/initdb.log"
  runuser -u postgres -- "$pgbin/pg_ctl" -D "$TESTENV_DIR/pg/data" -l "$TESTENV_DIR/pg/server.log" -w \
    -o "-p $PG_PORT -c listen_addresses=127.0.0.1 -k $TESTENV_DIR/pg -c fsync=off -c max_connections=300" start >/dev/null
  testenv_log "postgresql on 127.0.0.1:$PG_PORT"

  redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no \
    --daemonize yes --pidfile "$TESTENV_DIR/redis.pid" --logfile "$TESTENV_DIR/redis.log"
  testenv_wait redis redis-cli -p "$REDIS_PORT" ping
  testenv_log "redis on 127.0.0.1:$REDIS_PORT"

  "$TOOLS_BIN/stripe-mock" -http-addr "127.0.0.1:$STRIPE_PORT" -https-addr "127.0.0.1:$((STRIPE_PORT + 1))" >"$TESTENV_DIR/stripe-mock.log" 2>&1 &
  echo $! >"$TESTENV_DIR/stripe-mock.pid"
  testenv_wait stripe-mock curl -sf -o /dev/null -H 'Authorization: Bearer sk_test_123' "http://127.0.0.1:$STRIPE_PORT/v1/customers"
  testenv_log "stripe-mock on 127.0.0.1:$STRIPE_PORT"

  "$TOOLS_BIN/mailpit" --smtp "127.0.0.1:$SMTP_PORT" --listen "127.0.0.1:$MAILPIT_HTTP_PORT" \
    --database "$TESTENV_DIR/mailpit.db" >"$TESTENV_DIR/mailpit.log" 2>&1 &
  echo $! >"$TESTENV_DIR/mailpit.pid"
  testenv_wait mailpit curl -sf -o /dev/null "http://127.0.0.1:$MAILPIT_HTTP_PORT/api/v1/info"
  testenv_log "mailpit on 127.0.0.1:$SMTP_PORT (API :$MAILPIT_HTTP_PORT)"

  export TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$PG_PORT/postgres?sslmode=disable"
  export TEST_REDIS_URL="redis://127.0.0.1:$REDIS_PORT/0"
  export TEST_SMTP_URL="smtp://127.0.0.1:$SMTP_PORT"
  export TEST_MAILPIT_API="http://127.0.0.1:$MAILPIT_HTTP_PORT"
  export TEST_STRIPE_API_BASE="http://127.0.0.1:$STRIPE_PORT"
  export TEST_CHROMIUM="$(command -v chromium)"
  export TEST_PG_BIN="$pgbin"
  export TEST_PG_DATA="$TESTENV_DIR/pg/data"
}

testenv_stop() {
  local pgbin
  pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [ -n "$pgbin" ] && [ -d "$TESTENV_DIR/pg/data" ]; then
    runuser -u postgres -- "$pgbin/pg_ctl" -D "$TESTENV_DIR/pg/data" -m immediate stop >/dev/null 2>&1 || true
  fi
  for f in redis stripe-mock mailpit; do
    if [ -f "$TESTENV_DIR/$f.pid" ]; then
      kill "$(cat "$TESTENV_DIR/$f.pid")" 2>/dev/null || true
    fi
  done
}
