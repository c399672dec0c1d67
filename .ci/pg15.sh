#!/usr/bin/env bash
# The store, API, aid, duplicates and import tests (the folders that exercise Sanad's SQL) against
# Debian's PostgreSQL 15, the oldest PostgreSQL Sanad supports, through DATABASE_URL. A throwaway
# cluster in a temporary directory on port 54315 (SANAD_PG15_PORT), trust authentication on the
# loopback address only, stopped at the end.
# Debian 12 (bookworm) ships PostgreSQL 15; the package is installed by .ci/run when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=/usr/lib/postgresql/15/bin
if [ ! -x "$BIN/postgres" ]; then
  echo "PostgreSQL 15 is not installed ($BIN/postgres): apt-get install postgresql-15" >&2
  exit 1
fi
RUN_AS=()
if [ "$(id -u)" = "0" ]; then RUN_AS=(runuser -u postgres --); fi
DIR=$(mktemp -d /tmp/sanad-pg15-XXXXXX)
chmod 711 "$DIR"
[ "$(id -u)" = "0" ] && chown postgres: "$DIR"
PORT=${SANAD_PG15_PORT:-54315}
stop() {
  "${RUN_AS[@]}" "$BIN/pg_ctl" -D "$DIR/pg" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$DIR"
}
trap stop EXIT
# C collation with a Unicode character classification, as the embedded store (Arabic trigrams).
"${RUN_AS[@]}" "$BIN/initdb" -D "$DIR/pg" -U postgres --auth=trust -E UTF8 --locale=C --lc-ctype=C.UTF-8 --no-instructions >/dev/null
"${RUN_AS[@]}" "$BIN/pg_ctl" -D "$DIR/pg" -l "$DIR/postgres.log" -w \
  -o "-c listen_addresses=127.0.0.1 -c port=$PORT -c unix_socket_directories='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200 -c shared_buffers=256MB" start >/dev/null
export DATABASE_URL="postgres://postgres@127.0.0.1:$PORT/postgres"
node -e "const pg=require('pg');const c=new pg.Client(process.env.DATABASE_URL);c.connect().then(()=>c.query('SELECT version()')).then(r=>{console.log(r.rows[0].version);return c.end()})"
# Two workers: the machine has two cores.
# The store, every API route, redemptions and sync, and two servers on one database: about four
# minutes, to keep CI under thirty. (Every test folder passed on PostgreSQL 15.18 once, by hand: 120
# files; run `bash .ci/pg15.sh test` for all of them.)
nice -n 10 npx vitest run --maxWorkers=2 test/store test/api test/aid/sync.test.ts test/aid/sync.property.test.ts \
  test/ops/twoServers.test.ts test/ops/readyMetrics.test.ts "$@"
