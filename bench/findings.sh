#!/usr/bin/env bash
# Sends each finding of issue 12 (production hardening) to a built checkout and prints what happened, one line per
# finding: "id<TAB>observation". Run it on the checkout before the hardening and on this one, and compare
# (docs/hardening-findings.md has both columns).
#   bench/findings.sh [TREE]     TREE: a checkout with target/policy-advisor.jar built (default: this one)
# Starts the jar itself (random free ports, a temporary DATA_DIR), several times; about 1-2 minutes.
# Needs java, curl and python3 (python3 only for what curl cannot send: broken bodies, half-closed sockets, a trickle).
# kubectl: the client is used if installed (no cluster is needed); to lay a ConfigMap out as a volume, a stand-in lists
# the keys `kubectl create configmap --from-file` makes (a folder: one key per file name in it; key=path: that key).
set -uo pipefail
TREE="$(cd "${1:-$(dirname "$0")/..}" && pwd)"
JAR="$TREE/target/policy-advisor.jar"
[ -f "$JAR" ] || { echo "findings: no $JAR (mvn -q -DskipTests package in $TREE)" >&2; exit 1; }
WORK="$(mktemp -d)"
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill -9 "$p" 2>/dev/null; done; rm -rf "$WORK"; }
trap cleanup EXIT

say() { printf '%s\t%s\n' "$1" "$2"; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
code() { curl -s -o /dev/null -w '%{http_code}' --max-time 15 "$@"; }
ctype() { curl -s -o /dev/null -w '%{content_type}' --max-time 15 "$@"; }

# start NAME PORT [env assignments...]: the jar in the background, waits for /ready (at most 60 s); LOG_NAME is its output.
start() {
  local name="$1" port="$2"; shift 2
  env DATA_DIR="$WORK/data-$name" RULES_DIR="$TREE/rules" "$@" java -Xmx256m -jar "$JAR" --port "$port" >"$WORK/$name.log" 2>&1 &
  PIDS+=($!); eval "PID_$name=$!"
  for _ in $(seq 1 600); do
    [ "$(code "http://127.0.0.1:$port/ready")" = 200 ] && return 0
    kill -0 "$(eval echo \$PID_"$name")" 2>/dev/null || return 1
    sleep 0.1
  done
  return 1
}
stop() { local pid; pid="$(eval echo \$PID_"$1")"; kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; }
traces() { grep -c $'^\tat ' "$WORK/$1.log"; }
errors() { grep -c ' ERROR \|"level":"ERROR"' "$WORK/$1.log"; }

# raw PORT HALF_CLOSE REQUEST: the bytes as given (Python escapes), optionally closing our sending side after them;
# prints "status content-type" of the answer ("none" when the server closed without one).
raw() {
  python3 - "$@" <<'PY'
import socket, sys
port, half, data = int(sys.argv[1]), sys.argv[2] == "1", sys.argv[3].encode().decode("unicode_escape").encode("latin-1")
s = socket.create_connection(("127.0.0.1", port)); s.settimeout(15)
s.sendall(data)
if half: s.shutdown(socket.SHUT_WR)
buf = b""
try:
    while b"\r\n\r\n" not in buf:
        chunk = s.recv(65536)
        if not chunk: break
        buf += chunk
except Exception as e:
    print("none (" + type(e).__name__ + ")"); sys.exit()
if b"\r\n\r\n" not in buf: print("none"); sys.exit()
head = buf.split(b"\r\n\r\n")[0].decode("latin-1").split("\r\n")
ct = next((l.split(":", 1)[1].strip() for l in head[1:] if l.lower().startswith("content-type:")), "-")
print(head[0].split(" ")[1], ct)
PY
}

P=$(free_port); M=$(free_port); B="http://127.0.0.1:$P"
start main "$P" MANAGEMENT_PORT="$M" CORS_ORIGINS=https://partner.example ADVISOR_ADMIN_TOKEN=probe-token \
  || { cat "$WORK/main.log" >&2; echo "findings: the service did not start" >&2; exit 1; }
PROFILE='{"age":30,"residency":"HK","applicantType":"PERSON"}'

say log-format "first line: $(head -c 60 "$WORK/main.log" | head -1)"
say listen-address "start-up log names localhost: $(grep -c 'localhost' "$WORK/main.log") lines; 0.0.0.0: $(grep -c '0\.0\.0\.0' "$WORK/main.log") lines"

before=$(traces main)
say accept-semicolon "GET /api/v1/programs -> $(code -H 'Accept: ;' "$B/api/v1/programs") $(ctype -H 'Accept: ;' "$B/api/v1/programs"); POST /api/v1/advice -> $(code -H 'Accept: ;' -H 'Content-Type: application/json' --data-binary "$PROFILE" "$B/api/v1/advice"); stack-trace lines logged: $(( $(traces main) - before ))"

before=$(traces main); e0=$(errors main)
say short-body "Content-Length 100, 9 bytes, then half-close -> $(raw "$P" 1 'POST /api/v1/advice HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"age": 3'); ERROR lines: $(( $(errors main) - e0 )), stack-trace lines: $(( $(traces main) - before ))"
say bad-chunk "chunk size ZZ -> $(raw "$P" 1 'POST /api/v1/advice HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nZZ\r\n{"age":30}\r\n0\r\n\r\n')"
e0=$(errors main); before=$(traces main)
python3 - "$P" <<'PY'
import socket, sys, time
s = socket.create_connection(("127.0.0.1", int(sys.argv[1])))
s.sendall(b"POST /api/v1/advice HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"age\"")
s.close(); time.sleep(1)
PY
say early-close "partial body then close: ERROR lines $(( $(errors main) - e0 )), stack-trace lines $(( $(traces main) - before ))"
say jetty-431 "20 KB header -> $(raw "$P" 0 "GET /health HTTP/1.1\r\nHost: t\r\nX-Big: $(head -c 20000 /dev/zero | tr '\0' a)\r\nConnection: close\r\n\r\n")"
say jetty-400 "not HTTP -> $(raw "$P" 0 'NOT HTTP AT ALL\r\n\r\n')"

# 16 clients send headers and '{', then one byte every 3 s; /health is timed all along; then each client's answer.
say slow-clients "$(python3 - "$P" <<'PY'
import socket, sys, time, urllib.request
port = int(sys.argv[1]); socks = []
for i in range(16):
    s = socket.create_connection(("127.0.0.1", port)); s.settimeout(10)
    s.sendall(b"POST /api/v1/advice HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{")
    socks.append(s)
worst = 0.0; t0 = time.time(); trickled = 0
while time.time() - t0 < 9:
    a = time.time()
    try: urllib.request.urlopen("http://127.0.0.1:%d/health" % port, timeout=60).read()
    except Exception: pass
    worst = max(worst, time.time() - a)
    if time.time() - t0 > 3 * (trickled + 1):
        trickled += 1
        for s in socks:
            try: s.sendall(b" ")
            except Exception: pass
    time.sleep(0.2)
answers = {}
for s in socks:
    s.settimeout(1)
    try:
        buf = b""
        while b"\r\n\r\n" not in buf:
            c = s.recv(4096)
            if not c: break
            buf += c
        head = buf.split(b"\r\n\r\n")[0].decode("latin-1").split("\r\n") if b"\r\n\r\n" in buf else None
        k = "none" if head is None else head[0].split(" ")[1] + " " + next((l.split(":", 1)[1].strip() for l in head if l.lower().startswith("content-type:")), "-")
    except socket.timeout: k = "still waiting"
    except Exception as e: k = type(e).__name__
    answers[k] = answers.get(k, 0) + 1
print("slowest /health %d ms; the 16 clients got: %s" % (worst * 1000, ", ".join("%s x%d" % kv for kv in sorted(answers.items()))))
PY
)"

metrics_url="http://127.0.0.1:$M/metrics"; [ "$(code "$metrics_url")" = 200 ] || metrics_url="$B/metrics"
series() { curl -s "$metrics_url" | grep -c '^http_server_requests_seconds_count'; }
s0=$(series); for i in $(seq 1 300); do curl -s -o /dev/null -X "M$i" "$B/health"; done
say made-up-methods "300 made-up methods: http_server_requests series $s0 -> $(series), /metrics $(curl -s "$metrics_url" | wc -c) bytes"
say metrics-on-public-port "MANAGEMENT_PORT set: GET $B/metrics -> $(code "$B/metrics"); /api/v1/rules -> $(code "$B/api/v1/rules")"

say trailing-json "$(for b in '{"age":30}{"age":31}' '{"age":30} x'; do printf '%s -> %s; ' "$b" "$(code -H 'Content-Type: application/json' --data-binary "$b" "$B/api/v1/advice")"; done)"
say jsonx "Content-Type application/jsonx -> $(code -H 'Content-Type: application/jsonx' --data-binary '{}' "$B/api/v1/advice")"
say asof-far "asOf +999999999-12-31 -> $(code -H 'Content-Type: application/json' --data-binary '{"asOf":"+999999999-12-31"}' "$B/api/v1/advice")"
CLAIM='{"asOf":"2026-11-27","mentor":{"residency":"HK","mainlandWorkExperience":true},"mentees":[{"id":"m1","startDate":"2026-01-10","employedAtStart":true}],"items":[{"mentee":"m1","type":"CAREER_GUIDANCE","date":"2026-02-01","quantity":2000000000}]}'
say claim-quantity "quantity 2000000000 -> $(code -H 'Content-Type: application/json' --data-binary "$CLAIM" "$B/api/v1/mentor-subsidy")"
allow=$(curl -s -o /dev/null -D - "$B/api/v1/advice" | tr -d '\r' | grep -i '^allow:' | cut -d' ' -f2-)
say wrong-method "GET /api/v1/advice -> $(code "$B/api/v1/advice"), Allow: ${allow:-none}"
acao=$(curl -s -o /dev/null -D - -X OPTIONS "$B/api/v1/advice" -H 'Origin: https://partner.example' -H 'Access-Control-Request-Method: POST' \
  -H 'Access-Control-Request-Headers: content-type' | tr -d '\r' | grep -i '^access-control-allow-origin:' | cut -d' ' -f2-)
say cors-preflight "CORS_ORIGINS=https://partner.example, OPTIONS preflight -> $(code -X OPTIONS "$B/api/v1/advice" -H 'Origin: https://partner.example' -H 'Access-Control-Request-Method: POST'), Access-Control-Allow-Origin: ${acao:-none}"
say openapi "GET /api/v1/openapi.json -> $(code "$B/api/v1/openapi.json")"
rid=$(curl -s -D - -o "$WORK/rid.json" "$B/api/v1/nothing" -H 'X-Request-Id: probe-42' | tr -d '\r' | grep -i '^x-request-id:' | cut -d' ' -f2-)
say request-id "X-Request-Id: probe-42 -> response header ${rid:-none}, in the problem body: $(grep -c 'probe-42' "$WORK/rid.json")"
l0=$(wc -l <"$WORK/main.log"); admin_port=$M; [ "$(code "http://127.0.0.1:$M/health")" = 200 ] || admin_port=$P
st=$(code -X POST -H 'Authorization: Bearer wrong' "http://127.0.0.1:$admin_port/api/v1/rules/reload"); sleep 0.5
say refused-admin-call "POST /api/v1/rules/reload with a wrong token -> $st; log lines written: $(( $(wc -l <"$WORK/main.log") - l0 ))"
VERSION_GIT=$(curl -s "$B/ready" | python3 -c 'import json,sys; print(json.load(sys.stdin).get("rulesetVersion"))')

# A second process on the same port.
t0=$(date +%s%N); env DATA_DIR="$WORK/data-busy" RULES_DIR="$TREE/rules" timeout 60 java -jar "$JAR" --port "$P" >"$WORK/busy.log" 2>&1; rc=$?
say busy-port "exit $rc after $(( ($(date +%s%N) - t0) / 1000000 )) ms, $(wc -l <"$WORK/busy.log") lines, $(grep -c $'^\tat ' "$WORK/busy.log") stack-trace lines"

# SIGTERM under load: 16 clients post advice in a loop; curl exit 52/56 (empty reply, reset) = an in-flight request
# lost; 7 (cannot connect) = a new request after the server stopped accepting, which is what should happen.
for w in $(seq 1 16); do
  ( while :; do curl -s -o /dev/null -w '%{http_code}' --max-time 30 -H 'Content-Type: application/json' --data-binary "$PROFILE" "$B/api/v1/advice" >/dev/null; rc=$?
      echo "$rc" >>"$WORK/load.$w"; [ "$rc" = 7 ] && break; done ) &
done
sleep 2; t0=$(date +%s%N); kill -TERM "$PID_main"
ready_after=$(code "$B/ready")
wait "$PID_main" 2>/dev/null; exit_ms=$(( ($(date +%s%N) - t0) / 1000000 ))
wait
ok=$(cat "$WORK"/load.* | grep -c '^0$'); lost=$(cat "$WORK"/load.* | grep -c '^5[26]$'); refused=$(cat "$WORK"/load.* | grep -c '^7$')
say sigterm "under load: /ready right after SIGTERM -> $ready_after; exit after $exit_ms ms; requests completed $ok, in flight lost (curl 52/56) $lost, refused after the stop (curl 7) $refused; log: $(grep -ci 'stopping\|stopped' "$WORK/main.log") stop lines"

# Command line.
out=$(env PORT=abc java -jar "$JAR" 2>&1); rc=$?
say port-abc "exit $rc, $(printf '%s\n' "$out" | grep -c .) lines, first: $(printf '%s\n' "$out" | head -1 | cut -c1-110)"
out=$(java -jar "$JAR" --help 2>&1); rc=$?
say help "exit $rc, first line: $(printf '%s\n' "$out" | head -1 | cut -c1-80)"
P2=$(free_port)
env DATA_DIR="$WORK/data-eq" RULES_DIR="$TREE/rules" java -jar "$JAR" --port="$P2" >"$WORK/eq.log" 2>&1 & eqpid=$!; PIDS+=($eqpid)
for _ in $(seq 1 600); do [ "$(code "http://127.0.0.1:$P2/ready")" = 200 ] && break; kill -0 $eqpid 2>/dev/null || break; sleep 0.1; done
if kill -0 $eqpid 2>/dev/null; then say port-equals "--port=$P2: serving, /ready -> $(code "http://127.0.0.1:$P2/ready")"; kill $eqpid; wait $eqpid 2>/dev/null
else wait $eqpid; say port-equals "--port=$P2: exit $?, $(head -1 "$WORK/eq.log" | cut -c1-100)"; fi

# The ConfigMap script as the README runs it (deploy/rules-configmap.sh | kubectl apply -f -), from the checkout's root,
# with the kubectl client that is installed (no cluster here: its output, not the apply, is what counts); then with
# KUBECTL=none, which makes the current script write the YAML itself (the old one ignores it).
cm_keys() { awk '/^[^ ]/{d = ($0 ~ /^data:/); next} d && /^  [^ ]/{n++} END{print n+0}'; }
(cd "$TREE" && deploy/rules-configmap.sh >"$WORK/cm.yaml" 2>"$WORK/cm.err"); rc=$?
say configmap-script "with $(command -v kubectl >/dev/null && echo 'the kubectl client' || echo 'no kubectl'): exit $rc, data keys $(cm_keys <"$WORK/cm.yaml")$( [ -s "$WORK/cm.err" ] && printf ', stderr: %s' "$(head -1 "$WORK/cm.err" | cut -c1-80)")"
(cd "$TREE" && KUBECTL=none deploy/rules-configmap.sh >"$WORK/cm.yaml" 2>"$WORK/cm.err"); rc=$?
say configmap-script-own-yaml "KUBECTL=none: exit $rc, data keys $(cm_keys <"$WORK/cm.yaml")$( [ -s "$WORK/cm.err" ] && printf ', stderr: %s' "$(head -1 "$WORK/cm.err" | cut -c1-80)")"
say rules-files "policy files in rules/ (.drl, .yaml, .yml, none hidden): $(find "$TREE/rules" -type f \( -name '*.drl' -o -name '*.yaml' -o -name '*.yml' \) -not -path '*/.*' | wc -l)"

# To lay the ConfigMap out as a volume, a stand-in kubectl lists the keys (and source files) that
# `kubectl create configmap --from-file=...` makes: a folder gives one key per file name in it, key=path that key.
mkdir -p "$WORK/bin"; cat >"$WORK/bin/kubectl" <<'SH'
#!/usr/bin/env bash
for a in "$@"; do
  case "$a" in
    --from-file=*=*) spec="${a#--from-file=}"; printf '%s\t%s\n' "${spec%%=*}" "${spec#*=}" ;;
    --from-file=*) src="${a#--from-file=}"
      if [ -d "$src" ]; then for f in "$src"/*; do [ -f "$f" ] && printf '%s\t%s\n' "$(basename "$f")" "$f"; done
      else printf '%s\t%s\n' "$(basename "$src")" "$src"; fi ;;
  esac
done
SH
chmod +x "$WORK/bin/kubectl"

# The same rules as a ConfigMap volume (keys as the checkout's script names them, given the folder's absolute path so
# that the default-path fault above does not matter here), mounted the way Kubernetes does: key -> ..data/key.
(cd "$TREE" && PATH="$WORK/bin:$PATH" deploy/rules-configmap.sh "$TREE/rules" >"$WORK/keys.txt" 2>/dev/null)
CM="$WORK/configmap"; mkdir -p "$CM/..2026_11_29_00_00_00.1"; ln -s ..2026_11_29_00_00_00.1 "$CM/..data"
while IFS=$'\t' read -r key path; do cp "$path" "$CM/..data/$key"; ln -s "..data/$key" "$CM/$key"; done <"$WORK/keys.txt"
json_line() { head -1 "$1" | python3 -c 'import json, sys
line = sys.stdin.readline()
try: e = json.loads(line); print("JSON, members %s, time %s" % (",".join(e), e.get("time", e.get("timestamp"))))
except ValueError: print("not JSON: " + line[:70].strip())'; }
P3=$(free_port)
if start cm "$P3" RULES_DIR="$CM" LOG_FORMAT=json; then
  VERSION_CM=$(curl -s "http://127.0.0.1:$P3/ready" | python3 -c 'import json,sys; print(json.load(sys.stdin).get("rulesetVersion"))')
  say ruleset-version "git checkout ${VERSION_GIT:0:19}…, ConfigMap volume (${#VERSION_CM} chars) ${VERSION_CM:0:19}…: $([ "$VERSION_GIT" = "$VERSION_CM" ] && echo equal || echo different)"
  say json-logs "LOG_FORMAT=json, first line: $(json_line "$WORK/cm.log")"
  stop cm
else
  say ruleset-version "the service did not start from the ConfigMap volume: $(grep -m1 -v '^\s*$' "$WORK/cm.log" | cut -c1-120)"
  say json-logs "LOG_FORMAT=json, first line: $(json_line "$WORK/cm.log")"
fi

# The jar itself.
say jar-licences "NOTICE/LICENSE files in the jar: $(unzip -l "$JAR" | grep -ciE 'META-INF/.*(NOTICE|LICENSE)')"
say jar-slf4j "slf4j-api in the jar: $(unzip -p "$JAR" META-INF/maven/org.slf4j/slf4j-api/pom.properties 2>/dev/null | grep '^version' | cut -d= -f2)"
say jar-time "org/policyadvisor/App.class in the jar is dated $(unzip -l "$JAR" org/policyadvisor/App.class | awk 'NR==4 {print $2, $3}')"

# The files operators and integrators read.
m="$TREE/deploy/kubernetes.yaml"
say manifest "deploy/kubernetes.yaml: PodDisruptionBudget $(grep -c '^kind: PodDisruptionBudget' "$m"), preStop $(grep -c 'preStop:' "$m"), terminationGracePeriodSeconds $(grep -c 'terminationGracePeriodSeconds' "$m"), an empty rules stub ('data: {}') $(grep -c 'data: {}' "$m"), image by digest in the README $(grep -c '@sha256:' "$TREE/README.md")"
say api-doc "README's first mention of api.md: $(grep -m1 -o '.\{0,20\}api\.md.\{0,30\}' "$TREE/README.md" | head -1); docs/api.md in the checkout: $([ -f "$TREE/docs/api.md" ] && echo yes || echo no)"
