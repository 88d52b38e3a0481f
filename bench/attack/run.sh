#!/usr/bin/env bash
# Does a flood of abusive GraphQL queries slow down normal ones? Starts the service (built jar, dev profile, embedded
# PostgreSQL, 512 MB heap) on a loopback port and measures a normal portal query at a fixed rate with autocannon:
#   1. alone;
#   2. while wrk floods the service with attacks (deep nesting, 1000 aliases, 300 aliases, token flood, nested pages
#      of 500, a fragment bomb, circular fragments), every one of which must be refused;
#   3. while wrk floods it with the cheapest valid query ({ __typename }): the control. If refusals are cheap, the
#      attack flood hurts the normal query no more than this does.
# Bounded: every load runs for DURATION seconds and stops by itself. Usage: bench/attack/run.sh  (see bench/README.md)
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
PORT="${PORT:-18080}"
DURATION="${DURATION:-30}"               # seconds per measured phase
RATE="${RATE:-100}"                      # normal queries per second (a moderate, fixed rate)
CONNECTIONS="${CONNECTIONS:-4}"          # autocannon connections for the normal query
FLOOD_CONNECTIONS="${FLOOD_CONNECTIONS:-64}"
out="${OUT:-$here/out}"
url="http://127.0.0.1:$PORT"

for tool in wrk node java curl; do
  command -v "$tool" >/dev/null || { echo "needs $tool (wrk: apt-get install wrk; node >= 18)" >&2; exit 1; }
done
if [ -n "${JAVA_HOME:-}" ]; then java="$JAVA_HOME/bin/java"; else java=java; fi
[ -x "$here/node_modules/.bin/autocannon" ] || (cd "$here" && npm install --no-audit --no-fund --loglevel=error)
autocannon="$here/node_modules/.bin/autocannon"

# the jar of this work tree, built now (JAR=path skips the build)
jar="${JAR:-}"
if [ -z "$jar" ]; then
  (cd "$root" && ./mvnw -q -pl api -am package -DskipTests)
  jar="$(ls "$root"/api/target/samverkan-api-*.jar | grep -v original | head -n1)"
fi

rm -rf "$out" && mkdir -p "$out"
node "$here/bodies.mjs" "$out/bodies"

"$java" -Xmx512m -jar "$jar" --server.port="$PORT" --logging.level.root=warn >"$out/service.log" 2>&1 &
service=$!
trap 'kill "$service" 2>/dev/null; wait "$service" 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  curl -sf "$url/actuator/health/readiness" >/dev/null 2>&1 && break
  kill -0 "$service" 2>/dev/null || { echo "the service did not start; see $out/service.log" >&2; exit 1; }
  sleep 0.5
done
curl -sf "$url/actuator/health/readiness" >/dev/null || { echo "the service is not ready after 60 s" >&2; exit 1; }

# every attack must be refused with 400 and a code, the normal query answered without errors
for f in "$out"/bodies/attack/*.json; do
  status=$(curl -s -o "$out/refusal.json" -w '%{http_code}' "$url/graphql" -H 'Content-Type: application/json' \
    -H 'Accept: application/graphql-response+json' --data-binary @"$f")
  code=$(node -e 'const r=require(process.argv[1]); console.log(r.errors?.[0]?.extensions?.code ?? "-")' "$out/refusal.json")
  printf '  %-20s HTTP %s %s\n' "$(basename "$f" .json)" "$status" "$code" | tee -a "$out/refusals.txt"
  [ "$status" = 400 ] || { echo "attack $(basename "$f") was not refused" >&2; exit 1; }
done
curl -sf "$url/graphql" -H 'Content-Type: application/json' --data-binary @"$out/bodies/normal.json" >"$out/normal-answer.json"
node -e 'const r=require(process.argv[1]); if (r.errors || !r.data.body.seats.totalCount) { console.error(r); process.exit(1) }' \
  "$out/normal-answer.json"

normal() { # $1: result file
  "$autocannon" -c "$CONNECTIONS" --overallRate "$RATE" -d "$DURATION" -m POST -H 'content-type=application/json' \
    -b "$(cat "$out/bodies/normal.json")" -j "$url/graphql" >"$1" 2>/dev/null
}
flood() { # $1: result file, then body files
  local result="$1"; shift
  wrk -t1 -c"$FLOOD_CONNECTIONS" -d"$((DURATION + 4))s" -s "$here/attack.lua" "$url/graphql" -- "$@" >"$result" 2>&1
}

echo "warming up (normal query, attacks and control, 20 s)"
"$autocannon" -c 4 -d 10 -m POST -H 'content-type=application/json' -b "$(cat "$out/bodies/normal.json")" \
  "$url/graphql" >/dev/null 2>&1
wrk -t1 -c16 -d5s -s "$here/attack.lua" "$url/graphql" -- "$out"/bodies/attack/*.json >/dev/null 2>&1
wrk -t1 -c16 -d5s -s "$here/attack.lua" "$url/graphql" -- "$out/bodies/control.json" >/dev/null 2>&1

echo "1/3 normal query alone, $RATE/s for $DURATION s"
normal "$out/alone.json"
echo "2/3 normal query under the attack flood ($FLOOD_CONNECTIONS connections)"
flood "$out/attack-flood.txt" "$out"/bodies/attack/*.json & flooding=$!
sleep 2; normal "$out/under-attack.json"; wait "$flooding"
echo "3/3 normal query under the control flood of { __typename } ($FLOOD_CONNECTIONS connections)"
flood "$out/control-flood.txt" "$out/bodies/control.json" & flooding=$!
sleep 2; normal "$out/under-control.json"; wait "$flooding"

summary() { # $1 label, $2 autocannon json, $3 wrk output (optional)
  node -e '
    const r = require(process.argv[2]);
    const fs = require("fs");
    let flood = "";
    if (process.argv[3]) {
      const w = fs.readFileSync(process.argv[3], "utf8");
      const rps = (w.match(/Requests\/sec:\s+([\d.]+)/) || [])[1] ?? "?";
      const non2xx = (w.match(/Non-2xx or 3xx responses:\s+(\d+)/) || [])[1] ?? "0";
      const total = (w.match(/(\d+) requests in/) || [])[1] ?? "?";
      const errors = (w.match(/Socket errors:.*/) || [""])[0];
      flood = `${Number(rps).toFixed(0)} req/s, ${non2xx} of ${total} refused ${errors}`;
    }
    const bad = r.non2xx + r.errors;
    console.log(`${process.argv[1].padEnd(26)} ${String(r.latency.p50).padStart(6)} ${String(r.latency.p99).padStart(6)}` +
      ` ${String(r.latency.max).padStart(6)} ${r.requests.average.toFixed(0).padStart(6)} ${String(bad).padStart(5)}   ${flood}`);
  ' "$1" "$2" ${3:+"$3"}
}
{
  echo
  echo "normal query: p50/p99/max latency in ms, throughput in req/s, failed requests; flood beside it"
  echo "phase                         p50    p99    max  req/s  fail   flood"
  summary "alone" "$out/alone.json"
  summary "under attack flood" "$out/under-attack.json" "$out/attack-flood.txt"
  summary "under { __typename } flood" "$out/under-control.json" "$out/control-flood.txt"
  echo
  echo "refusals:"; cat "$out/refusals.txt"
  echo "machine: $(nproc) cores, $(uname -m); load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$out/summary.txt"
