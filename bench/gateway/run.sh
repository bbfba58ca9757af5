#!/usr/bin/env bash
# Gateway overhead benchmark (not a test): the same authenticated call to reports-service, directly, through the
# gateway with JWT verification and — when nginx is installed — through a minimal nginx reverse proxy without auth
# (what any proxy hop costs on this machine), at a fixed open-model rate, in one run. Prints p50/p99 latency and CPU
# per request.
#   [FUNDGUARD_BENCH_NGINX=/path/to/nginx|none] bench/gateway/run.sh [--rate 300] [--seconds 30] [--rounds 2] [--warmup-seconds 60]
# Starts the suite with ./fundguard up (it must not be running already) and stops it at the end; nginx runs from a
# temporary configuration and is stopped at the end too. The 3101 check through the gateway: check3101.sh beside it.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/suite.sh"

# one caller at 300 req/s is above the route's per-caller default
export GATEWAY_ROUTES_REPORTS_API_LIMIT_PER_SECOND=1000000 GATEWAY_ROUTES_REPORTS_API_LIMIT_BURST=1000000
bench_start_suite

KC=$(prop url.keycloak)
TOKEN=$(curl -s -d grant_type=password -d client_id=fundguard-cli -d username=chuzhou-report-handler -d password=demo \
  "$KC/realms/fundguard/protocol/openid-connect/token" | sed 's/.*"access_token":"\([^"]*\)".*/\1/')
GW=$(prop url.gateway); SVC=$(prop url.reports)
CALL="/api/reports/v1/reports?size=1"

bench_start_nginx "$SVC" "$CALL"
bench_run reports --direct "$SVC$CALL" --gateway "$GW$CALL" --token "$TOKEN" --target-added-p99 1 "$@"
