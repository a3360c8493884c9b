// Plain structs shared by the text stage and everything after it.
#ifndef DYAD_TEXT_TOKEN_H_
#define DYAD_TEXT_TOKEN_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace dyad {

// Universal Dependencies part-of-speech tags. Values are stable (they index
// the tagger's weight rows).
enum class Upos : uint8_t {
  kAdj, kAdp, kAdv, kAux, kCconj, kDet, kIntj, kNoun, kNum, kPart, kPron,
  kPropn, kPunct, kSconj, kSym, kVerb, kX,
};
inline constexpr int kNumUpos = 17;

// "ADJ", "ADP", ... for `tag`.
std::string_view UposName(Upos tag);
// Parses a UPOS name; returns false if `name` is not one.
bool ParseUpos(std::string_view name, Upos* tag);

struct Token {
  uint32_t begin = 0;  // byte offsets into Document::text, [begin, end)
  uint32_t end = 0;
  // NFC form with typographic quotes, apostrophes and dashes folded to ASCII
  // (’ → ', “ → ", — → -); case kept. What the tagger sees.
  std::string norm;
  // Lower-cased `norm`: what dictionaries match.
  std::string lower;
  // WordNet base form (lower case): ran → run, talks → talk, allies → ally.
  std::string lemma;
  Upos tag = Upos::kX;
  bool space_before = false;  // whitespace precedes the token in the text
};

struct Sentence {
  uint32_t begin = 0;  // byte offsets into Document::text
  uint32_t end = 0;
  uint32_t first_token = 0;  // index into AnnotatedText::tokens
  uint32_t num_tokens = 0;
};

}  // namespace dyad

#endif  // DYAD_TEXT_TOKEN_H_
