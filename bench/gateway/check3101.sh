#!/usr/bin/env bash
# 3101 pre-settlement check benchmark (not a test): the demo hospital system's 3101 check (check3101.json: one
# patient, one outpatient encounter, 10 orders of which 5 break the demo knowledge base, so each answer carries
# violations and stores them in check_result), POSTed through the gateway with its client-credentials JWT, beside the
# same request sent directly to monitoring-service and — when nginx is installed — through a minimal nginx reverse proxy
# without auth, at a fixed open-model rate, in one run. Prints p50/p99 latency, CPU per request and the target (issue:
# p99 <= 5 ms through the gateway with JWT at 300 req/s) with whether it was met.
#   [FUNDGUARD_BENCH_NGINX=/path/to/nginx|none] bench/gateway/check3101.sh [--rate 300] [--seconds 30] [--rounds 2] [--warmup-seconds 60]
# Starts the suite with ./fundguard up (it must not be running already; the demo knowledge base is imported at start)
# and stops it at the end, like run.sh.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/suite.sh"

# one caller at 300 req/s is above the route's per-caller default
export GATEWAY_ROUTES_MONITORING_API_LIMIT_PER_SECOND=1000000 GATEWAY_ROUTES_MONITORING_API_LIMIT_BURST=1000000
bench_start_suite

KC=$(prop url.keycloak)
# the demo hospital system: its token's institution claim (H34110200001) is the message's fixmedins_code
TOKEN=$(curl -s -d grant_type=client_credentials -d client_id=his-h34110200001 -d client_secret=dev-his-secret \
  "$KC/realms/fundguard/protocol/openid-connect/token" | sed 's/.*"access_token":"\([^"]*\)".*/\1/')
GW=$(prop url.gateway); SVC=$(prop url.monitoring)
CALL="/api/monitoring/v1/checks/3101"
BODY="$ROOT/bench/gateway/check3101.json"

# the demo knowledge base is imported just after start: wait until a check answers with violations, so that every
# measured request does the whole work (rules hit, violations stored)
for i in $(seq 1 60); do
  ANSWER=$(curl -s -w '\n%{http_code}' -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    --data-binary "@$BODY" "$GW$CALL" || true)
  HITS=$({ printf '%s' "$ANSWER" | grep -o '"jr_id"' || true; } | wc -l)
  [ "$(printf '%s' "$ANSWER" | tail -n 1)" = 200 ] && [ "$HITS" -gt 0 ] && break
  [ "$i" -lt 60 ] || { echo "bench: no 3101 answer with violations after 60 s; the last: $ANSWER" >&2; exit 1; }
  sleep 1
done
echo "3101 check: 200 with $HITS violations ($(printf '%s' "$ANSWER" | grep -o '"rule_id":"[^"]*"' | cut -d'"' -f4 | sort | tr '\n' ' '))"

bench_start_nginx "$SVC" "$CALL"
bench_run monitoring --direct "$SVC$CALL" --gateway "$GW$CALL" --token "$TOKEN" --body "$BODY" --target-p99 5 "$@"
