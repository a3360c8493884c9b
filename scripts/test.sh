#!/usr/bin/env bash
# Installs what is needed, builds, and runs every test.
# Usage: scripts/test.sh [--sanitize]   (--sanitize: AddressSanitizer + UBSan build in build-asan)
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
# The dashboard's packages (vite, echarts, playwright-core) for its build and
# browser tests; the CMake target `web` then writes web/dist.
if command -v npm >/dev/null && [[ ! web/node_modules/.package-lock.json -nt web/package-lock.json ]]; then
  (cd web && npm ci --no-audit --no-fund)
fi
if [[ "${1:-}" == "--sanitize" ]]; then
  dir=build-asan
  scripts/build.sh "$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DDYAD_SANITIZE=ON -DDYAD_BUILD_BENCH=OFF
  export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
  export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
else
  dir=build
  scripts/build.sh "$dir"
fi
ctest --test-dir "$dir" --output-on-failure -j"$(nproc)"
