#!/usr/bin/env bash
# Runs the dashboard's browser tests (node --test, playwright-core, Debian's
# chromium) against the real `dyad serve`. Called by CTest (browser_dashboard).
# Env: DYAD_BINARY (the dyad executable), DYAD_ARTIFACTS (screenshots dir),
# DYAD_CHROMIUM (default /usr/bin/chromium). Without node, chromium,
# web/node_modules or web/dist: exit 77 (CTest skip), or 1 when CI=true.
set -uo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
chromium="${DYAD_CHROMIUM:-/usr/bin/chromium}"
missing=()
if ! command -v node >/dev/null; then
  missing+=("node >= 20 (apt-get install nodejs)")
elif (( $(node -p 'process.versions.node.split(".")[0]') < 20 )); then
  missing+=("node >= 20 (this is $(node --version))")
fi
[[ -x "$chromium" ]] || missing+=("$chromium (apt-get install chromium)")
[[ -d "$root/web/node_modules/playwright-core" ]] || missing+=("web/node_modules (cd web && npm ci)")
[[ -f "$root/web/dist/index.html" ]] || missing+=("web/dist (cd web && npm run build, or build the CMake target 'web')")
[[ -n "${DYAD_BINARY:-}" && -x "${DYAD_BINARY:-}" ]] || missing+=("the dyad binary (DYAD_BINARY)")
if ((${#missing[@]})); then
  msg="browser tests need: ${missing[*]}; scripts/test.sh installs them"
  if [[ "${CI:-}" == "true" || "${CI:-}" == "1" ]]; then
    echo "FAIL: $msg" >&2
    exit 1
  fi
  echo "SKIP: $msg" >&2
  exit 77
fi
export DYAD_CHROMIUM="$chromium"
export DYAD_ARTIFACTS="${DYAD_ARTIFACTS:-$root/build/test-artifacts}"
mkdir -p "$DYAD_ARTIFACTS"
cd "$root"
exec node --test --test-reporter=spec tests/browser/dashboard.test.mjs
