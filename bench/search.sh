#!/bin/sh
# Site search: time ArticleStore.search for words of every frequency on synthetic archives.
# Usage: bench/search.sh [sizes…]   (default: 10000 100000; add 1000000 for the big one)
# Archives are bench-data/archive-SIZE.db, shared with bench/run.sh and reused by the next run.
# With SEARCH_BENCH_PG=jdbc:postgresql://HOST:PORT/DB?user=… each is also copied to PostgreSQL and timed there.
set -e
cd "$(dirname "$0")/.."
mvn -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
exec java -Xmx1g -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
    org.khulasa.bench.SearchBench "$@"
