#!/usr/bin/env bash
# The scale-out test: a throwaway PostgreSQL cluster, two fairtender-server instances on it,
# nginx in front with the example config of docs/nginx-fairtender.conf (TLS), and wrk writing
# scores through it as four evaluators at once for DURATION seconds, while one instance is
# killed with SIGKILL half way. Then every write that got a 2xx must be in the store, verify
# must pass with every entry signed by the server, and nginx must have failed over.
#
#   tests/scale/run-scale-out.sh BIN_DIR SOURCE_DIR [DURATION_SECONDS] [ROUND_REQUESTS]
#
# It also measures, never asserts, the writes against an insert peer, the ranking reads
# against nginx serving the same JSON, and the memory of one instance over ten rounds of
# ROUND_REQUESTS requests (default 1,000; 10,000 for the figure in docs/performance.md).
set -euo pipefail
bin="$(realpath "$1")"
source="$(realpath "$2")"
duration="${3:-10}"
round="${4:-1000}"
work="$(mktemp -d "${TMPDIR:-/tmp}/fairtender-scale.XXXXXX")"
chmod 755 "$work"
pids=()
cleanup() {
    # The instances start in subshells (to hand back their ports): their pid files name them.
    for file in "$work"/*.pid; do
        [[ -f "$file" ]] && kill "$(cat "$file")" 2>/dev/null || true
    done
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    "$source/tests/support/postgres-cluster.sh" stop "$work/postgres.uri" || true
    [[ -n "${FAIRTENDER_SCALE_KEEP:-}" ]] || rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "scale-out: $*" >&2; exit 1; }
json() { /usr/bin/python3 -c 'import json,sys; print(json.dumps(sys.argv[1]))' "$1"; }

"$source/tests/support/postgres-cluster.sh" start "$work/postgres.uri" >/dev/null
database="$(cat "$work/postgres.uri")"
server="$bin/fairtender-server"

echo "a long passphrase for the scale test" |
    "$server" init --database "$database" --signing-key "$work/signing-key" --admin root \
        --password-stdin >"$work/init.out"
key="$(sed -n 's/.*Ed25519 key \([0-9a-f]*\).*/\1/p' "$work/init.out")"

# One instance on loopback (on PORT, else a free port); its port on standard output.
start_instance() {
    local name="$1" port="${2:-0}"
    "$server" --database "$database" --signing-key "$work/signing-key" \
        --listen "127.0.0.1:$port" --trusted-proxy 127.0.0.1 >"$work/$name.out" 2>"$work/$name.err" &
    pids+=($!)
    echo $! >"$work/$name.pid"
    for _ in $(seq 100); do
        grep -q serving "$work/$name.out" 2>/dev/null && break
        sleep 0.1
    done
    sed -n 's/.*127\.0\.0\.1:\([0-9]*\)\/api.*/\1/p' "$work/$name.out"
}
port_a="$(start_instance a)"
port_b="$(start_instance b)"
[[ -n "$port_a" && -n "$port_b" ]] || fail "the instances did not start: $(cat "$work"/*.err)"

# nginx with the docs' configuration, as printed but for its ports and certificate.
free_port() { /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
port_nginx="$(free_port)"
# The peer of the ranking reads: the same nginx serving the same JSON as a static file.
port_static="$(free_port)"
mkdir -p "$work/static"
# The peer of the score writes: one INSERT and a commit on the same database, behind the
# same nginx over TLS.
port_peer_proxy="$(free_port)"
"$bin/fairtender_insert_peer" "$database" >"$work/peer.out" 2>"$work/peer.err" &
echo $! >"$work/peer.pid"
for _ in $(seq 100); do
    grep -q serving "$work/peer.out" 2>/dev/null && break
    sleep 0.1
done
port_peer="$(sed -n 's/.*127\.0\.0\.1:\([0-9]*\).*/\1/p' "$work/peer.out")"
[[ -n "$port_peer" ]] || fail "the insert peer did not start: $(cat "$work/peer.err")"
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=localhost \
    -keyout "$work/key.pem" -out "$work/cert.pem" >/dev/null 2>&1
mkdir -p "$work"/{body,proxy,fastcgi,uwsgi,scgi}
chmod 777 "$work"/{body,proxy,fastcgi,uwsgi,scgi}
sed -e "s/127\.0\.0\.1:8081/127.0.0.1:$port_a/g" -e "s/127\.0\.0\.1:8082/127.0.0.1:$port_b/g" \
    -e "s|listen 443 ssl;|listen 127.0.0.1:$port_nginx ssl;|" \
    -e "s|/etc/ssl/fairtender/fullchain.pem|$work/cert.pem|" \
    -e "s|/etc/ssl/fairtender/privkey.pem|$work/key.pem|" \
    "$source/docs/nginx-fairtender.conf" >"$work/fairtender.conf"
cat >"$work/nginx.conf" <<CONF
daemon off;
worker_processes 1;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $work/body; proxy_temp_path $work/proxy;
  fastcgi_temp_path $work/fastcgi; uwsgi_temp_path $work/uwsgi; scgi_temp_path $work/scgi;
  include $work/fairtender.conf;
  server {
    listen 127.0.0.1:$port_static ssl;
    ssl_certificate $work/cert.pem;
    ssl_certificate_key $work/key.pem;
    location / { root $work/static; }
  }
  server {
    listen 127.0.0.1:$port_peer_proxy ssl;
    ssl_certificate $work/cert.pem;
    ssl_certificate_key $work/key.pem;
    location / { proxy_pass http://127.0.0.1:$port_peer; proxy_http_version 1.1; proxy_set_header Connection ""; }
  }
}
CONF
nginx -p "$work/" -c "$work/nginx.conf" &
pids+=($!)
url="https://127.0.0.1:$port_nginx"
for _ in $(seq 100); do
    curl -sk "$url/api/v1/health" >/dev/null 2>&1 && break
    sleep 0.1
done
curl -sfk "$url/api/v1/health" >/dev/null || fail "nginx does not answer: $(cat "$work/nginx-error.log")"

# api METHOD PATH TOKEN [BODY]: the response body; fails on a status over 299.
api() {
    local body="${4:-}"
    if [[ -n "$body" ]]; then
        printf '%s' "$body" >"$work/body.json"
        curl -sfk -X "$1" "$url$2" -H "Authorization: Bearer $3" \
            -H 'Content-Type: application/json' --data-binary @"$work/body.json"
    else
        curl -sfk -X "$1" "$url$2" -H "Authorization: Bearer $3"
    fi
}
field() { /usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin)[sys.argv[1]])' "$1"; }
sign_in() {
    api POST /api/v1/sessions "" "{\"user\":\"$1\",\"password\":$(json "$2")}" | field token
}

root="$(sign_in root "a long passphrase for the scale test")"
declare -A token
for person in lead e1 e2 e3 e4; do
    once="$(api POST /api/v1/accounts "$root" \
        "{\"name\":\"$person\",\"password\":\"a long passphrase for the scale test\"}" |
        field oneTimePassword)"
    first="$(sign_in "$person" "$once")"
    api PUT /api/v1/accounts/me/password "$first" \
        "{\"current\":\"$once\",\"new\":\"the scale test passphrase\"}" >/dev/null
    token[$person]="$(sign_in "$person" "the scale test passphrase")"
done

# A tender of 1,000 bids, taken to evaluation by its lead.
"$bin/fairtender_generate_tender" "$work/tender" 1000 >/dev/null
/usr/bin/python3 - "$work/tender" >"$work/create.json" <<'PY'
import json, sys, pathlib
folder = pathlib.Path(sys.argv[1])
print(json.dumps({"name": "scale", "files": {"tender.xml": (folder / "tender.xml").read_text()}}))
PY
/usr/bin/python3 - "$work/tender" >"$work/bids.json" <<'PY'
import json, sys, pathlib
folder = pathlib.Path(sys.argv[1])
print(json.dumps({"files": {p.name: p.read_text() for p in (folder / "bids").glob("*.xml")}}))
PY
lead="${token[lead]}"
api POST /api/v1/tenders "$lead" "$(cat "$work/create.json")" >/dev/null
for e in e1 e2 e3 e4; do
    api POST /api/v1/tenders/scale/panel "$lead" "{\"account\":\"$e\",\"role\":\"evaluator\"}" >/dev/null
done
api POST /api/v1/tenders/scale/stage "$lead" '{"to":"open","reason":"published"}' >/dev/null
api POST /api/v1/tenders/scale/bids "$lead" "$(cat "$work/bids.json")" >/dev/null
for person in lead e1 e2 e3 e4; do
    api PUT /api/v1/tenders/scale/declaration "${token[$person]}" '{"conflicts":[]}' >/dev/null
done
api POST /api/v1/tenders/scale/stage "$lead" '{"to":"evaluation","reason":"opened"}' >/dev/null
criteria="$(grep -o 'criterion id="[^"]*" type="judgement"' "$work/tender/tender.xml" |
    sed 's/criterion id="\([^"]*\)".*/\1/' | paste -sd, -)"

# The load, and one instance killed with SIGKILL half way through it.
( sleep "$(( duration / 2 ))"; kill -9 "$(cat "$work/a.pid")" ) &
wrk -t4 -c4 -d"${duration}s" --timeout 30s -s "$source/tests/scale/score-writes.lua" "$url" -- \
    scale 1000 "$criteria" "e1:${token[e1]}" "e2:${token[e2]}" "e3:${token[e3]}" \
    "e4:${token[e4]}" >"$work/wrk.out"
wait "$!" 2>/dev/null || true

grep '^OK ' "$work/wrk.out" | sed 's/^OK //' | sort >"$work/acknowledged"
acknowledged="$(wc -l <"$work/acknowledged")"
[[ "$acknowledged" -gt 0 ]] || fail "no write got a 2xx: $(cat "$work/wrk.out")"
psql "$database" -Atc "SELECT evaluator || ' ' || bid_id || ' ' || criterion_id FROM fairtender_scale.evaluator_scores" |
    sort >"$work/stored"
missing="$(comm -23 "$work/acknowledged" "$work/stored" | wc -l)"
[[ "$missing" -eq 0 ]] || fail "$missing acknowledged writes are not in the store: $(comm -23 "$work/acknowledged" "$work/stored" | head -5)"
grep -q "while connecting to upstream\|upstream prematurely closed\|Connection refused" \
    "$work/nginx-error.log" || fail "nginx never found the killed instance gone"
"$bin/fairtender" verify "$database&tender=scale" --signed-by "$key" >"$work/verify.out" ||
    fail "verify failed after the load"

stored="$(wc -l <"$work/stored")"
rate="$(sed -n 's/^Requests\/sec: *//p' "$work/wrk.out")"
echo "scale-out: $acknowledged writes acknowledged in ${duration} s ($rate requests/s through nginx, one of two instances killed half way), $stored stored, none lost"
awk '/^STATUS/ { n[$2] += $3 } END { for (s in n) printf "scale-out: HTTP %s: %d responses\n", s, n[s] }' \
    "$work/wrk.out" | sort
sed -n 's/^/scale-out: /p' "$work/verify.out"

# Ranking reads: a second tender of 1,000 bids, every judgement scored by one evaluator in
# one request, read by its lead through nginx and both instances (the killed one started
# again on its port), against nginx serving the same JSON as a static file: 64 connections,
# over TLS, for the same time each.
sed 's/"name": "scale"/"name": "reads"/' "$work/create.json" >"$work/create-reads.json"
api POST /api/v1/tenders "$lead" "$(cat "$work/create-reads.json")" >/dev/null
api POST /api/v1/tenders/reads/panel "$lead" '{"account":"e1","role":"evaluator"}' >/dev/null
api POST /api/v1/tenders/reads/stage "$lead" '{"to":"open","reason":"published"}' >/dev/null
api POST /api/v1/tenders/reads/bids "$lead" "$(cat "$work/bids.json")" >/dev/null
for person in lead e1; do
    api PUT /api/v1/tenders/reads/declaration "${token[$person]}" '{"conflicts":[]}' >/dev/null
done
api POST /api/v1/tenders/reads/stage "$lead" '{"to":"evaluation","reason":"opened"}' >/dev/null
/usr/bin/python3 - "$criteria" >"$work/all-scores.json" <<'PY'
import json, sys
criteria = sys.argv[1].split(",")
print(json.dumps({"scores": [{"bid": "B%d" % b, "criterion": c, "value": 3, "reason": "meets it"}
                             for b in range(1, 1001) for c in criteria]}))
PY
api POST /api/v1/tenders/reads/scores "${token[e1]}" "$(cat "$work/all-scores.json")" >/dev/null
api GET /api/v1/tenders/reads/ranking "$lead" >"$work/static/ranking.json"
[[ -n "$(start_instance a2 "$port_a")" ]] || fail "the killed instance did not start again on its port: $(cat "$work/a2.err")"
reads="$(( duration / 2 > 3 ? duration / 2 : 3 ))"
wrk -t2 -c64 -d"${reads}s" --timeout 30s --latency -s "$source/tests/scale/ranking-reads.lua" \
    "$url" -- reads "$lead" >"$work/reads.out"
wrk -t2 -c64 -d"${reads}s" --timeout 30s --latency "https://127.0.0.1:$port_static/ranking.json" \
    >"$work/static.out"
! grep -q "Non-2xx" "$work/static.out" || fail "nginx did not serve the ranking file: $(cat "$work/static.out")"
refused="$(awk '/^STATUS/ && $2 != 200 { n += $3 } END { print n + 0 }' "$work/reads.out")"
[[ "$refused" -eq 0 ]] || fail "$refused ranking reads did not get a 200: $(grep STATUS "$work/reads.out")"
read_rate="$(sed -n 's/^Requests\/sec: *//p' "$work/reads.out")"
static_rate="$(sed -n 's/^Requests\/sec: *//p' "$work/static.out")"
read_p99="$(awk '$1 == "99%" { print $2 }' "$work/reads.out")"
static_p99="$(awk '$1 == "99%" { print $2 }' "$work/static.out")"
ratio="$(/usr/bin/python3 -c 'import sys; print("%.2f" % (float(sys.argv[1]) / float(sys.argv[2])))' "$read_rate" "$static_rate")"
echo "scale-out: ranking reads of a 1,000-bid tender at 64 connections: $read_rate requests/s (p99 $read_p99) through nginx and two instances, $static_rate requests/s (p99 $static_p99) for nginx serving the same $(wc -c <"$work/static/ranking.json") bytes as a file: $ratio of the peer"

# Score writes against their peer: the same wrk (4 threads, 4 connections, the same body
# shape) on the insert peer behind the same nginx, for the time the writes ran.
wrk -t4 -c4 -d"${duration}s" --timeout 30s -s "$source/tests/scale/peer-writes.lua" \
    "https://127.0.0.1:$port_peer_proxy" >"$work/peer-writes.out"
# A peer that answered errors, or stored nothing, would be measured fast for doing nothing.
! grep -q "Non-2xx" "$work/peer-writes.out" ||
    fail "the insert peer refused writes: $(cat "$work/peer-writes.out" "$work/peer.err")"
peer_stored="$(psql "$database" -Atc "SELECT COUNT(*) FROM insert_peer")"
peer_answered="$(sed -n 's/^ *\([0-9]*\) requests in.*/\1/p' "$work/peer-writes.out")"
[[ "$peer_stored" -ge "$peer_answered" && "$peer_answered" -gt 0 ]] ||
    fail "the insert peer answered $peer_answered writes but stored $peer_stored"
peer_rate="$(sed -n 's/^Requests\/sec: *//p' "$work/peer-writes.out")"
write_ratio="$(/usr/bin/python3 -c 'import sys; print("%.3f" % (float(sys.argv[1]) / float(sys.argv[2])))' "$rate" "$peer_rate")"
echo "scale-out: durable score writes: $rate requests/s through nginx and two instances, $peer_rate requests/s for the peer (one INSERT and a commit, same database, same nginx): $write_ratio of the peer"

# Memory: one instance's resident size after each of ten rounds of status reads sent to it
# directly (four clients on kept-alive connections, a quarter of a round each).
pid_b="$(cat "$work/b.pid")"
rss() { awk '$1 == "VmRSS:" { print $2 }' "/proc/$pid_b/status"; }
sizes=()
for _ in $(seq 10); do
    /usr/bin/python3 - "$port_b" "$lead" "$round" <<'PY' || fail "a status read was refused"
import http.client, sys, threading
port, token, total = int(sys.argv[1]), sys.argv[2], int(sys.argv[3])
refused = []
def client(count):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    for _ in range(count):
        connection.request("GET", "/api/v1/tenders/reads", headers={"Authorization": "Bearer " + token})
        reply = connection.getresponse()
        reply.read()
        if reply.status != 200:
            refused.append(reply.status)
threads = [threading.Thread(target=client, args=(total // 4,)) for _ in range(4)]
for t in threads: t.start()
for t in threads: t.join()
sys.exit(1 if refused else 0)
PY
    sizes+=("$(rss)")
done
echo "scale-out: memory of one instance over 10 rounds of $round requests: resident ${sizes[*]} kB; after round 2 ${sizes[1]} kB, after round 10 ${sizes[9]} kB ($(( sizes[9] - sizes[1] )) kB between them)"
