// WordNet lemmatizer: a thread-safe re-implementation of WordNet's Morphy over
// the dictionary files of Debian's wordnet-base (/usr/share/wordnet).
//
// Morphy proper is: exception list, then detachment rules checked against the
// POS index. Where Morphy leaves a choice (it returns every candidate), dyad
// picks one base form per token:
//   NOUN  exception → rules (talks → talk even though "talks" is itself an
//         index noun) → the word. Words of ≤ 2 bytes or ending in "ss" are not
//         detached (as Morphy does), and a rule may not shrink an index noun to
//         under 3 bytes (gas stays gas, not the element "ga"). A short list
//         of invariant nouns and mis-tagged function words is left alone
//         (species, physics, was, its).
//   VERB/AUX  contractions/auxiliaries → exception → the word if it is an
//         index verb (a verb's own entry beats a rule's guess) → rules → the
//         word.
//   ADJ   exception → the word if indexed → rules → the word.
//   ADV   exception → the word (WordNet has no adverb rules).
//   other tags, PROPN included: the word itself.
#ifndef DYAD_TEXT_LEMMATIZER_H_
#define DYAD_TEXT_LEMMATIZER_H_

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "text/token.h"
#include "util/status.h"

namespace dyad {

// Immutable after Load; every const method is safe to call from any number of
// threads at once.
class Lemmatizer {
 public:
  // Directory used by LoadDefault() when $DYAD_WORDNET is unset.
  static constexpr std::string_view kDefaultWordNetDir = "/usr/share/wordnet";

  // Loads index.{noun,verb,adj,adv} and {noun,verb,adj,adv}.exc from
  // `wordnet_dir`. Returns NotFound naming the file when one is missing,
  // IoError when unreadable, Corruption when an index holds no lemmas.
  static Result<std::unique_ptr<Lemmatizer>> Load(
      const std::string& wordnet_dir);
  // Load($DYAD_WORDNET), or Load(kDefaultWordNetDir) when that is unset.
  static Result<std::unique_ptr<Lemmatizer>> LoadDefault();

  Lemmatizer(const Lemmatizer&) = delete;
  Lemmatizer& operator=(const Lemmatizer&) = delete;

  // Returns the base form of lower-case `word` tagged `tag` (see the file
  // comment for the per-tag policy). Unknown words, and words of other tags,
  // come back unchanged. "n't" is "not" under every tag. Allocates only the
  // returned string.
  std::string Lemma(std::string_view word, Upos tag) const;

  // True if `phrase` (lower case, words separated by single spaces, e.g.
  // "prime minister") is a WordNet lemma of the POS that `tag` maps to
  // (NOUN/PROPN → noun, VERB/AUX → verb, ADJ, ADV); false for other tags.
  // No morphology: "prime ministers" is false.
  bool IsLemma(std::string_view phrase, Upos tag) const;

  // Number of index entries over the four parts of speech (a lemma listed
  // for two parts of speech counts twice).
  size_t num_lemmas() const;

 private:
  enum Pos { kNounPos = 0, kVerbPos, kAdjPos, kAdvPos, kNumPos };
  // WordNet's part of speech for a UD tag (PROPN counts as a noun); false
  // for tags WordNet has no words for.
  static bool ToPos(Upos tag, Pos* pos);

  struct PosTable {
    // Views into arena_.
    std::unordered_set<std::string_view> lemmas;
    // Inflected form → first base form listed in <pos>.exc, which may be the
    // form itself ("feed feed fee": feed is its own base).
    std::unordered_map<std::string_view, std::string_view> exceptions;
  };

  Lemmatizer() = default;

  // Returns the first base form that <pos>.exc lists for `word` (a view
  // into arena_), or "" when it lists none.
  std::string_view Exception(std::string_view word, Pos pos) const;
  // Returns the first detachment-rule candidate of `word` of at least
  // `min_size` bytes that is in <pos>'s index, or "" when there is none.
  std::string ApplyRules(std::string_view word, Pos pos,
                         size_t min_size) const;
  bool InIndex(Pos pos, std::string_view lemma) const {
    return tables_[pos].lemmas.count(lemma) != 0;
  }

  // Every lemma and exception string, back to back; never modified after
  // Load, so the views in tables_ stay valid for the object's lifetime.
  std::string arena_;
  PosTable tables_[kNumPos];
};

}  // namespace dyad

#endif  // DYAD_TEXT_LEMMATIZER_H_
