// Tokenizer: splits text into word and punctuation tokens with byte offsets,
// following the Universal Dependencies English conventions the tagger was
// trained on (clitics 's n't 're split off, hyphens separate tokens,
// abbreviations such as "U.S." and "Gen." keep their period).
#ifndef DYAD_TEXT_TOKENIZER_H_
#define DYAD_TEXT_TOKENIZER_H_

#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "text/token.h"

namespace dyad {

class Tokenizer {
 public:
  // Builds the tokenizer with its built-in abbreviation list. Immutable after
  // construction; Tokenize() is thread-safe.
  Tokenizer();

  // Appends the tokens of `text` to *tokens, with offsets relative to the
  // start of `text` plus `base`. Fills begin, end, norm, lower and
  // space_before; lemma and tag are left for later steps.
  void Tokenize(std::string_view text, std::vector<Token>* tokens,
                uint32_t base = 0) const;

  // True if lower-case `word` (without the final period) is an abbreviation
  // that keeps its period ("gen", "jan", "no", "mr").
  bool IsAbbreviation(std::string_view word) const;

 private:
  std::unordered_set<std::string_view> abbreviations_;
};

}  // namespace dyad

#endif  // DYAD_TEXT_TOKENIZER_H_
