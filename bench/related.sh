#!/bin/sh
# Related articles: time to choose one article's related list on synthetic archives.
# Usage: bench/related.sh [sizes…]   (default: 10000 100000; add 1000000 for the big one)
# Databases are kept in target/bench-related/ and reused by the next run; delete them to regenerate.
set -e
cd "$(dirname "$0")/.."
mvn -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
exec java -Xmx1g -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
    org.khulasa.bench.RelatedBench target/bench-related "$@"
