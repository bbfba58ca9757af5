#!/usr/bin/env bash
# Builds and runs the monitoring benchmarks, then prints one table: benchmark | FundGuard | peer | ratio | target | met?
#   bench/monitoring/run.sh [--quick] [--lines N] [--only perline|crossclaim]
#     --quick       shorter JMH warm-up/measurement (2×3 s + 3×3 s) and 3 cross-claim rounds instead of 5
#     --lines N     fee lines of the cross-claim run (default 2,000,000)
#     --only X      run just one of the two benchmarks
# Results: bench/monitoring/target/results/ (JMH JSON, cross-claim log and properties, the table).
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

cd "$root"
./mvnw -q -pl services/monitoring-service install -DskipTests
./mvnw -q -f bench/monitoring/pom.xml package -DskipTests
cp="$here/target/classes:$(cat "$here/target/bench.classpath")"
out="$here/target/results"
mkdir -p "$out"

load_before="$(uptime)"
if [ "$only" != "crossclaim" ]; then
  rm -f "$out/perline.json"
  jmh=()
  if [ "$quick" = 1 ]; then jmh=(-wi 2 -w 3s -i 3 -r 3s); fi
  java -cp "$cp" org.openjdk.jmh.Main PerLineRulesBenchmark "${jmh[@]}" -rf json -rff "$out/perline.json" \
    2>&1 | grep --line-buffered -v '^SLF4J' | tee "$out/perline.log"
fi
if [ "$only" != "perline" ]; then
  rm -f "$out/crossclaim.properties"
  rounds=5; if [ "$quick" = 1 ]; then rounds=3; fi
  java -Xms8g -Xmx8g -XX:+UseParallelGC -cp "$cp" org.fundguard.bench.monitoring.CrossClaimBenchmark \
    --lines "$lines" --rounds "$rounds" --out "$out/crossclaim.properties" 2>&1 | grep --line-buffered -v '^SLF4J' | tee "$out/crossclaim.log"
fi
load_after="$(uptime)"
echo
java -cp "$cp" org.fundguard.bench.monitoring.Report "$out/perline.json" "$out/crossclaim.properties" \
  "before: ${load_before#*load average: } | after: ${load_after#*load average: } | $(nproc) cores" | tee "$out/table.txt"
