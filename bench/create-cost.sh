#!/usr/bin/env bash
# The CPU one create costs the server, in process (CreateBench), for this tree and optionally a
# build from another commit, taking turns on fresh copies of the same archive.
#
#   bench/create-cost.sh [--sizes 10k,100k] [--rounds 3] [--samples 300] [--warmup 100] [--against REF]
#
# Needs bench-data/archive-SIZE.db (bench/run.sh fills them). --against REF builds REF's tree
# (git archive) in bench-data/build-REF with this tree's CreateBench, so that two builds are
# compared in the same minutes; every row carries the load average it was measured under.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
SIZES=10k,100k; ROUNDS=3; SAMPLES=300; WARMUP=100; AGAINST=
while [ $# -gt 0 ]; do
    case "$1" in
        --sizes) SIZES=$2; shift 2 ;;
        --rounds) ROUNDS=$2; shift 2 ;;
        --samples) SAMPLES=$2; shift 2 ;;
        --warmup) WARMUP=$2; shift 2 ;;
        --against) AGAINST=$2; shift 2 ;;
        *) echo "usage: bench/create-cost.sh [--sizes 10k,100k] [--rounds N] [--samples N] [--warmup N] [--against REF]" >&2; exit 2 ;;
    esac
done
DATA=$ROOT/bench-data
to_count() {
    case "$1" in
        *k|*K) echo $(( ${1%?} * 1000 )) ;;
        *m|*M) echo $(( ${1%?} * 1000000 )) ;;
        *) echo "$1" ;;
    esac
}
build() { # dir
    (cd "$1" && mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test) >&2
}

trees=("this=$ROOT")
build "$ROOT"
if [ -n "$AGAINST" ]; then
    other=$DATA/build-$(echo "$AGAINST" | tr -c 'A-Za-z0-9._\n-' '_')
    rm -rf "$other" && mkdir -p "$other"
    git archive "$AGAINST" | tar -x -C "$other"
    cp src/test/java/org/khulasa/bench/CreateBench.java "$other/src/test/java/org/khulasa/bench/"
    build "$other"
    trees=("$AGAINST=$other" "${trees[@]}")
fi

scratch=$(mktemp -d "$DATA/create-cost.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
echo "| archive | build | when (UTC) | load average | CPU per create p50 / p99 / mean ms | wall p50 / p99 ms | links; lists checksum |"
echo "| ---: | --- | --- | ---: | ---: | ---: | --- |"
for label in ${SIZES//,/ }; do
    size=$(to_count "$label")
    [ -f "$DATA/archive-$size.db" ] || { echo "no $DATA/archive-$size.db: run bench/run.sh --sizes $label first" >&2; exit 1; }
    for round in $(seq 1 "$ROUNDS"); do
        for tree in "${trees[@]}"; do
            name=${tree%%=*}; dir=${tree#*=}
            cp "$DATA/archive-$size.db" "$scratch/archive.db"
            rm -f "$scratch/archive.db-wal" "$scratch/archive.db-shm"
            cp_=$dir/target/test-classes:$dir/target/classes:$(cat "$dir/target/bench.classpath")
            load=$(cut -d' ' -f1-3 /proc/loadavg)
            out=$(java -Xmx256m -cp "$cp_" org.khulasa.bench.CreateBench "$scratch/archive.db" "$size" "$WARMUP" "$SAMPLES" \
                2>"$scratch/err" | tail -1) || { cat "$scratch/err" >&2; exit 1; }
            eval "$out"
            printf '| %s | %s | %s | %s | %s / %s / %s | %s / %s | %s; %s |\n' "$label" "$name" "$(date -u +%H:%M)" \
                "$load" "$cpu_p50" "$cpu_p99" "$cpu_mean" "$wall_p50" "$wall_p99" "$links" "$lists"
        done
    done
done
