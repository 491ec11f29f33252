#!/usr/bin/env bash
# --import-wordpress beside the editor API, on the same synthetic archive, at several sizes.
#
#   bench/import.sh [--sizes 10k,100k,1m] [--api-sizes 10k] [--jar PATH]
#
# --jar imports with another build (say, the code before a change, for a side-by-side run).
#
# Per size: writes bench-data/export-SIZE.xml with WxrGenerator (reused when there), imports it
# into a fresh SQLite database with `java -Xmx256m -jar target/khulasa.jar --import-wordpress`
# (wall time, CPU time and peak RSS from /usr/bin/time, each phase's end from the progress lines,
# and the CPU time the hypervisor gave to other machines meanwhile, "steal" in /proc/stat), then for
# the --api-sizes posts the same archive through POST /api/articles from 4 editors
# (ArchivePoster) to a fresh server (-Xmx256m). Everything it started is stopped on exit.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
SIZES=10k,100k
API_SIZES=10k
JAR=
while [ $# -gt 0 ]; do
    case "$1" in
        --sizes) SIZES=$2; shift 2 ;;
        --api-sizes) API_SIZES=$2; shift 2 ;;
        --jar) JAR=$(realpath "$2"); shift 2 ;;
        *) echo "usage: bench/import.sh [--sizes 10k,100k,1m] [--api-sizes 10k] [--jar PATH]" >&2; exit 2 ;;
    esac
done
DATA=$ROOT/bench-data
WORK=$(mktemp -d /tmp/khulasa-import-bench.XXXXXX)
SERVER_PID=
trap '[ -n "$SERVER_PID" ] && kill $SERVER_PID 2>/dev/null; rm -rf "$WORK"' EXIT
number() { case "$1" in *k) echo $(( ${1%k} * 1000 )) ;; *m) echo $(( ${1%m} * 1000000 )) ;; *) echo "$1" ;; esac; }
free_port() { python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])'; }

mkdir -p "$DATA"
mvn -q -o package -DskipTests
mvn -q -o test-compile
mvn -q -o dependency:build-classpath -Dmdep.outputFile="$WORK/cp.txt" >/dev/null
CP="$ROOT/target/test-classes:$ROOT/target/classes:$(cat "$WORK/cp.txt")"
JAR=${JAR:-$ROOT/target/khulasa.jar}

# Steal is this VM's CPU time taken by its host (all cores, seconds): a run with much of it
# measured the host's load as well as the build.
steal() { awk '/^cpu / { print $9 }' /proc/stat; }
echo "| posts in the export | articles | import: read images / posts in / words indexed / index read / lists chosen (s) | total | posts/s | CPU used | stolen | peak RSS |"
echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- |"
for size in ${SIZES//,/ }; do
    n=$(number "$size")
    export_file=$DATA/export-$size.xml
    [ -f "$export_file" ] || java -cp "$CP" org.khulasa.bench.WxrGenerator "$n" "$export_file"
    rm -rf "$WORK/import-$size"; mkdir -p "$WORK/import-$size"
    stolen_before=$(steal)
    KHULASA_DATA=$WORK/import-$size /usr/bin/time -v java -Xmx256m -jar "$JAR" \
        --import-wordpress "$export_file" > "$WORK/import-$size.out" 2> "$WORK/import-$size.err"
    stolen=$(awk "BEGIN { printf \"%.1f\", ($(steal) - $stolen_before) / $(getconf CLK_TCK) }")
    out=$WORK/import-$size.out
    # A phase the build does not run shows as "–" (builds before 12-2026 indexed words in a phase of
    # their own and read no index before the lists; newer ones index words as they write posts, and
    # since 3 December read no images before the posts).
    phase() { grep "^$1: .*(100%)" "$out" | tail -1 | sed 's/.*, \([0-9]*\) s$/\1/' | grep . || echo "–"; }
    articles=$(grep -o 'Imported [0-9,]* articles' "$out" | tr -dc 0-9)
    wall=$(grep 'Elapsed (wall clock)' "$WORK/import-$size.err" | awk '{print $NF}')
    seconds=$(echo "$wall" | awk -F: '{ if (NF == 3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
    rss=$(grep 'Maximum resident' "$WORK/import-$size.err" | awk '{print int($NF/1024)}')
    cpu=$(grep -E '(User|System) time \(seconds\)' "$WORK/import-$size.err" | awk '{ s += $NF } END { printf "%.1f", s }')
    echo "| $n | $articles | $(phase 'reading images') / $(phase 'importing posts') / $(phase 'indexing words') / $(phase 'reading the word index') / $(phase 'choosing related articles') | ${seconds} s | $(awk "BEGIN{printf \"%.0f\", $articles/$seconds}") | ${cpu} s | ${stolen} s | ${rss} MB |"
done

for size in ${API_SIZES//,/ }; do
    n=$(number "$size")
    port=$(free_port)
    mkdir -p "$WORK/api-$size"
    KHULASA_DATA=$WORK/api-$size KHULASA_PORT=$port KHULASA_EDITOR_TOKENS=bench-token \
        java -Xmx256m -jar target/khulasa.jar > "$WORK/api-$size.log" 2>&1 &
    SERVER_PID=$!
    for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.5; done
    echo "API, $n posts' archive: $(java -cp "$CP" org.khulasa.bench.ArchivePoster "http://127.0.0.1:$port" bench-token "$n" 4 2>/dev/null)"
    kill $SERVER_PID; wait $SERVER_PID 2>/dev/null || true; SERVER_PID=
done
