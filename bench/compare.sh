#!/usr/bin/env bash
# Measures an earlier commit and this work tree back to back, alternately, so that both meet the same machine:
#   bench/compare.sh REF [ROUNDS]     e.g. bench/compare.sh 9e3a1e5 2
# For each round: EngineBenchmark (decide, advise, hand-written; with bytes allocated per call, which the machine's
# load does not change), then ReloadBenchmark, then bench/http.sh 3 10 5 (start-up, req/s, RSS), REF first.
# REF is checked out and built under target/compare/REF. Run it on a quiet machine: the figures of other sittings
# do not compare, only the two columns of one run do.
set -euo pipefail
cd "$(dirname "$0")/.."
REF="${1:?usage: bench/compare.sh REF [ROUNDS]}"; ROUNDS="${2:-2}"
HERE="$PWD"; THERE="$HERE/target/compare/$REF"

build() { # dir: the jar and the benchmark classes
  (cd "$1" && mvn -q -DskipTests package && mvn -q -Pbench -DskipTests test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath)
}
[ -d "$THERE" ] || git worktree add --detach "$THERE" "$REF" >/dev/null
build "$THERE"; build "$HERE"

jmh() { # dir, JMH arguments
  local dir=$1; shift
  (cd "$dir" && java -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" org.openjdk.jmh.Main "$@" 2>&1) |
    grep -E '^[A-Za-z]+Benchmark\.[A-Za-z]+(:gc\.alloc\.rate\.norm)? '
}
label() { [ "$1" = "$HERE" ] && echo "work tree" || echo "$REF"; }

for round in $(seq 1 "$ROUNDS"); do
  for dir in "$THERE" "$HERE"; do
    echo "== round $round, $(label "$dir"), load $(cut -d' ' -f1 /proc/loadavg)"
    jmh "$dir" EngineBenchmark -f 1 -wi 5 -w 3 -i 5 -r 3 -prof gc
    jmh "$dir" ReloadBenchmark
    DATA_DIR="$(mktemp -d)" PORT=18090 JAR="$dir/target/policy-advisor.jar" RULES_DIR="$dir/rules" bench/http.sh 3 10 5 2>&1 |
      grep -E "^(startup ms|health|advice|ratio|rss)"
  done
done
