#!/usr/bin/env bash
# Gateway overhead benchmark (not a test): the same authenticated call to reports-service, directly, through the
# gateway with JWT verification and — when nginx is installed — through a minimal nginx reverse proxy without auth
# (what any proxy hop costs on this machine), at a fixed open-model rate, in one run. Prints p50/p99 latency and CPU
# per request.
#   [FUNDGUARD_BENCH_NGINX=/path/to/nginx|none] bench/gateway/run.sh [--rate 300] [--seconds 30] [--rounds 2] [--warmup-seconds 60]
# Starts the suite with ./fundguard up (it must not be running already) and stops it at the end; nginx runs from a
# temporary configuration and is stopped at the end too.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
STATE="$ROOT/.fundguard/run/suite.properties"
prop() { sed -n "s/^$1=//p" "$STATE" | tail -n 1 | sed 's/\\:/:/g'; }

if [ -f "$STATE" ] && kill -0 "$(prop supervisor.pid)" 2>/dev/null; then
  echo "bench: the suite is running; stop it first (./fundguard down) so the benchmark starts it with its own limits" >&2
  exit 1
fi

NGINX_DIR=""
NGINX_PID=""
cleanup() {
  if [ -n "$NGINX_PID" ]; then
    kill "$NGINX_PID" 2>/dev/null || true
    wait "$NGINX_PID" 2>/dev/null || true
  fi
  if [ -n "$NGINX_DIR" ]; then
    if grep -qE '\[(alert|crit|error|emerg)\]' "$NGINX_DIR/error.log" 2>/dev/null; then
      echo "nginx logged $(grep -cE '\[(alert|crit|error|emerg)\]' "$NGINX_DIR/error.log") errors, the last:"
      grep -E '\[(alert|crit|error|emerg)\]' "$NGINX_DIR/error.log" | tail -n 3
    fi
    rm -rf "$NGINX_DIR"
  fi
  ./fundguard down > /dev/null || true
}

# The benchmark measures overhead, not refusals: one caller at 300 req/s is above the per-caller default.
export GATEWAY_ROUTES_REPORTS_API_LIMIT_PER_SECOND=1000000 GATEWAY_ROUTES_REPORTS_API_LIMIT_BURST=1000000
export GATEWAY_IP_LIMIT_PER_SECOND=1000000 GATEWAY_IP_LIMIT_BURST=1000000
trap cleanup EXIT
./fundguard up > /dev/null

[ -f bench/target/bench.classpath ] || ./mvnw -q -B -pl bench -am install -DskipTests
KC=$(prop url.keycloak)
TOKEN=$(curl -s -d grant_type=password -d client_id=fundguard-cli -d username=chuzhou-report-handler -d password=demo \
  "$KC/realms/fundguard/protocol/openid-connect/token" | sed 's/.*"access_token":"\([^"]*\)".*/\1/')
GW=$(prop url.gateway); SVC=$(prop url.reports)

# The reference peer: nginx in front of the same service, with keep-alive upstream connections like the gateway's and no
# auth at all (the service still verifies the token). One process (no master), no access log, everything in a temp dir.
NGINX_ARGS=(--nginx-skipped "nginx is not installed (on Debian: apt-get install -y nginx)")
# FUNDGUARD_BENCH_NGINX: the nginx binary to use, or "none" to skip the peer (default: nginx on PATH or /usr/sbin)
NGINX_BIN=${FUNDGUARD_BENCH_NGINX:-$(command -v nginx || true)}
[ -n "$NGINX_BIN" ] || { [ -x /usr/sbin/nginx ] && NGINX_BIN=/usr/sbin/nginx; } || true
if [ "$NGINX_BIN" = none ]; then
  echo "bench: FUNDGUARD_BENCH_NGINX=none, so the nginx peer is skipped"
  NGINX_ARGS=(--nginx-skipped "FUNDGUARD_BENCH_NGINX=none")
elif [ -z "$NGINX_BIN" ] || [ ! -x "$NGINX_BIN" ]; then
  echo "bench: nginx not found${NGINX_BIN:+ at $NGINX_BIN}, so the nginx peer is skipped (on Debian: apt-get install -y nginx)"
  NGINX_ARGS=(--nginx-skipped "nginx is not installed (on Debian: apt-get install -y nginx)")
else
  port_free() { ! (: < "/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
  NGINX_PORT=18480
  while ! port_free "$NGINX_PORT" && [ "$NGINX_PORT" -lt 18580 ]; do NGINX_PORT=$((NGINX_PORT + 1)); done
  SVC_HOSTPORT=${SVC#http://}
  SVC_HOSTPORT=${SVC_HOSTPORT/localhost/127.0.0.1}
  NGINX_DIR=$(mktemp -d "${TMPDIR:-/tmp}/fundguard-bench-nginx.XXXXXX")
  cat > "$NGINX_DIR/nginx.conf" <<CONF
daemon off;
master_process off;
worker_processes 1;
pid $NGINX_DIR/nginx.pid;
error_log $NGINX_DIR/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $NGINX_DIR/body;
  proxy_temp_path $NGINX_DIR/proxy;
  fastcgi_temp_path $NGINX_DIR/fastcgi;
  uwsgi_temp_path $NGINX_DIR/uwsgi;
  scgi_temp_path $NGINX_DIR/scgi;
  upstream service { server $SVC_HOSTPORT; keepalive 32; }
  server {
    listen 127.0.0.1:$NGINX_PORT;
    location / {
      proxy_pass http://service;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
    }
  }
}
CONF
  "$NGINX_BIN" -p "$NGINX_DIR" -c "$NGINX_DIR/nginx.conf" -e "$NGINX_DIR/error.log" &
  NGINX_PID=$!
  for _ in $(seq 1 50); do
    port_free "$NGINX_PORT" || break
    kill -0 "$NGINX_PID" 2>/dev/null || break
    sleep 0.1
  done
  if kill -0 "$NGINX_PID" 2>/dev/null && ! port_free "$NGINX_PORT"; then
    NGINX_ARGS=(--nginx "http://127.0.0.1:$NGINX_PORT/api/reports/v1/reports?size=1" --nginx-pid "$NGINX_PID")
  else
    echo "bench: nginx did not start, so the nginx peer is skipped: $(tail -n 3 "$NGINX_DIR/error.log" 2>/dev/null | tr '\n' ' ')"
    NGINX_ARGS=(--nginx-skipped "nginx did not start (see the message above)")
    NGINX_PID=""
  fi
fi

echo "machine: $(nproc) cores; gateway PID $(prop pid.gateway), reports-service PID $(prop pid.reports)${NGINX_PID:+, nginx PID $NGINX_PID}"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
java -cp "bench/target/classes:$(cat bench/target/bench.classpath)" org.fundguard.bench.GatewayOverhead \
  --direct "$SVC/api/reports/v1/reports?size=1" --gateway "$GW/api/reports/v1/reports?size=1" --token "$TOKEN" \
  --service-pid "$(prop pid.reports)" --gateway-pid "$(prop pid.gateway)" "${NGINX_ARGS[@]}" "$@"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
