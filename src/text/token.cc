#include "text/token.h"

#include <array>

namespace dyad {
namespace {
constexpr std::array<std::string_view, kNumUpos> kUposNames = {
    "ADJ",  "ADP",  "ADV",   "AUX",   "CCONJ", "DET",  "INTJ", "NOUN", "NUM",
    "PART", "PRON", "PROPN", "PUNCT", "SCONJ", "SYM",  "VERB", "X"};
}  // namespace

std::string_view UposName(Upos tag) {
  return kUposNames[static_cast<int>(tag)];
}

bool ParseUpos(std::string_view name, Upos* tag) {
  for (int i = 0; i < kNumUpos; ++i) {
    if (kUposNames[i] == name) {
      *tag = static_cast<Upos>(i);
      return true;
    }
  }
  return false;
}

}  // namespace dyad
