#!/usr/bin/env bash
# Consultation records over HTTP, on this machine, with the full profile:
#   - POST /api/v1/advice on a build without the records feature (JAR_BEFORE) and on this build (JAR), where the
#     feature is present (its database open) but unused: req/s, p50, p99 — does advice slow down?
#   - POST /api/v1/consultations on this build: saving (decide, store, answer) to the embedded H2 file and, when
#     DATABASE_URL is set, to PostgreSQL: req/s, p50, p99 beside plain advice.
# The servers run side by side on their own ports; each round runs wrk -t2 -c16 for SECONDS on each in turn, so a
# busy minute on the shared cores falls on every variant alike.
# Usage: JAR_BEFORE=/path/to/old.jar [DATABASE_URL=jdbc:postgresql://… DATABASE_USER=… DATABASE_PASSWORD=…]
#        bench/records.sh [ROUNDS] [SECONDS]        (env: JAR, JAVA_OPTS, RULES_DIR)
# Needs wrk and curl; build the jars first (mvn -q -DskipTests package).
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS="${1:-3}"; SECONDS_PER_RUN="${2:-10}"
JAR="${JAR:-target/policy-advisor.jar}"; RULES_DIR="${RULES_DIR:-rules}"
JAVA_OPTS="${JAVA_OPTS:--XX:+UseParallelGC -Xmx192m}"   # as deploy/kubernetes.yaml runs it
WORK="$(mktemp -d)"
PIDS=()
trap 'for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$WORK"' EXIT

serve() { # $1 name, $2 port, $3 jar, rest: env assignments; waits for /ready
  local name=$1 port=$2 jar=$3; shift 3
  # shellcheck disable=SC2086
  env "$@" DATA_DIR="$WORK/$name-data" java $JAVA_OPTS -jar "$jar" --port "$port" --rules-dir "$RULES_DIR" >"$WORK/$name.log" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 1 3000); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/ready" || true)" = 200 ] && return
    sleep 0.02
  done
  cat "$WORK/$name.log" >&2; echo "$name did not become ready" >&2; exit 1
}

run() { # $1 label, $2 port, $3 lua; prints "label rps p50_ms p99_ms non2xx"
  local out; out=$(wrk -t2 -c16 -d"${SECONDS_PER_RUN}s" --latency -s "$3" "http://127.0.0.1:$2/api/v1/advice")
  ms() { awk -v k="$1" '$1 == k {v=$2; if (v ~ /us$/) {sub(/us$/,"",v); v=v/1000} else if (v ~ /ms$/) {sub(/ms$/,"",v)} else if (v ~ /s$/) {sub(/s$/,"",v); v=v*1000}; print v}'; }
  echo "$1 $(awk '/^Requests\/sec:/ {print $2}' <<<"$out") $(ms 50% <<<"$out") $(ms 99% <<<"$out") $(awk '/Non-2xx/ {print $5}' <<<"$out" | grep . || echo 0)"
}

variants=()
if [ -n "${JAR_BEFORE:-}" ]; then serve before 18201 "$JAR_BEFORE"; variants+=("advice-without-records 18201 bench/post-advice.lua"); fi
serve after 18202 "$JAR" DATABASE_URL=
variants+=("advice-records-unused 18202 bench/post-advice.lua" "save-embedded-h2 18202 bench/post-consultation.lua")
if [ -n "${DATABASE_URL:-}" ]; then
  serve postgres 18203 "$JAR" DATABASE_URL="$DATABASE_URL" DATABASE_USER="${DATABASE_USER:-}" DATABASE_PASSWORD="${DATABASE_PASSWORD:-}"
  variants+=("save-postgresql 18203 bench/post-consultation.lua")
fi
echo "load before: $(uptime)"
echo "warm-up: ${SECONDS_PER_RUN}s on each"
for v in "${variants[@]}"; do read -r label port lua <<<"$v"; run "$label" "$port" "$lua" >/dev/null; done

results="$WORK/results"
for round in $(seq 1 "$ROUNDS"); do
  for v in "${variants[@]}"; do
    read -r label port lua <<<"$v"
    line=$(run "$label" "$port" "$lua"); echo "round $round: $line"; echo "$line" >>"$results"
  done
done
echo "load after: $(uptime)"
echo "summary over $ROUNDS rounds of ${SECONDS_PER_RUN}s (wrk -t2 -c16): min / median / max"
for v in "${variants[@]}"; do
  read -r label _ _ <<<"$v"
  for col in 2:req/s 3:p50_ms 4:p99_ms; do
    c=${col%%:*}; name=${col#*:}
    grep "^$label " "$results" | sort -g -k"$c","$c" | awk -v c="$c" -v l="$label $name" '{v[NR]=$c} END {m=(NR%2)?v[(NR+1)/2]:(v[NR/2]+v[NR/2+1])/2; printf "%-34s %10.2f %10.2f %10.2f\n", l, v[1], m, v[NR]}'
  done
done
