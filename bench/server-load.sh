#!/usr/bin/env bash
# The server's load test (see ServerLoad): starts its own server on localhost with a generated
# 10,000-task plan, on H2 and on an embedded PostgreSQL, and stops by itself.
#   bench/server-load.sh [--db h2|postgres|both] [--tasks N] [--clients N] [--seconds S] [--warmup S] [--think-ms MS]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q install -DskipTests -pl core,formats,bench,server -am
mvn -B -q org.apache.maven.plugins:maven-dependency-plugin:3.11.0:build-classpath -pl server \
    -Dmdep.includeScope=test -Dmdep.outputFile=target/server-load.classpath
exec java -Xmx2g -cp "server/target/test-classes:server/target/classes:$(cat server/target/server-load.classpath)" \
    io.planwright.server.ServerLoad "$@"
