#!/usr/bin/env bash
# Does a flood of abusive GraphQL queries slow down normal ones? Starts the service (built jar, dev profile, embedded
# PostgreSQL, 512 MB heap) on a loopback port, checks that every attack is refused, and then measures:
#   0. the service's CPU time per request (from /proc, so other load on the machine does not count) for the normal
#      query, the cheapest valid query ({ __typename }, the control) and each attack, 5 seconds of each;
#   and a normal portal query at a fixed moderate rate with autocannon (p50, p99, throughput):
#   1. alone;
#   2. while wrk floods the service with all the attacks in turn (deep nesting, 1000 aliases, a token flood, nested
#      pages of 500, a fragment bomb, circular fragments, a 978-token document refused after parsing), as fast as it
#      answers;
#   3. while wrk floods it with the control as fast as it answers;
#   4. and 5. the same two floods paced (each connection waits DELAY_MS between requests), so both offer the same rate;
#   and alone once more at the end, to see how much the machine itself drifted meanwhile.
# If refusals are cheap, the attack flood hurts the normal query about as much as the control flood does.
# Bounded: every load runs for a fixed time and stops by itself. Usage: bench/attack/run.sh  (see bench/README.md)
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
PORT="${PORT:-18080}"
DURATION="${DURATION:-30}"               # seconds per measured phase
RATE="${RATE:-25}"                       # normal queries per second (a moderate, fixed rate)
CONNECTIONS="${CONNECTIONS:-10}"         # autocannon connections for the normal query
FLOOD_CONNECTIONS="${FLOOD_CONNECTIONS:-64}"
WARMUP="${WARMUP:-60}"                   # seconds of warm-up load before anything is measured
DELAY_MS="${DELAY_MS:-50}"               # pause per flood connection in the paced phases (64 × 1000/50: ≤ 1280 req/s)
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
trap 'exit 1' INT TERM
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
flood() { # $1: pause in ms, $2: result file, then body files
  local pause="$1" result="$2"; shift 2
  DELAY_MS="$pause" wrk -t1 -c"$FLOOD_CONNECTIONS" -d"$((DURATION + 4))s" -s "$here/attack.lua" "$url/graphql" -- "$@" \
    >"$result" 2>&1
}
ticks_per_second="$(getconf CLK_TCK)"
cpu() { # CPU time the service has used, in clock ticks (user + system, all its threads; not PostgreSQL's)
  awk '{ print $14 + $15 }' "/proc/$service/stat"
}
cost() { # $1: body file. The service's CPU time per request (µs) and the rate (req/s) of a 5-second flood of it
  local before after
  before="$(cpu)"
  "$autocannon" -d 5 -c 16 -m POST -H 'content-type=application/json' -H 'accept=application/graphql-response+json' \
    -i "$1" -j "$url/graphql" >"$out/cost.json" 2>/dev/null
  after="$(cpu)"
  node -e 'const r = require(process.argv[1]);
    console.log(`${(Number(process.argv[2]) * 1e6 / Number(process.argv[3]) / r.requests.total).toFixed(0).padStart(6)} µs CPU` +
      `  ${r.requests.average.toFixed(0).padStart(6)} req/s  (${r["2xx"]} × 2xx, ${r.non2xx} × 4xx)`)' \
    "$out/cost.json" "$((after - before))" "$ticks_per_second"
}

# the JIT needs a while (on a shared 2-core machine C2 alone took a minute of CPU): warm every path up together
echo "warming up for $WARMUP s (normal query, attacks and control at once)"
"$autocannon" -c 4 -d "$WARMUP" -m POST -H 'content-type=application/json' -b "$(cat "$out/bodies/normal.json")" \
  "$url/graphql" >/dev/null 2>&1 &
warming=$!
wrk -t1 -c8 -d"$((WARMUP / 2))s" -s "$here/attack.lua" "$url/graphql" -- "$out"/bodies/attack/*.json >/dev/null 2>&1
wrk -t1 -c8 -d"$((WARMUP / 2))s" -s "$here/attack.lua" "$url/graphql" -- "$out/bodies/control.json" >/dev/null 2>&1
wait "$warming"

echo "0/5 the service's CPU time per request, each body alone (16 connections, 5 s each)"
{
  printf '  %-20s %s\n' "normal query" "$(cost "$out/bodies/normal.json")"
  printf '  %-20s %s\n' "control" "$(cost "$out/bodies/control.json")"
  for f in "$out"/bodies/attack/*.json; do
    printf '  %-20s %s  (%s bytes)\n' "$(basename "$f" .json)" "$(cost "$f")" "$(wc -c <"$f")"
  done
} | tee "$out/costs.txt"

echo "1/5 normal query alone, $RATE/s for $DURATION s"
normal "$out/alone.json"
echo "2/5 normal query under the attack flood ($FLOOD_CONNECTIONS connections, unpaced)"
flood 0 "$out/attack-flood.txt" "$out"/bodies/attack/*.json & flooding=$!
sleep 2; normal "$out/under-attack.json"; wait "$flooding"
echo "3/5 normal query under the control flood ($FLOOD_CONNECTIONS connections, unpaced)"
flood 0 "$out/control-flood.txt" "$out/bodies/control.json" & flooding=$!
sleep 2; normal "$out/under-control.json"; wait "$flooding"
echo "4/5 normal query under the attack flood (paced: $DELAY_MS ms between requests per connection)"
flood "$DELAY_MS" "$out/attack-paced.txt" "$out"/bodies/attack/*.json & flooding=$!
sleep 2; normal "$out/under-attack-paced.json"; wait "$flooding"
echo "5/5 normal query under the control flood (paced)"
flood "$DELAY_MS" "$out/control-paced.txt" "$out/bodies/control.json" & flooding=$!
sleep 2; normal "$out/under-control-paced.json"; wait "$flooding"
echo "and the normal query alone again, for the drift of a shared machine"
normal "$out/alone-after.json"

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
  echo "normal query: p50/p99/max latency in ms, throughput in req/s, failed requests; the flood beside it"
  echo "phase                         p50    p99    max  req/s  fail   flood"
  summary "alone" "$out/alone.json"
  summary "attack flood" "$out/under-attack.json" "$out/attack-flood.txt"
  summary "control flood" "$out/under-control.json" "$out/control-flood.txt"
  summary "attack flood, paced" "$out/under-attack-paced.json" "$out/attack-paced.txt"
  summary "control flood, paced" "$out/under-control-paced.json" "$out/control-paced.txt"
  summary "alone, again at the end" "$out/alone-after.json"
  echo
  echo "the service's CPU time per request, each body alone (16 connections, 5 s each):"; cat "$out/costs.txt"
  echo "refusals:"; cat "$out/refusals.txt"
  echo "machine: $(nproc) cores, $(uname -m); load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$out/summary.txt"
