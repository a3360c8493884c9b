// SentenceSplitter: groups a document's tokens into sentences.
//
// Robust to the things news text does: abbreviations ("U.S.", "Gen.",
// "Jan.", "No. 2") and initials ("J. D. Vance") do not end sentences;
// quotations keep their closing quote ('... respond." The ministry');
// paragraph breaks always end a sentence; datelines at the start of a
// paragraph ("SEOUL, Oct 6 (Reuters) -") are split off so that their place
// name is not read as an actor.
#ifndef DYAD_TEXT_SENTENCE_SPLITTER_H_
#define DYAD_TEXT_SENTENCE_SPLITTER_H_

#include <span>
#include <string_view>
#include <vector>

#include "text/token.h"

namespace dyad {

class SentenceSplitter {
 public:
  // Splits `tokens` (all tokens of `text`, in order, from Tokenizer) into
  // sentences appended to *sentences, and dateline spans appended to
  // *datelines (may be null). Every token belongs to exactly one sentence or
  // dateline. Thread-safe (stateless).
  void Split(std::string_view text, std::span<const Token> tokens,
             std::vector<Sentence>* sentences,
             std::vector<Sentence>* datelines) const;
};

}  // namespace dyad

#endif  // DYAD_TEXT_SENTENCE_SPLITTER_H_
