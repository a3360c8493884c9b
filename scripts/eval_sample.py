#!/usr/bin/env python3
"""Scores `dyad code` on the bundled sample against data/sample/expected.md.

Usage: scripts/eval_sample.py [path/to/dyad] [--misses]

For every expected line "SOURCE → TARGET · root · modality" of an article, an
event counts as found ("loose") when the article's coded events hold one with
the same source, target (or any target when the line has none) and CAMEO root;
"strict" also needs the modality (planned = future, conditional =
hypothetical, denied = alleged). Organisations are named as in expected.md
(EU, NATO, UN, HAMAS). Prints the counts and, with --misses, what was missed.
"""
import glob
import json
import os
import re
import subprocess
import sys
from collections import defaultdict

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MODALITY = {"asserted": "asserted", "alleged": "alleged", "denied": "alleged",
            "conditional": "hypothetical", "planned": "future",
            "negated": "negated", "historical": "historical"}


def expected_events():
    out, current = defaultdict(list), None
    with open(os.path.join(ROOT, "data/sample/expected.md"), encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            m = re.match(r"\*\*(\S+\.txt)\*\*", line)
            if m:
                current = m.group(1)
                continue
            m = re.match(r"- (\S+) → (\S+) · (\d\d) [^·]*· (\w+)", line)
            if m and current:
                out[current].append(m.groups())
    return out


def article_ids():
    ids = {}
    for path in glob.glob(os.path.join(ROOT, "data/sample/*.txt")):
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.startswith("Id:"):
                    ids[line.split(":", 1)[1].strip()] = os.path.basename(path)
                    break
    return ids


def actor_name(a):
    if a is None:
        return "-"
    code = a["code"]
    for prefix, name in (("IGOEUR", "EU"), ("IGOWSTNAT", "NATO"), ("IGOUNO", "UN")):
        if code.startswith(prefix):
            return name
    if "HMS" in code or code == "PSEREB":
        return "HAMAS"
    return a["country"][:3] if a["country"] else code[:3]


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    dyad = args[0] if args else os.path.join(ROOT, "build/src/cli/dyad")
    coded = subprocess.run([dyad, "code", os.path.join(ROOT, "data/sample"), "-q"],
                           capture_output=True, text=True, check=True).stdout
    ids, got = article_ids(), defaultdict(list)
    for line in coded.splitlines():
        e = json.loads(line)
        got[ids.get(e["doc_id"], e["doc_id"])].append(
            (actor_name(e["source"]), actor_name(e["target"]), e["code"][:2], e["modality"]))
    expected = expected_events()
    total = loose = strict = 0
    misses = []
    for doc in sorted(expected):
        for source, target, root, modality in expected[doc]:
            total += 1
            hits = [g for g in got.get(doc, []) if g[0] == source and
                    (g[1] == target or target == "-") and g[2] == root]
            loose += bool(hits)
            strict += any(g[3] == MODALITY.get(modality, modality) for g in hits)
            if not hits:
                misses.append(f"{doc}: {source} → {target} · {root} · {modality}")
    events = sum(len(v) for v in got.values())
    print(f"expected {total}  found {loose} (with modality {strict})  coded events {events}")
    if "--misses" in sys.argv:
        print("\n".join(misses))


if __name__ == "__main__":
    main()
