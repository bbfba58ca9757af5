#!/usr/bin/env bash
# The credit evaluation benchmark, from a fresh clone: builds what it needs, starts an embedded PostgreSQL 17 once,
# generates the same data for both sides, and prints both times and whether the results are equal.
#   bench/qualification-credit/run.sh [--institutions 10000] [--rounds 5] [--seed 42]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$root"
./mvnw -q -pl bench/qualification-credit -am install -DskipTests
cp="$here/target/classes:$(cat "$here/target/bench.classpath")"
echo "load before: $(uptime | sed 's/.*load average: //') ($(nproc) cores)"
java -Xms2g -Xmx2g -cp "$cp" org.fundguard.bench.credit.CreditEvaluationBenchmark "$@" 2>&1 | grep --line-buffered -v '^SLF4J'
echo "load after: $(uptime | sed 's/.*load average: //')"
