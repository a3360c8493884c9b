#!/usr/bin/env bash
# The main job on a fresh Debian 12 machine: install what is needed, build,
# code and store the bundled sample corpus (data/sample) in the default
# database (dyad.db), print a short relations summary, and serve the
# dashboard on it.
# Usage: scripts/demo.sh [--no-serve]   (DYAD_PORT picks the port, default 8080)
set -euo pipefail
cd "$(dirname "$0")/.."
serve=1
for arg in "$@"; do
  case "$arg" in
    --no-serve) serve=0 ;;
    *) echo "demo: unknown option $arg" >&2; exit 2 ;;
  esac
done
scripts/setup.sh
# The dashboard's packages (vite, echarts); the build then writes web/dist.
if command -v npm >/dev/null && [[ ! web/node_modules/.package-lock.json -nt web/package-lock.json ]]; then
  (cd web && npm ci --no-audit --no-fund)
fi
scripts/build.sh build
dyad=build/src/cli/dyad
db=dyad.db

echo "== dyad explain: one sentence, how it is coded"
"$dyad" explain "Seoul said Pyongyang fired a ballistic missile toward Japan on Sunday." --date 2024-10-07 | tail -4

echo "== dyad ingest data/sample --db $db   (code, merge reports, store; doc/store.md)"
"$dyad" ingest data/sample --db "$db" --quiet || true
sqlite3 "$db" "select count(*) || ' documents, ' from documents" \
              "select count(*) || ' coded events in ' from events" \
              "select count(*) || ' merged events; ' from event_groups" \
              "select count(distinct cluster_id) || ' stories after near-duplicate clustering' from documents" | tr -d '\n'
echo

echo "== dyad relations PRK --partners   (which way is North Korea leaning?)"
"$dyad" relations PRK --partners --limit 5 --db "$db"
echo
echo "== dyad relations PRK RUS --by year"
"$dyad" relations PRK RUS --by year --db "$db"
echo
echo "== dyad relations --shifts   (the dyads that moved most)"
"$dyad" relations --shifts --by year --min-events 2 --limit 5 --db "$db" || true

if [[ $serve == 1 ]]; then
  port="${DYAD_PORT:-8080}"
  echo
  echo "== dyad serve --db $db: the dashboard is at http://127.0.0.1:$port/  (Ctrl-C stops it)"
  exec "$dyad" serve --db "$db" --port "$port"
fi
