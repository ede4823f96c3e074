#!/usr/bin/env bash
# The Gantt page of a 5,000-task plan in Chromium, side by side with Frappe Gantt given the same tasks
# (see GanttBench): time until drawn, frame times while scrolling. Needs Chromium (/usr/bin/chromium or
# PLANWRIGHT_CHROMIUM) and fetches Frappe Gantt 1.2.2 from the npm registry into target/.
#   bench/gantt-compare.sh [--tasks N] [--runs R]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q install -DskipTests -pl core,formats,bench,server -am
mvn -B -q test-compile -pl server
mvn -B -q org.apache.maven.plugins:maven-dependency-plugin:3.11.0:build-classpath -pl server \
    -Dmdep.includeScope=test -Dmdep.outputFile=target/server-load.classpath
FRAPPE=target/frappe-gantt-1.2.2
if [ ! -f "$FRAPPE/package/dist/frappe-gantt.umd.js" ]; then
  mkdir -p "$FRAPPE"
  curl -sfL -o "$FRAPPE/frappe-gantt.tgz" https://registry.npmjs.org/frappe-gantt/-/frappe-gantt-1.2.2.tgz
  tar xzf "$FRAPPE/frappe-gantt.tgz" -C "$FRAPPE"
fi
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
exec java -Xmx2g -cp "server/target/test-classes:server/target/classes:$(cat server/target/server-load.classpath)" \
    io.planwright.server.browser.GanttBench "$FRAPPE/package/dist" "$@"
