#!/usr/bin/env bash
# Measures the packaged service over HTTP on this machine:
#   - time from `java -jar` to the first 200 from /ready, over STARTS starts (default 5);
#   - wrk (2 threads, 16 connections) against GET /health and POST /api/v1/advice with the full profile,
#     alternating on the same server, ROUNDS times: req/s and p99 of each, and the ratio advice/health;
#   - resident memory (RSS) of the service after the load.
# Usage: bench/http.sh [ROUNDS] [SECONDS] [STARTS]   (env: PORT, JAVA_OPTS, RULES_DIR, JAR, CDS)
# CDS=1 first makes an application class-data archive from one run (target/app.jsa) and starts from it.
# Needs wrk and curl (apt-get install wrk curl); build the jar first (mvn -q -DskipTests package).
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS="${1:-5}"; SECONDS_PER_RUN="${2:-15}"; STARTS="${3:-5}"
PORT="${PORT:-18080}"; JAR="${JAR:-target/policy-advisor.jar}"; RULES_DIR="${RULES_DIR:-rules}"
JAVA_OPTS="${JAVA_OPTS:--XX:+UseParallelGC -Xmx192m}"   # as deploy/kubernetes.yaml runs it
BASE="http://127.0.0.1:$PORT"
LOG="$(mktemp)"

start_server() { # starts the service in the background (PID), prints ms from `java -jar` to the first 200 from /ready
  local start; start=$(date +%s%N)
  # shellcheck disable=SC2086
  java $JAVA_OPTS -jar "$JAR" --port "$PORT" --rules-dir "$RULES_DIR" >"$LOG" 2>&1 &
  PID=$!
  for _ in $(seq 1 1500); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/ready" || true)" = 200 ] && break
    kill -0 $PID 2>/dev/null || { cat "$LOG" >&2; echo "the service died" >&2; exit 1; }
    sleep 0.02
  done
  echo $(( ($(date +%s%N) - start) / 1000000 ))
}
stop_server() { kill $PID 2>/dev/null || true; wait $PID 2>/dev/null || true; }
trap 'stop_server; rm -f "$LOG"' EXIT

if [ "${CDS:-0}" = 1 ]; then
  rm -f target/app.jsa
  JAVA_OPTS="$JAVA_OPTS -XX:ArchiveClassesAtExit=target/app.jsa" start_server >/dev/null
  for _ in 1 2 3; do
    curl -s -o /dev/null -H 'Content-Type: application/json' --data-binary @bench/full-profile.json "$BASE/api/v1/advice"
    curl -s -o /dev/null "$BASE/health"
  done
  stop_server
  JAVA_OPTS="$JAVA_OPTS -XX:SharedArchiveFile=target/app.jsa"
  echo "class-data archive: target/app.jsa ($(du -m target/app.jsa | cut -f1) MiB)"
fi

starts=()
for _ in $(seq 1 "$STARTS"); do
  start_server >"$LOG.ms"; starts+=("$(cat "$LOG.ms")")
  [ ${#starts[@]} -lt "$STARTS" ] && stop_server
done
rm -f "$LOG.ms"
echo "startup: java -jar -> /ready 200 in ms: ${starts[*]}"
printf '%s\n' "${starts[@]}" | sort -n | awk '{v[NR]=$1} END {m=(NR%2)?v[(NR+1)/2]:(v[NR/2]+v[NR/2+1])/2; printf "startup ms          min %10d  median %10d  max %10d\n", v[1], m, v[NR]}'

status=$(curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' --data-binary @bench/full-profile.json "$BASE/api/v1/advice")
[ "$status" = 200 ] || { echo "POST /api/v1/advice answered $status" >&2; exit 1; }
echo "advice answer: $(curl -s -H 'Content-Type: application/json' --data-binary @bench/full-profile.json "$BASE/api/v1/advice" | wc -c) bytes"

run() { # $1 = name, rest = wrk args; prints "name rps p99_ms non2xx"
  local name=$1; shift
  local out; out=$(wrk -t2 -c16 -d"${SECONDS_PER_RUN}s" --latency "$@")
  local rps p99 bad
  rps=$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {v=$2; if (v ~ /us$/) {sub(/us$/,"",v); v=v/1000} else if (v ~ /ms$/) {sub(/ms$/,"",v)} else if (v ~ /s$/) {sub(/s$/,"",v); v=v*1000}; print v}' <<<"$out")
  bad=$(awk '/Non-2xx/ {print $5}' <<<"$out")
  echo "$name $rps $p99 ${bad:-0}"
}

echo "warm-up: ${SECONDS_PER_RUN}s on each endpoint"
run health "$BASE/health" >/dev/null
run advice -s bench/post-advice.lua "$BASE/api/v1/advice" >/dev/null

results="$(mktemp)"
for round in $(seq 1 "$ROUNDS"); do
  h=$(run health "$BASE/health"); a=$(run advice -s bench/post-advice.lua "$BASE/api/v1/advice")
  read -r _ hr hp hb <<<"$h"; read -r _ ar ap ab <<<"$a"
  ratio=$(awk -v a="$ar" -v h="$hr" 'BEGIN {printf "%.3f", a / h}')
  echo "round $round: health ${hr} req/s p99 ${hp} ms | advice ${ar} req/s p99 ${ap} ms | ratio ${ratio}  (non-2xx: $hb/$ab)"
  echo "$hr $hp $ar $ap $ratio" >>"$results"
done
summary() { # column, label
  sort -g -k"$1","$1" "$results" | awk -v c="$1" -v l="$2" '{v[NR]=$c} END {m=(NR%2)?v[(NR+1)/2]:(v[NR/2]+v[NR/2+1])/2; printf "%-18s min %10.3f  median %10.3f  max %10.3f\n", l, v[1], m, v[NR]}'
}
echo "summary over $ROUNDS rounds of ${SECONDS_PER_RUN}s (wrk -t2 -c16):"
summary 1 "health req/s"; summary 2 "health p99 ms"; summary 3 "advice req/s"; summary 4 "advice p99 ms"; summary 5 "ratio advice/health"
rm -f "$results"
echo "rss after load: $(awk '/VmRSS/ {printf "%.0f MiB", $2/1024}' /proc/$PID/status)"
