#!/usr/bin/env bash
# What one write costs 1,002 polled feeds: CPU spent rendering after it, for two builds of Khulasa.
#
#   bench/write-cost.sh BEFORE.jar AFTER.jar [RUNS]
#
# Seeds one SQLite database over HTTP (470 authors over 30 categories: WriteCostBench seed), then
# starts each jar in turn on a copy of it (-Xmx128m, a free port on 127.0.0.1) and runs
# WriteCostBench measure: per run, one PUT, then every feed polled once. Needs the bench classes
# (mvn test-compile dependency:build-classpath, as bench/run.sh does). See bench/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
BEFORE=$1 AFTER=$2 RUNS=${3:-3}
CP=${BENCH_CP:-"target/test-classes:target/classes:$(cat target/bench.classpath)"}
WORK=$(mktemp -d /tmp/khulasa-write-cost.XXXXXX)
TOKEN=bench-token-$$ METRICS=bench-metrics-$$
PID=
trap '[ -n "$PID" ] && kill $PID 2>/dev/null; wait 2>/dev/null; rm -rf "$WORK"' EXIT

start() { # jar db
    local port
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
    URL=http://127.0.0.1:$port
    KHULASA_PORT=$port KHULASA_BASE_URL=$URL KHULASA_EDITOR_TOKENS=$TOKEN KHULASA_METRICS_TOKEN=$METRICS \
        KHULASA_DB_URL="jdbc:sqlite:$2" java -Xmx128m -jar "$1" > "$WORK/server.log" 2>&1 &
    PID=$!
    until curl -sf -o /dev/null "$URL/health"; do
        kill -0 $PID 2>/dev/null || { cat "$WORK/server.log" >&2; exit 1; }
        sleep 0.1
    done
}
stop() { kill $PID; wait $PID 2>/dev/null || true; PID=; }

start "$AFTER" "$WORK/seed.db"
java -cp "$CP" org.khulasa.bench.WriteCostBench seed "$URL" "$TOKEN"
stop
for build in before after; do
    jar=$BEFORE; [ $build = after ] && jar=$AFTER
    cp "$WORK/seed.db" "$WORK/$build.db"
    [ ! -f "$WORK/seed.db-wal" ] || cp "$WORK/seed.db-wal" "$WORK/$build.db-wal"
    start "$jar" "$WORK/$build.db"
    echo "$build ($jar): $(java -cp "$CP" org.khulasa.bench.WriteCostBench measure "$URL" "$TOKEN" "$METRICS" $PID "$RUNS" | tail -1)"
    stop
done
