#!/usr/bin/env bash
# Builds the benchmark sources (the `bench` Maven profile) and runs a class from them with the test classpath.
#   bench/run.sh                          all JMH benchmarks
#   bench/run.sh jmh EngineBenchmark -f 1 JMH with its own arguments (-h for help)
#   bench/run.sh soak [reloads]           heap after each of 200 reloads of the real rules
#   bench/run.sh ceiling [port]           a server that answers the advice route with bytes made at start (HTTP ceiling)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -Pbench -DskipTests test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
CP="target/test-classes:target/classes:$(cat target/bench.classpath)"
what="${1:-jmh}"; shift || true
case "$what" in
  jmh)  exec java -cp "$CP" org.openjdk.jmh.Main "$@" ;;
  soak) exec java -Xmx256m -cp "$CP" org.policyadvisor.bench.ReloadSoak "$@" ;;
  ceiling) exec java -XX:+UseParallelGC -Xmx192m -cp "$CP" org.policyadvisor.web.AnswerCeiling "$@" ;;
  *)    echo "usage: bench/run.sh [jmh [JMH args] | soak [reloads] | ceiling [port]]" >&2; exit 2 ;;
esac
