#!/usr/bin/env bash
# Every test: unit, store adapters against real PostgreSQL, the conformance suite over each
# transport, and the browser tests. The README's test command.
set -euo pipefail
cd "$(dirname "$0")"
exec mvn -B verify "$@"
