#!/usr/bin/env bash
# Gateway overhead benchmark (not a test): the same authenticated call to reports-service, directly and through the
# gateway with JWT verification, at a fixed open-model rate, in one run. Prints p50/p99 latency and CPU per request.
#   bench/gateway/run.sh [--rate 300] [--seconds 30] [--rounds 2] [--warmup-seconds 60]
# Starts the suite with ./fundguard up (it must not be running already) and stops it at the end.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
STATE="$ROOT/.fundguard/run/suite.properties"
prop() { sed -n "s/^$1=//p" "$STATE" | tail -n 1 | sed 's/\\:/:/g'; }

if [ -f "$STATE" ] && kill -0 "$(prop supervisor.pid)" 2>/dev/null; then
  echo "bench: the suite is running; stop it first (./fundguard down) so the benchmark starts it with its own limits" >&2
  exit 1
fi

# The benchmark measures overhead, not refusals: one caller at 300 req/s is above the per-caller default.
export GATEWAY_ROUTES_REPORTS_API_LIMIT_PER_SECOND=1000000 GATEWAY_ROUTES_REPORTS_API_LIMIT_BURST=1000000
export GATEWAY_IP_LIMIT_PER_SECOND=1000000 GATEWAY_IP_LIMIT_BURST=1000000
./fundguard up > /dev/null
trap './fundguard down > /dev/null' EXIT

[ -f bench/target/bench.classpath ] || ./mvnw -q -B -pl bench -am install -DskipTests
KC=$(prop url.keycloak)
TOKEN=$(curl -s -d grant_type=password -d client_id=fundguard-cli -d username=chuzhou-report-handler -d password=demo \
  "$KC/realms/fundguard/protocol/openid-connect/token" | sed 's/.*"access_token":"\([^"]*\)".*/\1/')
GW=$(prop url.gateway); SVC=$(prop url.reports)
echo "machine: $(nproc) cores; gateway PID $(prop pid.gateway), reports-service PID $(prop pid.reports)"
java -cp "bench/target/classes:$(cat bench/target/bench.classpath)" org.fundguard.bench.GatewayOverhead \
  --direct "$SVC/api/reports/v1/reports?size=1" --gateway "$GW/api/reports/v1/reports?size=1" --token "$TOKEN" \
  --service-pid "$(prop pid.reports)" --gateway-pid "$(prop pid.gateway)" "$@"
