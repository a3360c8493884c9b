#!/usr/bin/env bash
# The main job on a fresh Debian 12 machine: install what is needed, build,
# and code the bundled sample corpus (data/sample) into events.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh build
dyad=build/src/cli/dyad
out=build/sample.events.jsonl
echo "== dyad code data/sample > $out"
"$dyad" code data/sample --quiet > "$out"
echo "$(wc -l < "$out") events from $(ls data/sample/*.txt | wc -l) articles"
echo "== events by dyad (source country → target country, CAMEO root)"
python3 - "$out" <<'PY'
import collections, json, sys
events = [json.loads(l) for l in open(sys.argv[1])]
dyads = collections.Counter()
for e in events:
    t = e["target"]["country"] if e["target"] else "-"
    dyads[(e["source"]["country"], t)] += 1
for (s, t), n in dyads.most_common(12):
    print(f"  {s:>4} → {t:<4} {n}")
print("== a few events with their evidence")
for e in events[:6]:
    t = e["target"]["code"] if e["target"] else "-"
    print(f"  {e['date']} {e['source']['code']} → {t} {e['code']} {e['plover']} "
          f"({e['modality']}): \"{e['trigger']['text']}\" in: {e['sentence'][:90]}")
PY
echo "== explain one sentence"
"$dyad" explain "Seoul said Pyongyang fired a ballistic missile toward Japan on Sunday." --date 2024-10-07 | tail -6
echo "== dyad ingest data/sample --db build/sample.db (SQLite, doc/store.md)"
rm -f build/sample.db build/sample.db-wal build/sample.db-shm
"$dyad" ingest data/sample --db build/sample.db --quiet || true
"$dyad" ingest data/sample --db build/sample.db --quiet || true   # again: nothing changes
sqlite3 -header -column build/sample.db \
  "select source_country as source, target_country as target, count(*) as events,
          round(sum(goldstein), 1) as goldstein
     from events where target_country is not null and target_country != ''
    group by 1, 2 order by 3 desc limit 8"
