// VerbDictionary: lemma patterns with actor slots that name CAMEO events
// (format: doc/verbs.md). Built by Load(), then immutable and thread-safe.
//
// Matching works on hashes of each token's lemma and lower-case form, so the
// hot path compares integers, not strings.
#ifndef DYAD_CODER_VERB_DICTIONARY_H_
#define DYAD_CODER_VERB_DICTIONARY_H_

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "text/token.h"
#include "util/status.h"

namespace dyad {

// A token as the matcher sees it.
struct MatchToken {
  uint64_t lemma = 0;  // hash of Token::lemma
  uint64_t lower = 0;  // hash of Token::lower
  Upos tag = Upos::kX;
  bool actor_start = false;  // an actor mention starts here
  int actor = -1;            // index of that mention in the sentence's list
  bool clause_break = false; // ";" ":" and the like: gaps never cross it
  bool modifier = false;     // part of an adjective-only actor ("Palestinian")
  // Part of a date ("today", "on Monday"): patterns read past it, since news
  // puts dates anywhere ("threatened on Monday to impose ...").
  bool skippable = false;
  bool hyphen = false;       // the "-" of a compound: gaps do not count it
  bool quantity = false;     // "at least", "more than", "dozens of": before a count
  bool possessive = false;   // "its", "their": a modifier ("upgraded their ties")
};

enum class ElementType : uint8_t { kWord, kSet, kGap, kAnyGap, kTarget, kSource };

struct PatternElement {
  ElementType type = ElementType::kWord;
  std::vector<uint64_t> words;                // kWord: alternatives
  std::vector<std::vector<uint64_t>> phrases; // kSet: each phrase's words
  char pos = 0;                               // 'N', 'V' or 0
};

struct VerbRule {
  int id = 0;
  std::string code;      // CAMEO code, or "---" for a stop rule
  std::string text;      // the pattern as written
  std::string origin;    // "file.txt:12"
  std::vector<PatternElement> elements;
  int specificity = 0;   // word and set elements
};

struct RuleMatch {
  const VerbRule* rule = nullptr;
  uint32_t trigger_begin = 0;  // sentence-local token indices
  uint32_t trigger_end = 0;
  uint32_t end = 0;            // one past the last matched token
  int target = -1;             // mention index bound to TGT, or -1
  int source = -1;             // mention index bound to SRC, or -1
  bool noun_trigger = false;   // the trigger token is a noun
};

class VerbDictionary {
 public:
  // Reads every *.txt file of `dir` (sorted). Malformed lines go to *errors
  // as "file:line: message" and are skipped. NotFound if `dir` is missing.
  static Result<std::unique_ptr<VerbDictionary>> Load(
      const std::string& dir, std::vector<std::string>* errors);
  static Result<std::unique_ptr<VerbDictionary>> LoadDefault(
      std::vector<std::string>* errors);

  // The best rule whose trigger is at tokens[pos]: most specific, then
  // earliest. rule == null when none matches. Thread-safe.
  RuleMatch MatchAt(std::span<const MatchToken> tokens, size_t pos) const;
  // Every rule that matches at tokens[pos] (for `dyad explain`).
  std::vector<RuleMatch> AllMatchesAt(std::span<const MatchToken> tokens,
                                      size_t pos) const;

  const std::vector<VerbRule>& rules() const { return rules_; }
  size_t num_sets() const { return sets_.size(); }

  static uint64_t Hash(std::string_view s);

 private:
  bool Match(const VerbRule& rule, std::span<const MatchToken> tokens,
             size_t pos, RuleMatch* m) const;

  std::vector<VerbRule> rules_;
  std::unordered_map<std::string, PatternElement> sets_;
  std::unordered_map<uint64_t, std::vector<int>> by_trigger_;
};

}  // namespace dyad

#endif  // DYAD_CODER_VERB_DICTIONARY_H_
