#!/usr/bin/env bash
# Every test: unit, store adapters against real PostgreSQL, the conformance suite over each
# transport, the browser tests, and the load generator's smoke run against both servers (so the
# Socket.IO peer's packages are installed first), then the examples. The README's test command.
set -euo pipefail
cd "$(dirname "$0")"
(cd bench/peer && npm ci --no-audit --no-fund --silent)
mvn -B install "$@"
# The examples, each built as a user builds it: from the installed artifacts, by their coordinates.
for example in embedded war spring-boot bot; do
  mvn -B -f "examples/$example/pom.xml" verify
done
