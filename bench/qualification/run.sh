#!/usr/bin/env bash
# Settlement look-up benchmark (not a test): qualification-service's GET /api/qualification/v1/lookup/{code} and the
# 100-code POST /api/qualification/v1/lookup, directly and through the gateway with the demo hospital system's
# client-credentials JWT, beside the HTTP floor (bench/qualification's minimal Quarkus app answering a constant, no
# auth), at a fixed open-model rate in one run, with the gateway benches' load generator (OpenModelLoad). Prints
# throughput, p50/p99, CPU per request, codes/s of the 100-code look-up and the issue's targets.
#   bench/qualification/run.sh [--quick] [--rate 300] [--batch-rate 1000] [--seconds 30] [--warmup-seconds 30] [--codes 10000]
#     --quick   10 s per path after 10 s of warm-up (the figures in bench/qualification/README.md)
# Starts the suite with ./fundguard up (it must not be running already), seeds --codes suspensions on
# fundguard.qualification as the outbox relay publishes them, and stops everything at the end.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../gateway/suite.sh"

ARGS=()
CODES=10000
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) ARGS+=(--seconds 10 --warmup-seconds 10) ;;
    --codes) CODES="$2"; shift ;;
    --rate|--batch-rate|--seconds|--warmup-seconds) ARGS+=("$1" "$2"); shift ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
  shift
done

# one caller at 1000 req/s is above the route's per-caller default
export GATEWAY_ROUTES_QUALIFICATION_API_LIMIT_PER_SECOND=1000000 GATEWAY_ROUTES_QUALIFICATION_API_LIMIT_BURST=1000000
bench_start_suite
./mvnw -q -B -pl bench,bench/qualification install -DskipTests
HERE="$ROOT/bench/qualification"
CP="$HERE/target/classes:$(cat "$HERE/target/bench.classpath")"

# the floor, with the dev stack's service heap; stopped before the suite
FLOOR_PORT=18090
while (: < "/dev/tcp/127.0.0.1/$FLOOR_PORT") 2>/dev/null && [ "$FLOOR_PORT" -lt 18190 ]; do FLOOR_PORT=$((FLOOR_PORT + 1)); done
FLOOR_PORT=$FLOOR_PORT java -Xms384m -Xmx384m -jar "$HERE/target/quarkus-app/quarkus-run.jar" > "$HERE/target/floor.log" 2>&1 &
FLOOR_PID=$!
trap 'kill "$FLOOR_PID" 2>/dev/null || true; wait "$FLOOR_PID" 2>/dev/null || true; bench_cleanup' EXIT
for i in $(seq 1 60); do
  curl -sf "http://127.0.0.1:$FLOOR_PORT/floor" > /dev/null && break
  [ "$i" -lt 60 ] || { echo "bench: the floor did not start: $(tail -n 5 "$HERE/target/floor.log")" >&2; exit 1; }
  sleep 1
done

java -cp "$CP" org.fundguard.bench.qualification.SeedSanctions --bootstrap "$(prop url.kafka)" --codes "$CODES"

KC=$(prop url.keycloak)
TOKEN=$(curl -s -d grant_type=client_credentials -d client_id=his-h34110200001 -d client_secret=dev-his-secret \
  "$KC/realms/fundguard/protocol/openid-connect/token" | sed 's/.*"access_token":"\([^"]*\)".*/\1/')
GW=$(prop url.gateway); SVC=$(prop url.qualification)
# the look-up is ready once it replayed the topic; the seeded suspension shows once the feed read it
for i in $(seq 1 90); do
  ANSWER=$(curl -s -H "Authorization: Bearer $TOKEN" "$GW/api/qualification/v1/lookup/D341190000000?date=2027-04-15" || true)
  case "$ANSWER" in *'"mayBill":false'*) break ;; esac
  [ "$i" -lt 90 ] || { echo "bench: the look-up does not show the seeded suspension after 90 s; the last: $ANSWER" >&2; exit 1; }
  sleep 1
done
echo "look-up: $ANSWER"

echo "machine: $(nproc) cores; gateway PID $(prop pid.gateway), qualification-service PID $(prop pid.qualification), floor PID $FLOOR_PID"
java -cp "$CP" org.fundguard.bench.qualification.LookupBench --direct "$SVC" --gateway "$GW" \
  --floor "http://127.0.0.1:$FLOOR_PORT/floor" --token "$TOKEN" --service-pid "$(prop pid.qualification)" \
  --gateway-pid "$(prop pid.gateway)" --floor-pid "$FLOOR_PID" "${ARGS[@]}"
