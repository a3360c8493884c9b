#!/usr/bin/env bash
# Builds a synthetic store of about 1 million events for the HTTP API
# benchmarks (doc/benchmarks.md): the sample articles coded by `dyad ingest`,
# then replicated REPLICAS times in SQL, in one transaction, each copy with
# new document ids and its dates shifted back by (copy mod 3650) days, so the
# events spread over ten years; event groups and the full-text index are
# rebuilt as the store keeps them (merge key date|source|target|code|modality).
# Usage: scripts/make_bench_db.sh OUT.db [REPLICAS]   (default 2420: ~1.0 M events)
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:?usage: scripts/make_bench_db.sh OUT.db [REPLICAS]}"
replicas="${2:-2420}"
dyad="${DYAD:-build/src/cli/dyad}"
rm -f "$out" "$out-wal" "$out-shm"
"$dyad" ingest --db "$out" data/sample --quiet
sqlite3 "$out" <<SQL
PRAGMA journal_mode=WAL;
PRAGMA synchronous=OFF;
PRAGMA cache_size=-1000000;
BEGIN;
CREATE TEMP TABLE copies(k INTEGER PRIMARY KEY);
WITH RECURSIVE c(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM c WHERE k < $replicas)
INSERT INTO copies SELECT k FROM c;
CREATE TEMP TABLE base_docs AS SELECT * FROM documents;
CREATE TEMP TABLE base_events AS SELECT * FROM events;
INSERT INTO documents (id, url, date, title, source, content_hash, text,
  ingested_at, origin, cluster_id, minhash)
SELECT d.id || '#' || c.k, d.url, date(d.date, '-' || (c.k % 3650) || ' days'),
  d.title, d.source, d.content_hash, d.text, d.ingested_at, d.origin,
  d.id || '#' || c.k, NULL
FROM base_docs d, copies c;
INSERT INTO events (doc_id, sentence_index, sentence_start, sentence_end,
  date, date_precision, date_rule, source_code, source_country, source_sector,
  source_text, source_start, source_end, target_code, target_country,
  target_sector, target_text, target_start, target_end, partners, code, root,
  quad_class, goldstein, plover, modality, modality_cue, attribution_code,
  attribution_country, attribution_text, rule, trigger_start, trigger_end,
  confidence)
SELECT e.doc_id || '#' || c.k, e.sentence_index, e.sentence_start,
  e.sentence_end, date(e.date, '-' || (c.k % 3650) || ' days'),
  e.date_precision, e.date_rule, e.source_code, e.source_country,
  e.source_sector, e.source_text, e.source_start, e.source_end, e.target_code,
  e.target_country, e.target_sector, e.target_text, e.target_start,
  e.target_end, e.partners, e.code, e.root, e.quad_class, e.goldstein,
  e.plover, e.modality, e.modality_cue, e.attribution_code,
  e.attribution_country, e.attribution_text, e.rule, e.trigger_start,
  e.trigger_end, e.confidence
FROM base_events e, copies c;
DELETE FROM event_groups;
INSERT INTO event_groups (merge_key, date, source_code, source_country,
  target_code, target_country, code, root, quad_class, goldstein, plover,
  modality, num_mentions, num_sources, num_articles, first_event_id)
SELECT COALESCE(e.date, '') || '|' || e.source_code || '|' ||
         COALESCE(e.target_code, '') || '|' || e.code || '|' || e.modality,
       e.date, e.source_code, e.source_country, e.target_code,
       e.target_country, e.code, e.root, e.quad_class, e.goldstein, e.plover,
       e.modality, COUNT(*), COUNT(DISTINCT COALESCE(d.source, '')),
       COUNT(DISTINCT COALESCE(d.cluster_id, d.id)), MIN(e.id)
FROM events e JOIN documents d ON d.id = e.doc_id
GROUP BY 1;
UPDATE events SET group_id = (
  SELECT g.id FROM event_groups g WHERE g.merge_key =
    COALESCE(events.date, '') || '|' || events.source_code || '|' ||
    COALESCE(events.target_code, '') || '|' || events.code || '|' ||
    events.modality);
DELETE FROM events_fts;
INSERT INTO events_fts (rowid, sentence)
SELECT e.id, CAST(substr(CAST(d.text AS BLOB), e.sentence_start + 1,
                         e.sentence_end - e.sentence_start) AS TEXT)
FROM events e JOIN documents d ON d.id = e.doc_id;
COMMIT;
PRAGMA wal_checkpoint(TRUNCATE);
SELECT 'documents', COUNT(*) FROM documents;
SELECT 'events', COUNT(*) FROM events;
SELECT 'event_groups', COUNT(*) FROM event_groups;
SQL
