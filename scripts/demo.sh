#!/usr/bin/env bash
# The main job on a fresh Debian 12 machine: install what is needed, build,
# and run dyad on the bundled sample corpus (data/sample).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh build
dyad=build/src/cli/dyad
out=build/sample.text.jsonl
echo "== dyad text data/sample → $out"
"$dyad" text data/sample --quiet > "$out"
python3 - "$out" <<'PY' 2>/dev/null || "$dyad" text data/sample --quiet | head -c 2000
import json, sys
docs = [json.loads(l) for l in open(sys.argv[1])]
sents = sum(len(d["sentences"]) for d in docs)
toks = sum(len(s["tokens"]) for d in docs for s in d["sentences"])
print(f"{len(docs)} documents, {sents} sentences, {toks} tokens")
d = docs[0]
print(f"first document: {d['id']} ({d['date']}): {d['title']}")
for s in d["sentences"][:2]:
    print("  " + s["text"])
    print("    " + " ".join(f"{t['text']}/{t['upos']}" for t in s["tokens"]))
PY
