# Shared by the gateway benchmarks (sourced, not run): refuses to start when the suite is already up, starts it with
# ./fundguard up (the caller exports the gateway limits to raise first), optionally starts the nginx peer in front of a
# service, runs the load generator (GatewayOverhead) with the load average printed before and after, and stops
# everything at the end.
# Usage, after `source`: bench_start_suite; bench_start_nginx SERVICE_URL PATH; bench_run ARGS... (see run.sh).
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
bench_cleanup() {
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

# The benchmarks measure overhead, not refusals: one load generator is one caller from one IP, above the defaults.
export GATEWAY_IP_LIMIT_PER_SECOND=1000000 GATEWAY_IP_LIMIT_BURST=1000000

bench_start_suite() {
  trap bench_cleanup EXIT
  ./fundguard up > /dev/null
  [ -f bench/target/bench.classpath ] || ./mvnw -q -B -pl bench -am install -DskipTests
}

# bench_start_nginx SERVICE_URL PATH: the reference peer, nginx in front of the service, with keep-alive upstream
# connections like the gateway's and no auth at all (the service still verifies the token). One process (no master), no
# access log, everything in a temp dir. Sets NGINX_ARGS for bench_run (the nginx URL of PATH, or why it was skipped).
bench_start_nginx() {
  local svc=$1 path=$2
  NGINX_ARGS=(--nginx-skipped "nginx is not installed (on Debian: apt-get install -y nginx)")
  # FUNDGUARD_BENCH_NGINX: the nginx binary to use, or "none" to skip the peer (default: nginx on PATH or /usr/sbin)
  local bin=${FUNDGUARD_BENCH_NGINX:-$(command -v nginx || true)}
  [ -n "$bin" ] || { [ -x /usr/sbin/nginx ] && bin=/usr/sbin/nginx; } || true
  if [ "$bin" = none ]; then
    echo "bench: FUNDGUARD_BENCH_NGINX=none, so the nginx peer is skipped"
    NGINX_ARGS=(--nginx-skipped "FUNDGUARD_BENCH_NGINX=none")
    return 0
  fi
  if [ -z "$bin" ] || [ ! -x "$bin" ]; then
    echo "bench: nginx not found${bin:+ at $bin}, so the nginx peer is skipped (on Debian: apt-get install -y nginx)"
    return 0
  fi
  port_free() { ! (: < "/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
  local port=18480
  while ! port_free "$port" && [ "$port" -lt 18580 ]; do port=$((port + 1)); done
  local hostport=${svc#http://}
  hostport=${hostport/localhost/127.0.0.1}
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
  upstream service { server $hostport; keepalive 32; }
  server {
    listen 127.0.0.1:$port;
    location / {
      proxy_pass http://service;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
    }
  }
}
CONF
  "$bin" -p "$NGINX_DIR" -c "$NGINX_DIR/nginx.conf" -e "$NGINX_DIR/error.log" &
  NGINX_PID=$!
  for _ in $(seq 1 50); do
    port_free "$port" || break
    kill -0 "$NGINX_PID" 2>/dev/null || break
    sleep 0.1
  done
  if kill -0 "$NGINX_PID" 2>/dev/null && ! port_free "$port"; then
    NGINX_ARGS=(--nginx "http://127.0.0.1:$port$path" --nginx-pid "$NGINX_PID")
  else
    echo "bench: nginx did not start, so the nginx peer is skipped: $(tail -n 3 "$NGINX_DIR/error.log" 2>/dev/null | tr '\n' ' ')"
    NGINX_ARGS=(--nginx-skipped "nginx did not start (see the message above)")
    NGINX_PID=""
  fi
}

# bench_run SERVICE_NAME ARGS...: GatewayOverhead against the gateway and the named service (its pid.<name> in the state
# file), with nginx when bench_start_nginx started it; ARGS are the call's URLs, token, body and the user's options.
bench_run() {
  local name=$1
  shift
  echo "machine: $(nproc) cores; gateway PID $(prop pid.gateway), $name-service PID $(prop "pid.$name")${NGINX_PID:+, nginx PID $NGINX_PID}"
  echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  java -cp "bench/target/classes:$(cat bench/target/bench.classpath)" org.fundguard.bench.GatewayOverhead \
    --service-pid "$(prop "pid.$name")" --gateway-pid "$(prop pid.gateway)" "${NGINX_ARGS[@]}" "$@"
  echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
}
