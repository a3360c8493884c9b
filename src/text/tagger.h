// Part-of-speech tagger: greedy left-to-right averaged perceptron over UPOS.
//
// The model (written by TaggerTrainer) is self-contained: hashed feature
// weights, a tag dictionary of frequent unambiguous words, and the festival
// POS-lexicon and WordNet word classes the features use (keyed by word-form
// hashes), so tagging reads no other file. Tagging costs no heap allocation
// for sentences up to 256 tokens and is bound by cache misses in the weight
// table, which it batches with prefetches.
#ifndef DYAD_TEXT_TAGGER_H_
#define DYAD_TEXT_TAGGER_H_

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "text/token.h"
#include "util/status.h"

namespace dyad {

// File name of the shipped model under DataDir()/models/.
inline constexpr char kDefaultTaggerModel[] = "pos_tagger_ewt.bin";

namespace tagger_internal {

// Maps 64-bit keys to dense indices with open addressing (linear probing).
// Key 0 is reserved for empty slots; callers never produce it (MixKey).
// Built once, then immutable and thread-safe.
class KeyIndex {
 public:
  static constexpr uint32_t kMissing = 0xffffffffu;
  KeyIndex() = default;
  // Index i is assigned to keys[i]. Keys must be distinct and non-zero.
  explicit KeyIndex(std::span<const uint64_t> keys);
  // Returns the index of `key`, or kMissing.
  uint32_t Find(uint64_t key) const {
    size_t slot = Slot(key);
    while (true) {
      const Entry& e = slots_[slot];
      if (e.key == key) return e.value;
      if (e.key == 0) return kMissing;
      slot = (slot + 1) & mask_;
    }
  }
  // Hints the cache that Find(key) follows soon.
  void Prefetch(uint64_t key) const { __builtin_prefetch(&slots_[Slot(key)]); }
  size_t size() const { return size_; }

 private:
  // Key and value share a cache line: one miss per look-up.
  struct Entry {
    uint64_t key;
    uint32_t value;
  };
  size_t Slot(uint64_t key) const { return (key >> 17 ^ key) & mask_; }
  std::vector<Entry> slots_ = std::vector<Entry>(1, Entry{0, 0});
  size_t mask_ = 0;
  size_t size_ = 0;
};

// Lexicon info for one word: the most likely Penn tag (index into the trainer's
// Penn tag table, kNoLexTag when unknown) and the bit set of possible tags.
struct LexEntry {
  static constexpr uint8_t kNoLexTag = 0xff;
  uint8_t top = kNoLexTag;
  uint64_t tags = 0;
};

// Everything a model file holds, in memory.
struct ModelData {
  std::vector<uint64_t> tagdict_keys;  // WordKey(form)
  std::vector<uint8_t> tagdict_tags;   // Upos values
  std::vector<uint64_t> lex_keys;      // WordKey(form) (case-sensitive)
  std::vector<LexEntry> lex_entries;
  std::vector<uint64_t> wordnet_keys;     // WordKey(lower-case form)
  std::vector<uint16_t> wordnet_classes;  // WordNetClass bits
  std::vector<uint64_t> feature_keys;  // sorted ascending
  std::vector<float> weights;          // kNumUpos per feature, row-major
};

// Serializes `model` to the versioned, zstd-compressed file format.
// Deterministic: equal models give equal bytes.
std::string SerializeModel(const ModelData& model);
// Parses bytes written by SerializeModel; CorruptionError when damaged.
Result<ModelData> ParseModel(std::string_view bytes, const std::string& name);

// Hash of a word's exact surface form (tag dictionary and lexicon key).
uint64_t WordKey(std::string_view word);

// Per-token hashes computed once per token and shared by all templates.
// Trivial type (no initialisers): the tagger keeps arrays of them as scratch.
struct WordInfo {
  uint64_t form;     // WordKey of the exact form
  uint64_t lower;    // WordKey of the ASCII lower-case form, 0 if no capitals
  uint64_t norm;     // lower case, digits folded to 0
  uint64_t suffix[4];
  uint64_t prefix1;
  uint64_t shape;
  uint64_t flags;    // capitalisation/hyphen/digit bits
  uint64_t lex_top;
  uint64_t lex_tags;
  uint64_t wn;       // WordNet class bits of the lower-case form
};

// Bits of ModelData::wordnet_classes: which WordNet entries and regular or
// listed inflections a lower-case form can be.
enum WordNetClass : uint16_t {
  kWnNoun = 1, kWnNounPlural = 2, kWnVerb = 4, kWnVerbS = 8, kWnVerbEd = 16,
  kWnVerbIng = 32, kWnAdj = 64, kWnAdjGraded = 128, kWnAdv = 256,
};

// Lexicon access needed to compute WordInfo.
class LexLookup {
 public:
  LexLookup(const KeyIndex* index, const std::vector<LexEntry>* entries,
            const KeyIndex* wn_index, const std::vector<uint16_t>* wn_classes)
      : index_(index),
        entries_(entries),
        wn_index_(wn_index),
        wn_classes_(wn_classes) {}
  // Sets info->lex_* (and the via-lower-case flag) from the exact form, else
  // the lower-case form, and info->wn. Needs info->form, lower and flags.
  void Apply(WordInfo* info) const;

 private:
  const KeyIndex* index_;
  const std::vector<LexEntry>* entries_;
  const KeyIndex* wn_index_;
  const std::vector<uint16_t>* wn_classes_;
};

// Fills every field of `info` for `word` at sentence position `pos` except
// the lexicon ones (see LexLookup::Apply). Split so that callers can prefetch
// the lexicon slots of a whole sentence between the two steps.
void ComputeWordHashes(std::string_view word, size_t pos, WordInfo* info);
// ComputeWordHashes + lex.Apply.
void ComputeWordInfo(std::string_view word, size_t pos, const LexLookup& lex,
                     WordInfo* info);
// WordInfo for the padding positions before/after a sentence.
WordInfo BoundaryInfo(bool before, int distance);

inline constexpr int kMaxStaticFeatures = 32;
inline constexpr int kMaxDynamicFeatures = 4;
// Writes the features of `ctx[0]` that do not depend on predicted tags; `ctx`
// points into an array padded with two BoundaryInfo entries on each side.
// Returns the number written (<= kMaxStaticFeatures).
int StaticFeatures(const WordInfo* ctx, uint64_t* out);
// Writes the features that depend on the previous two predicted tags
// (kNumUpos = sentence start). Returns the number (<= kMaxDynamicFeatures).
int DynamicFeatures(const WordInfo& w, int prev, int prev2, uint64_t* out);

}  // namespace tagger_internal

class Tagger {
 public:
  // Loads a model written by TaggerTrainer. NotFound when the file is
  // missing, Corruption when it is damaged or of another version.
  static Result<std::unique_ptr<Tagger>> Load(const std::string& path);
  // Loads DataPath("models/" kDefaultTaggerModel).
  static Result<std::unique_ptr<Tagger>> LoadDefault();
  // Builds a tagger from an in-memory model (used by the trainer).
  static std::unique_ptr<Tagger> FromModel(tagger_internal::ModelData model);

  // Tags `words` (token surface forms: NFC, ASCII quotes/apostrophes/dashes,
  // case as in the text) into `tags`, which must have the same size. Words
  // are one sentence. Thread-safe; allocates only for very long sentences.
  void Tag(std::span<const std::string_view> words, std::span<Upos> tags) const;

  size_t num_features() const { return features_.size(); }

 private:
  Tagger() = default;
  void TagChunk(std::span<const std::string_view> words, std::span<Upos> tags,
                tagger_internal::WordInfo* info) const;

  // One feature's class weights, quantised to int16 with scale_, in exactly
  // one cache line: scoring costs one miss per feature, and integer sums make
  // the argmax independent of summation order and platform.
  struct alignas(64) Row {
    int16_t w[32];
  };

  tagger_internal::ModelData model_;  // without keys and float weights
  std::vector<Row> rows_;
  tagger_internal::KeyIndex features_;
  tagger_internal::KeyIndex tagdict_;
  tagger_internal::KeyIndex lex_;
  tagger_internal::KeyIndex wordnet_;
};

// A sentence with gold tags, from a corpus file.
struct TaggedSentence {
  std::vector<std::string> words;
  std::vector<Upos> tags;
};

// Folds typographic quotes, apostrophes and dashes to ASCII, as the text
// stage does for Token::norm, so corpus tokens look like tagger input.
std::string FoldPunctuation(std::string_view word);

// Reads "token TAB UPOS" lines with blank lines between sentences. Tokens are
// passed through FoldPunctuation. NotFound/IoError/Corruption on failure.
Result<std::vector<TaggedSentence>> ReadUposTsv(const std::string& path);
// Reads CoNLL-U (FORM and UPOS columns; comments, multiword-token ranges and
// empty nodes skipped). Tokens are passed through FoldPunctuation.
Result<std::vector<TaggedSentence>> ReadConllu(const std::string& path);

struct TaggerEval {
  size_t tokens = 0;
  size_t correct = 0;
  double accuracy = 0.0;
};

// Tags `sentences` and compares against their gold tags.
TaggerEval Evaluate(const Tagger& tagger,
                    std::span<const TaggedSentence> sentences);
// ReadConllu + Evaluate.
Result<TaggerEval> EvaluateConllu(const Tagger& tagger,
                                  const std::string& path);

}  // namespace dyad

#endif  // DYAD_TEXT_TAGGER_H_
