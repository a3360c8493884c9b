#!/usr/bin/env bash
# Retrains the POS tagger model data/models/pos_tagger_ewt.bin from UD English
# EWT (never PUD: that is the held-out test), the festival WSJ POS lexicon and
# WordNet 3.0 word classes.
# Deterministic: the same inputs give a byte-identical model.
#
# Needs: ../shared (or $DYAD_SHARED) with data/ud, and the Debian packages
# festlex-poslex and wordnet-base. Takes about 15 s of training. Usage: scripts/train_tagger.sh [build-dir]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${1:-$root/build-tagger}"
shared="${DYAD_SHARED:-$root/../shared}"
ud="$shared/data/ud"
lexicon=/usr/share/festival/dicts/wsj.wp39.poslexR
wordnet=/usr/share/wordnet
for f in "$ud/ewt_tokens/en-ud-train.upos.tsv" "$ud/en_ewt-ud-dev.conllu" \
         "$ud/en_ewt-ud-test.conllu" "$lexicon" "$wordnet/index.verb"; do
  [[ -r "$f" ]] || { echo "missing $f" >&2; exit 1; }
done
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release -DDYAD_BUILD_BENCH=OFF >/dev/null
cmake --build "$build" -j2 --target dyad_train_tagger
"$build/src/text/dyad_train_tagger" \
  --out "$root/data/models/pos_tagger_ewt.bin" \
  --lexicon "$lexicon" \
  --wordnet "$wordnet" \
  --legacy "$ud/ewt_tokens/en-ud-train.upos.tsv" \
  --train "$ud/en_ewt-ud-dev.conllu" \
  --train "$ud/en_ewt-ud-test.conllu" \
  --dev "$ud/en_pud-ud-test.conllu" `# reported only, never trained on` \
  --epochs 10 --seed 20171029
