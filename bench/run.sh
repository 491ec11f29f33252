#!/usr/bin/env bash
# Khulasa beside bare Jetty and nginx, at several archive sizes: the whole benchmark in one command.
#
#   bench/run.sh [--sizes 10k,100k,1m] [--quick] [--jfr]
#
#   --sizes   archive sizes (k and m suffixes allowed); default 10k,100k,1m
#   --quick   3 s wrk runs and fewer samples: checks the harness, not for quoting
#   --jfr     record Khulasa with JDK Flight Recorder: bench-data/khulasa-SIZE.jfr
#
# Installs wrk and nginx with apt-get if missing, builds the jar, fills (or reuses) one SQLite
# archive per size in bench-data/ (directly, not over HTTP), then per size starts Khulasa
# (-Xmx128m), a bare Jetty 12 handler (BareJetty, -Xmx128m: the floor of Khulasa's own stack) and
# nginx (own config in a temp folder, 127.0.0.1 only, a free port), both serving the feed bytes
# fetched from Khulasa, measures every figure beside both anchors, median of 3 runs, and prints a
# table. Everything it started is stopped on exit. See bench/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

SIZES=10k,100k,1m
QUICK=0
JFR=0
while [ $# -gt 0 ]; do
    case "$1" in
        --sizes) SIZES=$2; shift 2 ;;
        --quick) QUICK=1; shift ;;
        --jfr) JFR=1; shift ;;
        *) echo "usage: bench/run.sh [--sizes 10k,100k,1m] [--quick] [--jfr]" >&2; exit 2 ;;
    esac
done

RUNS=3            # each figure: median of this many runs, ours and the anchor alternating
CONNECTIONS=32
THREADS=2
if [ $QUICK = 1 ]; then
    DURATION=3s; WARMUP=2s; MISS_SAMPLES=30; INGEST_4=200; INGEST_1=50
else
    DURATION=10s; WARMUP=15s; MISS_SAMPLES=100; INGEST_4=1000; INGEST_1=300
fi
TOKEN=bench-token-$$
FEED=/feeds/category/politics/rss.xml
DATA=$ROOT/bench-data
WORK=$(mktemp -d /tmp/khulasa-bench.XXXXXX)
chmod 755 "$WORK"
KHULASA_PID=
NGINX_PID=
BARE_PID=
PAGE_BARE_PID=
SAMPLER_PID=

log() { echo "[$(date +%H:%M:%S)] $*" >&2; }

stop_all() {
    for pid in $SAMPLER_PID $KHULASA_PID $NGINX_PID $BARE_PID $PAGE_BARE_PID; do
        kill "$pid" 2>/dev/null || true
    done
    for pid in $SAMPLER_PID $KHULASA_PID $NGINX_PID $BARE_PID $PAGE_BARE_PID; do
        wait "$pid" 2>/dev/null || true
    done
    SAMPLER_PID= KHULASA_PID= NGINX_PID= BARE_PID= PAGE_BARE_PID=
}
trap 'stop_all; rm -rf "$WORK"' EXIT
trap 'exit 130' INT TERM

# ---- tools ---------------------------------------------------------------------------------------
need=()
command -v wrk >/dev/null || need+=(wrk)
[ -x /usr/sbin/nginx ] || command -v nginx >/dev/null || need+=(nginx-light)
if [ ${#need[@]} -gt 0 ]; then
    log "installing ${need[*]}"
    SUDO=; [ "$(id -u)" = 0 ] || SUDO=sudo
    $SUDO apt-get install -y -q "${need[@]}" >/dev/null || { $SUDO apt-get update -q >/dev/null && $SUDO apt-get install -y -q "${need[@]}" >/dev/null; }
fi
NGINX=$(command -v nginx || echo /usr/sbin/nginx)

log "building the jar and the bench classes"
mvn -q -B package -DskipTests
mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
CP="target/test-classes:target/classes:$(cat target/bench.classpath)"

# Waits until URL answers; if process PID dies first, shows its LOG and stops the run.
await_serving() { # url pid log
    until curl -sf -o /dev/null "$1"; do
        kill -0 "$2" 2>/dev/null || { cat "$3" >&2; exit 1; }
        sleep 0.01
    done
}

# Stops the run, saying WHY, unless URL hands out FILE's very bytes when asked for gzip.
same_gzip() { # url file why
    cmp -s <(curl -sf -H 'Accept-Encoding: gzip' "$1") "$2" || { echo "$3" >&2; exit 1; }
}

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
now_ms() { date +%s%3N; }
median() { sort -g | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", (b > 0 ? a / b : 0)}'; }
to_count() {
    case "$1" in
        *k|*K) echo $(( ${1%?} * 1000 )) ;;
        *m|*M) echo $(( ${1%?} * 1000000 )) ;;
        *) echo "$1" ;;
    esac
}

# One wrk run; prints requests/s, and "errors" to stderr if any answer was not 2xx/3xx or failed.
wrk_run() { # url [extra wrk args…]
    local url=$1; shift
    local out
    out=$(wrk -t$THREADS -c$CONNECTIONS -d$DURATION "$@" "$url")
    if grep -q -E 'Non-2xx|Socket errors' <<<"$out"; then
        echo "$url: $(grep -E 'Non-2xx|Socket errors' <<<"$out" | tr -s ' ' | tr '\n' ' ')" >> "$WORK/wrk-errors"
    fi
    awk '/Requests\/sec/ {print $2}' <<<"$out"
}

# Resident memory of Khulasa, highest seen, in MB (sampled from /proc while load runs).
start_rss_sampler() {
    local pid=$1 file=$2
    ( max=0; while kill -0 "$pid" 2>/dev/null; do
          kb=$(awk '/^VmRSS/ {print $2}' /proc/"$pid"/status 2>/dev/null || echo 0)
          [ "${kb:-0}" -gt "$max" ] && { max=$kb; echo "$max" > "$file"; }
          sleep 0.2
      done ) &
    SAMPLER_PID=$!
}

start_khulasa() { # size
    local size=$1 port
    port=$(free_port)
    KHULASA_URL=http://127.0.0.1:$port
    local jfr=()
    [ $JFR = 1 ] && jfr=("-XX:StartFlightRecording=filename=$DATA/khulasa-$size.jfr,settings=profile,dumponexit=true")
    local t0
    t0=$(now_ms)
    KHULASA_PORT=$port KHULASA_BASE_URL=$KHULASA_URL KHULASA_EDITOR_TOKENS=$TOKEN \
        KHULASA_DB_URL="jdbc:sqlite:$DATA/archive-$size.db" \
        java -Xmx128m "${jfr[@]}" -jar target/khulasa.jar > "$WORK/khulasa-$size.log" 2>&1 &
    KHULASA_PID=$!
    await_serving "$KHULASA_URL/health" "$KHULASA_PID" "$WORK/khulasa-$size.log"
    STARTUP_MS=$(( $(now_ms) - t0 ))
    curl -sf -o /dev/null "$KHULASA_URL$FEED"
    FIRST_FEED_MS=$(( $(now_ms) - t0 ))
}

start_nginx() {
    local port
    port=$(free_port)
    NGINX_URL=http://127.0.0.1:$port
    local root=$WORK/www
    mkdir -p "$root$(dirname $FEED)" "$WORK/nginx-temp"
    # The very bytes Khulasa serves, plain and gzip, as static files.
    curl -sf "$KHULASA_URL$FEED" -o "$root$FEED"
    curl -sf -H 'Accept-Encoding: gzip' "$KHULASA_URL$FEED" -o "$root$FEED.gz"
    touch -r "$root$FEED" "$root$FEED.gz"
    chmod -R a+rX "$root"
    cat > "$WORK/nginx.conf" <<EOF
worker_processes auto;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log warn;
daemon off;
events { worker_connections 1024; }
http {
    access_log off;
    sendfile on;
    tcp_nopush on;
    keepalive_timeout 65;
    keepalive_requests 10000000;
    open_file_cache max=64;
    types { application/rss+xml xml; }
    client_body_temp_path $WORK/nginx-temp/body;
    proxy_temp_path $WORK/nginx-temp/proxy;
    fastcgi_temp_path $WORK/nginx-temp/fastcgi;
    uwsgi_temp_path $WORK/nginx-temp/uwsgi;
    scgi_temp_path $WORK/nginx-temp/scgi;
    server {
        listen 127.0.0.1:$port;
        root $root;
        gzip_static on;
        etag on;
    }
}
EOF
    "$NGINX" -p "$WORK" -e "$WORK/nginx-error.log" -c "$WORK/nginx.conf" &
    NGINX_PID=$!
    await_serving "$NGINX_URL$FEED" "$NGINX_PID" "$WORK/nginx-error.log"
    # Both must hand out the same gzip bytes.
    same_gzip "$NGINX_URL$FEED" "$root$FEED.gz" "nginx does not serve the gzip file"
}

# The floor: the same bytes from a bare Jetty 12 handler (no Javalin, no servlet), same JVM flags.
start_bare() {
    local port
    port=$(free_port)
    BARE_URL=http://127.0.0.1:$port
    local ctype
    ctype=$(curl -sf -o /dev/null -D - "$KHULASA_URL$FEED" | awk 'tolower($1) == "content-type:" {sub(/^[^:]*: */, ""); print}' | tr -d '\r')
    java -Xmx128m -cp "$CP" org.khulasa.bench.BareJetty "$port" "$FEED" "$WORK/www$FEED" "$WORK/www$FEED.gz" "$ctype" \
        > "$WORK/bare.log" 2>&1 &
    BARE_PID=$!
    await_serving "$BARE_URL$FEED" "$BARE_PID" "$WORK/bare.log"
    same_gzip "$BARE_URL$FEED" "$WORK/www$FEED.gz" "bare Jetty does not serve the gzip file"
}

header_of() { # url name: the response header's value (GET, gzip accepted)
    curl -sf -o /dev/null -D - -H 'Accept-Encoding: gzip' "$1" \
        | awk -v name="$2" 'tolower($1) == tolower(name) ":" {sub(/^[^:]*: */, ""); print}' | tr -d '\r'
}

# (7) one page: 200 with gzip, then 304, Khulasa and a bare Jetty serving its very bytes and header
# fields taking turns. Sets PAGE_FIG to the medians: Khulasa 200, Jetty 200, Khulasa 304, Jetty 304.
page_figures() { # path
    local path=$1 dir=$WORK/page port url ctype run our_tag bare_tag
    local ok=() ok_bare=() nm=() nm_bare=()
    mkdir -p "$dir"
    curl -sf "$KHULASA_URL$path" -o "$dir/plain"
    curl -sf -H 'Accept-Encoding: gzip' "$KHULASA_URL$path" -o "$dir/gzip"
    ctype=$(header_of "$KHULASA_URL$path" content-type)
    port=$(free_port)
    url=http://127.0.0.1:$port
    java -Xmx128m -cp "$CP" org.khulasa.bench.BareJetty "$port" "$path" "$dir/plain" "$dir/gzip" "$ctype" 60 \
        "Content-Security-Policy: $(header_of "$KHULASA_URL$path" content-security-policy)" \
        "Referrer-Policy: $(header_of "$KHULASA_URL$path" referrer-policy)" > "$WORK/bare-page.log" 2>&1 &
    PAGE_BARE_PID=$!
    await_serving "$url$path" "$PAGE_BARE_PID" "$WORK/bare-page.log"
    same_gzip "$url$path" "$dir/gzip" "bare Jetty does not serve the page's gzip bytes"
    our_tag=$(etag_of "$KHULASA_URL$path")
    bare_tag=$(etag_of "$url$path")
    [ "$(status_of -H "If-None-Match: $our_tag" "$KHULASA_URL$path")" = 304 ] || { echo "Khulasa did not answer 304 for $path" >&2; exit 1; }
    [ "$(status_of -H "If-None-Match: $bare_tag" "$url$path")" = 304 ] || { echo "bare Jetty did not answer 304 for $path" >&2; exit 1; }
    wrk -t$THREADS -c$CONNECTIONS -d$WARMUP -H 'Accept-Encoding: gzip' "$KHULASA_URL$path" >/dev/null
    wrk -t$THREADS -c$CONNECTIONS -d$WARMUP -H 'Accept-Encoding: gzip' "$url$path" >/dev/null
    for run in $(seq $RUNS); do
        ok+=("$(wrk_run "$KHULASA_URL$path" -H 'Accept-Encoding: gzip')")
        ok_bare+=("$(wrk_run "$url$path" -H 'Accept-Encoding: gzip')")
        nm+=("$(wrk_run "$KHULASA_URL$path" -H 'Accept-Encoding: gzip' -H "If-None-Match: $our_tag")")
        nm_bare+=("$(wrk_run "$url$path" -H 'Accept-Encoding: gzip' -H "If-None-Match: $bare_tag")")
        log "   (7) $path run $run: 200 Khulasa ${ok[-1]}/s, bare Jetty ${ok_bare[-1]}/s; 304 Khulasa ${nm[-1]}/s, bare Jetty ${nm_bare[-1]}/s"
    done
    kill "$PAGE_BARE_PID" 2>/dev/null || true; wait "$PAGE_BARE_PID" 2>/dev/null || true; PAGE_BARE_PID=
    PAGE_FIG=("$(printf '%s\n' "${ok[@]}" | median)" "$(printf '%s\n' "${ok_bare[@]}" | median)" \
              "$(printf '%s\n' "${nm[@]}" | median)" "$(printf '%s\n' "${nm_bare[@]}" | median)")
}

etag_of() { curl -sf -o /dev/null -D - -H 'Accept-Encoding: gzip' "$1" | awk 'tolower($1) == "etag:" {print $2}' | tr -d '\r'; }
status_of() { curl -s -o /dev/null -w '%{http_code}' -H 'Accept-Encoding: gzip' "$@"; }

mkdir -p "$DATA"
TABLE=$WORK/table
: > "$TABLE"
for label in ${SIZES//,/ }; do
    size=$(to_count "$label")
    : > "$WORK/wrk-errors"
    log "== $size articles: filling (or reusing) bench-data/archive-$size.db"
    fill=$(java -Xmx1g -cp "$CP" org.khulasa.bench.ArchiveFiller "$DATA/archive-$size.db" "$size" | tail -1)
    fill_s=$(sed -E 's/fill_seconds=([0-9]+).*/\1/' <<<"$fill")
    db_mb=$(( $(stat -c %s "$DATA/archive-$size.db") / 1000000 ))
    log "   $fill, $db_mb MB"

    # (3) in-process first, while no server runs: wall and CPU time of one render + gzip.
    render=$(java -Xmx128m -cp "$CP" org.khulasa.bench.RenderBench "$DATA/archive-$size.db" $MISS_SAMPLES 2>/dev/null | tail -1)
    eval "$render"   # rss_wall_p50 … atom_cpu_p99
    log "   (3) in-process: $render"

    start_khulasa "$size"
    log "   Khulasa up in $STARTUP_MS ms (first feed answered at $FIRST_FEED_MS ms), pid $KHULASA_PID"
    start_nginx
    feed_kb=$(( $(stat -c %s "$WORK/www$FEED") / 1000 ))
    gz_kb=$(( $(stat -c %s "$WORK/www$FEED.gz") / 1000 ))
    log "   nginx up on $NGINX_URL; feed $feed_kb KB, gzip $gz_kb KB"
    start_bare
    log "   bare Jetty up on $BARE_URL"

    # Warm-up, not counted: the JIT compiles the serving path before anything is quoted.
    wrk -t$THREADS -c$CONNECTIONS -d$WARMUP -H 'Accept-Encoding: gzip' "$KHULASA_URL$FEED" >/dev/null
    wrk -t$THREADS -c$CONNECTIONS -d$WARMUP -H 'Accept-Encoding: gzip' "$NGINX_URL$FEED" >/dev/null
    wrk -t$THREADS -c$CONNECTIONS -d$WARMUP -H 'Accept-Encoding: gzip' "$BARE_URL$FEED" >/dev/null

    # (1) changed feed: full gzip body; (6) resident memory meanwhile.
    start_rss_sampler "$KHULASA_PID" "$WORK/rss-$size"
    ours=() theirs=() floor=()
    for run in $(seq $RUNS); do
        ours+=("$(wrk_run "$KHULASA_URL$FEED" -H 'Accept-Encoding: gzip')")
        floor+=("$(wrk_run "$BARE_URL$FEED" -H 'Accept-Encoding: gzip')")
        theirs+=("$(wrk_run "$NGINX_URL$FEED" -H 'Accept-Encoding: gzip')")
        log "   (1) run $run: Khulasa ${ours[-1]}/s, bare Jetty ${floor[-1]}/s, nginx ${theirs[-1]}/s"
    done
    kill "$SAMPLER_PID" 2>/dev/null || true; wait "$SAMPLER_PID" 2>/dev/null || true; SAMPLER_PID=
    poll_ours=$(printf '%s\n' "${ours[@]}" | median)
    poll_bare=$(printf '%s\n' "${floor[@]}" | median)
    poll_nginx=$(printf '%s\n' "${theirs[@]}" | median)
    rss_mb=$(( $(cat "$WORK/rss-$size" 2>/dev/null || echo 0) / 1024 ))

    # (2) nothing changed: If-None-Match with each server's own ETag answers 304.
    our_tag=$(etag_of "$KHULASA_URL$FEED")
    nginx_tag=$(etag_of "$NGINX_URL$FEED")
    bare_tag=$(etag_of "$BARE_URL$FEED")
    [ "$(status_of -H "If-None-Match: $our_tag" "$KHULASA_URL$FEED")" = 304 ] || { echo "Khulasa did not answer 304" >&2; exit 1; }
    [ "$(status_of -H "If-None-Match: $nginx_tag" "$NGINX_URL$FEED")" = 304 ] || { echo "nginx did not answer 304" >&2; exit 1; }
    [ "$(status_of -H "If-None-Match: $bare_tag" "$BARE_URL$FEED")" = 304 ] || { echo "bare Jetty did not answer 304" >&2; exit 1; }
    ours=() theirs=() floor=()
    for run in $(seq $RUNS); do
        ours+=("$(wrk_run "$KHULASA_URL$FEED" -H 'Accept-Encoding: gzip' -H "If-None-Match: $our_tag")")
        floor+=("$(wrk_run "$BARE_URL$FEED" -H 'Accept-Encoding: gzip' -H "If-None-Match: $bare_tag")")
        theirs+=("$(wrk_run "$NGINX_URL$FEED" -H 'Accept-Encoding: gzip' -H "If-None-Match: $nginx_tag")")
        log "   (2) run $run: Khulasa ${ours[-1]}/s, bare Jetty ${floor[-1]}/s, nginx ${theirs[-1]}/s"
    done
    nm_ours=$(printf '%s\n' "${ours[@]}" | median)
    nm_bare=$(printf '%s\n' "${floor[@]}" | median)
    nm_nginx=$(printf '%s\n' "${theirs[@]}" | median)

    # (7) pages, cached like feeds: the newest article's page and the home page.
    article_id=$(curl -sf "$KHULASA_URL/api/articles?limit=1" | python3 -c 'import json, sys; print(json.load(sys.stdin)[0]["id"])')
    page_figures "/articles/$article_id"
    page_article=$(IFS='|'; echo "${PAGE_FIG[*]}")
    page_figures "/"
    page_home=$(IFS='|'; echo "${PAGE_FIG[*]}")

    # (3) cache miss, over HTTP right after a PUT of an article in the feed.
    miss=$(java -cp "$CP" org.khulasa.bench.HttpBench miss "$KHULASA_URL" "$TOKEN" "$size" $MISS_SAMPLES $RUNS | tail -1)
    eval "$miss"   # rss_p50 rss_p99 atom_p50 atom_p99
    log "   (3) $miss"

    # (4) ingest: 4 editors, then 1, each run a bounded number of POSTs.
    eval "$(java -cp "$CP" org.khulasa.bench.HttpBench ingest "$KHULASA_URL" "$TOKEN" "$size" 4 $INGEST_4 $RUNS | tail -1)"
    ingest4=$rate; ingest4_errors=$errors
    eval "$(java -cp "$CP" org.khulasa.bench.HttpBench ingest "$KHULASA_URL" "$TOKEN" "$size" 1 $INGEST_1 $RUNS | tail -1)"
    ingest1=$rate; ingest1_errors=$errors
    log "   (4) 4 editors $ingest4/s ($ingest4_errors errors), 1 editor $ingest1/s ($ingest1_errors errors)"

    oom=$(grep -c -E 'OutOfMemoryError|Exception' "$WORK/khulasa-$size.log" || true)
    hwm_mb=$(( $(awk '/^VmHWM/ {print $2}' /proc/$KHULASA_PID/status) / 1024 ))
    stop_all
    # The ingested articles go again, so the next run finds the archive at its size.
    java -cp "$CP" org.khulasa.bench.ArchiveFiller "$DATA/archive-$size.db" "$size" >/dev/null
    werr=$(sed "s|$KHULASA_URL|Khulasa|; s|$NGINX_URL|nginx|; s|$BARE_URL|bare Jetty|" "$WORK/wrk-errors" | tr '\n' ' ')
    printf '%s\n' "$label|$size|$fill_s|$db_mb|$feed_kb|$gz_kb|$poll_ours|$poll_nginx|$nm_ours|$nm_nginx|$rss_p50|$rss_p99|$atom_p50|$atom_p99|$ingest4|$ingest1|$((ingest4_errors + ingest1_errors))|$STARTUP_MS|$FIRST_FEED_MS|$rss_mb|$hwm_mb|$oom|${werr:- none}|$rss_cpu_p50|$rss_cpu_p99|$atom_cpu_p50|$atom_cpu_p99|$rss_wall_p50|$atom_wall_p50|$poll_bare|$nm_bare|$page_article|$page_home" >> "$TABLE"
done

# ---- the table -----------------------------------------------------------------------------------
echo
echo "Khulasa beside bare Jetty and nginx: $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), wrk -t$THREADS -c$CONNECTIONS -d$DURATION, median of $RUNS runs, the three alternating"
echo
echo "| archive | fill | DB | (1) changed feed, gzip: Khulasa / bare Jetty / nginx req/s | Khulasa ÷ Jetty; ÷ nginx | (2) 304: Khulasa / bare Jetty / nginx req/s | Khulasa ÷ Jetty; ÷ nginx | (3) miss over HTTP, RSS p50 / p99 ms | Atom p50 / p99 ms | (3) in-process CPU ms, RSS p50 / p99; Atom p50 / p99 (wall p50 RSS; Atom) | (4) ingest, 4 editors /s | (4) 1 editor /s | (6) start-up to /health, to first feed | (6) RSS peak under (1), VmHWM | (7) article page, gzip 200: Khulasa / bare Jetty req/s (÷ Jetty); 304 | (7) home page, gzip 200: Khulasa / bare Jetty req/s (÷ Jetty); 304 | errors |"
echo "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |"
while IFS='|' read -r label size fill_s db_mb feed_kb gz_kb po pn no nn rp50 rp99 ap50 ap99 i4 i1 ierr st ff rss hwm oom werr rc50 rc99 ac50 ac99 rw50 aw50 pb nb ao ab ano anb ho hb hno hnb; do
    printf '| %s | %s s | %s MB | %.0f / %.0f / %.0f (feed %s KB, gzip %s KB) | **%s**; %s | %.0f / %.0f / %.0f | **%s**; %s | %s / %s | %s / %s | %s / %s; %s / %s (%s; %s) | %s | %s | %s ms, %s ms | %s MB, %s MB | %.0f / %.0f (**%s**); %.0f / %.0f (**%s**) | %.0f / %.0f (**%s**); %.0f / %.0f (**%s**) | ingest %s; log exceptions %s; wrk%s |\n' \
        "$label" "$fill_s" "$db_mb" "$po" "$pb" "$pn" "$feed_kb" "$gz_kb" "$(ratio "$po" "$pb")" "$(ratio "$po" "$pn")" \
        "$no" "$nb" "$nn" "$(ratio "$no" "$nb")" "$(ratio "$no" "$nn")" \
        "$rp50" "$rp99" "$ap50" "$ap99" "$rc50" "$rc99" "$ac50" "$ac99" "$rw50" "$aw50" "$i4" "$i1" "$st" "$ff" "$rss" "$hwm" \
        "$ao" "$ab" "$(ratio "$ao" "$ab")" "$ano" "$anb" "$(ratio "$ano" "$anb")" \
        "$ho" "$hb" "$(ratio "$ho" "$hb")" "$hno" "$hnb" "$(ratio "$hno" "$hnb")" "$ierr" "$oom" "$werr"
done < "$TABLE"
echo
first=$(head -1 "$TABLE"); last=$(tail -1 "$TABLE")
if [ "$first" != "$last" ]; then
    IFS='|' read -r l0 _ _ _ _ _ po0 pn0 no0 nn0 rp0 _ ap0 _ i40 _ _ _ _ _ _ _ _ rc0 _ ac0 _ <<<"$first"
    IFS='|' read -r l1 _ _ _ _ _ po1 pn1 no1 nn1 rp1 _ ap1 _ i41 _ _ _ _ _ _ _ _ rc1 _ ac1 _ <<<"$last"
    echo "(5) scale, $l1 against $l0 (goal: none worse than 1.5x):"
    echo "    (1) ratio $(ratio "$(ratio "$po0" "$pn0")" "$(ratio "$po1" "$pn1")")x worse; (2) ratio $(ratio "$(ratio "$no0" "$nn0")" "$(ratio "$no1" "$nn1")")x worse;" \
         "(3) RSS miss median $(ratio "$rp1" "$rp0")x, Atom $(ratio "$ap1" "$ap0")x (in-process CPU: RSS $(ratio "$rc1" "$rc0")x, Atom $(ratio "$ac1" "$ac0")x); (4) ingest $(ratio "$i40" "$i41")x worse"
fi
