#!/usr/bin/env bash
# Builds a store of about 1 million events for the HTTP API and dashboard
# benchmarks (doc/benchmarks.md) through the real pipeline: the sample
# articles, REPLICAS copies of each with new ids and their dates shifted back
# by (copy mod 3650) days so the events spread over ten years, written as
# JSON Lines and coded and stored by `dyad ingest` (groups, full-text index
# and near-duplicate clusters exactly as the store keeps them).
# Usage: scripts/make_bench_db.sh OUT.db [REPLICAS]   (default 2420: ~1.0 M events)
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:?usage: scripts/make_bench_db.sh OUT.db [REPLICAS]}"
replicas="${2:-2420}"
dyad="${DYAD:-build/src/cli/dyad}"
seed="$(mktemp -d)/seed.db"
trap 'rm -rf "$(dirname "$seed")"' EXIT
rm -f "$out" "$out-wal" "$out-shm"
"$dyad" ingest --db "$seed" data/sample --quiet
sqlite3 "$seed" "
WITH RECURSIVE copies(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM copies WHERE k < $replicas)
SELECT json_object('id', d.id || '#' || c.k,
                   'date', date(d.date, '-' || (c.k % 3650) || ' days'),
                   'title', d.title, 'url', d.url, 'source', d.source,
                   'text', d.text)
FROM copies c, documents d ORDER BY c.k, d.id" |
  "$dyad" ingest --db "$out" --format jsonl --quiet -
sqlite3 "$out" "SELECT 'documents', COUNT(*) FROM documents;
                SELECT 'events', COUNT(*) FROM events;
                SELECT 'event_groups', COUNT(*) FROM event_groups;"
