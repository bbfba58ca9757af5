#!/usr/bin/env bash
# Builds and runs the monitoring benchmarks, then prints one table: benchmark | FundGuard | peer | ratio | target | met?
#   bench/monitoring/run.sh [--quick] [--lines N] [--only perline|crossclaim|endtoend]
#     --quick       shorter JMH warm-up/measurement (2×3 s + 3×3 s), 3 cross-claim and end-to-end rounds instead of 5
#     --lines N     fee lines of the cross-claim and end-to-end runs (default 2,000,000)
#     --only X      run just one of the three benchmarks
# Results: bench/monitoring/target/results/ (JMH JSON, cross-claim and end-to-end logs and properties, the table).
# The end-to-end data is generated once into bench/monitoring/target/endtoend-data/ and reused while it is there.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
quick=0; lines=2000000; only=""
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) quick=1 ;;
    --lines) lines="$2"; shift ;;
    --only) only="$2"; shift ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
  shift
done
case "$only" in
  ""|perline|crossclaim|endtoend) ;;
  *) echo "--only takes perline, crossclaim or endtoend: $only" >&2; exit 2 ;;
esac

cd "$root"
./mvnw -q -pl services/monitoring-service install -DskipTests
./mvnw -q -f bench/monitoring/pom.xml package -DskipTests
cp="$here/target/classes:$(cat "$here/target/bench.classpath")"
out="$here/target/results"
mkdir -p "$out"

load_before="$(uptime)"
if [ -z "$only" ] || [ "$only" = "perline" ]; then
  rm -f "$out/perline.json"
  jmh=()
  if [ "$quick" = 1 ]; then jmh=(-wi 2 -w 3s -i 3 -r 3s); fi
  java -cp "$cp" org.openjdk.jmh.Main PerLineRulesBenchmark "${jmh[@]}" -rf json -rff "$out/perline.json" \
    2>&1 | grep --line-buffered -v '^SLF4J' | tee "$out/perline.log"
fi
if [ -z "$only" ] || [ "$only" = "crossclaim" ]; then
  rm -f "$out/crossclaim.properties"
  rounds=5; if [ "$quick" = 1 ]; then rounds=3; fi
  java -Xms8g -Xmx8g -XX:+UseParallelGC -cp "$cp" org.fundguard.bench.monitoring.CrossClaimBenchmark \
    --lines "$lines" --rounds "$rounds" --out "$out/crossclaim.properties" 2>&1 | grep --line-buffered -v '^SLF4J' | tee "$out/crossclaim.log"
fi
if [ -z "$only" ] || [ "$only" = "endtoend" ]; then
  rm -f "$out/endtoend.properties"
  rounds=5; if [ "$quick" = 1 ]; then rounds=3; fi
  echo "end to end: load before $(uptime | sed 's/.*load average: //')"
  java -Xms6g -Xmx6g -XX:+UseParallelGC -cp "$cp" org.fundguard.bench.monitoring.EndToEndBenchmark \
    --lines "$lines" --rounds "$rounds" --data "$here/target/endtoend-data" --out "$out/endtoend.properties" 2>&1 \
    | grep --line-buffered -v '^SLF4J' | tee "$out/endtoend.log"
  echo "end to end: load after $(uptime | sed 's/.*load average: //')"
fi
load_after="$(uptime)"
echo
java -cp "$cp" org.fundguard.bench.monitoring.Report "$out/perline.json" "$out/crossclaim.properties" \
  "$out/endtoend.properties" \
  "before: ${load_before#*load average: } | after: ${load_after#*load average: } | $(nproc) cores" | tee "$out/table.txt"
