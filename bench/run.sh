#!/usr/bin/env bash
# Runs one benchmark scenario and prints its tables (see bench/BENCHMARKS.md):
#   bench/run.sh fanout|rooms|idle|persistence|recovery [--name value ...]
# Builds the server and the generator when their jars are missing (BENCH_BUILD=1 rebuilds them),
# installs the Socket.IO peer's packages when they are missing, raises the file-descriptor limit,
# and runs the generator, which starts the servers on loopback ports and stops them at the end.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ $# -eq 0 ]; then
  echo "usage: bench/run.sh fanout|rooms|idle|persistence|recovery [--name value ...]" >&2
  exit 2
fi

# 10,000 connections need 10,000 descriptors in the server and as many in the generator.
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
if [ "$(ulimit -n)" != unlimited ] && [ "$(ulimit -n)" -lt 12000 ]; then
  echo "warning: ulimit -n is $(ulimit -n); the idle scenario needs about 10,100 descriptors per process" >&2
fi

if [ "${BENCH_BUILD:-0}" = 1 ] || [ ! -f app/target/jchat-app.jar ]; then
  mvn -q install -DskipTests -pl app -am
fi
if [ "${BENCH_BUILD:-0}" = 1 ] || [ ! -f bench/target/jchat-bench.jar ]; then
  mvn -q package -DskipTests -pl bench
fi
if [ ! -d bench/peer/node_modules ]; then
  (cd bench/peer && npm ci --no-audit --no-fund --loglevel=error)
fi

# The generator and the servers share this machine's cores with everything else that runs.
load=$(cut -d' ' -f1 /proc/loadavg)
if awk "BEGIN{exit !($load >= 1.5)}"; then
  echo "warning: load average is $load; other work on this machine will show in the figures" >&2
fi

# The server runs from a copy, so a rebuild of app/ during a run does not pull the jar from under it
# (unless --jar names another one).
mkdir -p bench/target/logs
jar=()
if [[ " $* " != *" --jar "* ]]; then
  cp app/target/jchat-app.jar bench/target/jchat-app-under-test.jar
  jar=(--jar bench/target/jchat-app-under-test.jar)
fi
exec java -Xmx2g -Dbench.logs=bench/target/logs -jar bench/target/jchat-bench.jar "$@" "${jar[@]}"
