#!/usr/bin/env bash
# A manual check (not run by CI; needs Debian's caddy and postgresql-15, run as root): the Caddyfile
# of docs/OPERATIONS.md, moved to localhost with `tls internal`, in front of two `sanad serve` on one
# PostgreSQL 15. Prints what the proxy answers, the sign-in limit counted across both servers with a
# spoofed X-Forwarded-For, and the answers after one server stops.
set -uo pipefail
cd "$(dirname "$0")/.."
python3 -c "import re,sys; print(re.search(r'\`\`\`caddyfile\n(.*?)\`\`\`', open('docs/OPERATIONS.md').read(), re.S).group(1), end='')" > /tmp/sanad-Caddyfile.doc
BIN=/usr/lib/postgresql/15/bin
D=$(mktemp -d /tmp/sanad-caddy-smoke-XXXX); chmod 711 $D; chown postgres: $D
runuser -u postgres -- $BIN/initdb -D $D/pg -U postgres --auth=trust -E UTF8 --locale=C --lc-ctype=C.UTF-8 --no-instructions >/dev/null
runuser -u postgres -- $BIN/pg_ctl -D $D/pg -l $D/pg.log -w -o "-c listen_addresses=127.0.0.1 -c port=54316 -c unix_socket_directories=''" start >/dev/null
psql_() { node -e "const pg=require('pg');const c=new pg.Client('postgres://postgres@127.0.0.1:54316/postgres');c.connect().then(()=>c.query(process.argv[1])).then(()=>c.end())" "$1"; }
psql_ 'CREATE DATABASE sanad'
export DATABASE_URL=postgres://postgres@127.0.0.1:54316/sanad SANAD_SECRET_KEY=$(head -c32 /dev/urandom | base64)
node bin/sanad.js serve --port 18081 --trust-proxy 127.0.0.1 --data-dir $D/a > $D/a.log 2>&1 & A=$!
sleep 8
node bin/sanad.js serve --port 18082 --trust-proxy 127.0.0.1 --data-dir $D/b > $D/b.log 2>&1 & B=$!
sleep 8
sed -e 's#^sanad.example.org {#https://localhost:18443 {\n\ttls internal#' -e 's#10.0.1.11:8080 10.0.1.12:8080#127.0.0.1:18081 127.0.0.1:18082#' -e "s#/var/log/caddy/sanad.log#$D/caddy-access.log#" /tmp/sanad-Caddyfile.doc > $D/Caddyfile
printf '{\n\tadmin off\n\thttp_port 18080\n\thttps_port 18443\n\tskip_install_trust\n}\n' | cat - $D/Caddyfile > $D/Caddyfile2
XDG_DATA_HOME=$D/caddydata XDG_CONFIG_HOME=$D/caddyconf caddy run --config $D/Caddyfile2 --adapter caddyfile > $D/caddy.log 2>&1 & C=$!
sleep 5
U=https://localhost:18443
echo "setup via proxy: $(curl -sk -o /dev/null -w '%{http_code}' $U/api/v1/setup)"
echo "readyz via proxy (hidden): $(curl -sk -o /dev/null -w '%{http_code}' $U/readyz)"
echo "readyz direct: $(curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1:18081/readyz)"
echo "metrics direct local: $(curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1:18082/metrics)"
codes=""
for i in $(seq 1 11); do codes="$codes $(curl -sk -o /dev/null -w '%{http_code}' -H "X-Forwarded-For: 198.51.100.$i" -H 'content-type: application/json' -d '{"username":"nobody","password":"not the password"}' $U/api/v1/auth/login)"; done
echo "11 logins with spoofed X-Forwarded-For through the proxy, spread over both servers:$codes"
echo "sign-in attempts answered by A: $(grep -c '/api/v1/auth/login' $D/a.log), by B: $(grep -c '/api/v1/auth/login' $D/b.log)"
kill $A; sleep 3
ok=0; for i in $(seq 1 10); do [ "$(curl -sk -o /dev/null -w '%{http_code}' $U/api/v1/setup)" = 200 ] && ok=$((ok+1)); done
echo "after server A stopped: $ok/10 requests answered 200"
kill $C $B; sleep 3
runuser -u postgres -- $BIN/pg_ctl -D $D/pg -m fast -w stop >/dev/null
grep -i "error" $D/caddy.log | head -3
rm -rf $D
