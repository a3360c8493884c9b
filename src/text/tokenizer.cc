#include "text/tokenizer.h"

#include <iterator>

#include "text/unicode.h"

namespace dyad {
namespace {

// Words that keep a following period. Titles, months, and common Latin and
// corporate abbreviations in news text.
constexpr std::string_view kAbbreviations[] = {
    "mr",    "mrs",   "ms",    "dr",    "prof",  "gen",   "lt",    "col",
    "maj",   "capt",  "cpt",   "sgt",   "cpl",   "adm",   "cmdr",  "brig",
    "sen",   "rep",   "gov",   "pres",  "amb",   "rev",   "hon",   "fr",
    "st",    "jr",    "sr",    "mt",    "ft",    "jan",   "feb",   "mar",
    "apr",   "jun",   "jul",   "aug",   "sep",   "sept",  "oct",   "nov",
    "dec",   "mon",   "tue",   "tues",  "wed",   "thu",   "thur",  "thurs",
    "fri",   "sat",   "sun",   "no",    "nos",   "vol",   "inc",   "corp",
    "ltd",   "co",    "bros",  "dept",  "univ",  "assn",  "est",   "approx",
    "vs",    "etc",   "al",    "fig",   "op",    "cf",    "ave",   "blvd",
    "rd",    "gov't", "govt",  "lieut", "supt",  "insp"};

bool IsAsciiAlpha(char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }

// Length in bytes of an English clitic starting at s[i] (an apostrophe
// followed by s, re, ll, ve, m, d and then a non-letter), or 0.
size_t Clitic(std::string_view s, size_t i) {
  size_t j = i;
  char32_t cp = DecodeUtf8(s, &j);
  if (!IsApostrophe(cp)) return 0;
  size_t k = j;
  while (k < s.size() && IsAsciiAlpha(s[k]) && k - j < 3) ++k;
  if (k < s.size()) {
    size_t m = k;
    if (IsLetter(DecodeUtf8(s, &m))) return 0;
  }
  std::string lower = ToLower(s.substr(j, k - j));
  if (lower == "s" || lower == "re" || lower == "ll" || lower == "ve" ||
      lower == "m" || lower == "d") {
    return k - i;
  }
  return 0;
}

// Length of "n't" starting at s[i] when followed by a non-letter, or 0.
size_t NegationClitic(std::string_view s, size_t i) {
  if (i >= s.size() || (s[i] | 0x20) != 'n') return 0;
  size_t j = i + 1;
  if (j >= s.size()) return 0;
  char32_t cp = DecodeUtf8(s, &j);
  if (!IsApostrophe(cp)) return 0;
  if (j >= s.size() || (s[j] | 0x20) != 't') return 0;
  size_t k = j + 1;
  if (k < s.size()) {
    size_t m = k;
    if (IsLetter(DecodeUtf8(s, &m))) return 0;
  }
  return k - i;
}

bool StartsWith(std::string_view s, size_t i, std::string_view prefix) {
  return s.size() - i >= prefix.size() && s.substr(i, prefix.size()) == prefix;
}

}  // namespace

Tokenizer::Tokenizer()
    : abbreviations_(std::begin(kAbbreviations), std::end(kAbbreviations)) {}

bool Tokenizer::IsAbbreviation(std::string_view word) const {
  return abbreviations_.count(word) > 0;
}

void Tokenizer::Tokenize(std::string_view s, std::vector<Token>* tokens,
                         uint32_t base) const {
  const size_t n = s.size();
  size_t i = 0;
  bool space_before = true;
  auto emit = [&](size_t begin, size_t end) {
    Token t;
    t.begin = base + static_cast<uint32_t>(begin);
    t.end = base + static_cast<uint32_t>(end);
    t.norm = FoldForMatching(s.substr(begin, end - begin));
    t.lower = ToLower(t.norm);
    t.space_before = space_before;
    tokens->push_back(std::move(t));
    space_before = false;
  };
  while (i < n) {
    size_t start = i;
    char32_t cp = DecodeUtf8(s, &i);
    if (IsSpace(cp)) {
      space_before = true;
      continue;
    }
    // URLs are one token; trailing sentence punctuation is not part of them.
    if (StartsWith(s, start, "http://") || StartsWith(s, start, "https://") ||
        StartsWith(s, start, "www.")) {
      size_t j = start;
      while (j < n && !IsSpace(static_cast<unsigned char>(s[j]))) ++j;
      while (j > start + 4 && std::string_view(".,;:!?)\"'").find(s[j - 1]) !=
                                  std::string_view::npos) {
        --j;
      }
      emit(start, j);
      i = j;
      continue;
    }
    if (IsLetter(cp) || IsDigit(cp)) {
      // Clitic after a word: "'s" handled at the apostrophe branch below.
      size_t j = start;
      bool has_digit = false;
      bool has_letter = false;
      int segment_letters = 0;   // letters since the last internal period
      bool dotted = false;       // "U.S", "e.g"
      bool short_segments = true;
      while (j < n) {
        if (j > start) {
          if (size_t neg = NegationClitic(s, j); neg > 0) break;
        }
        size_t k = j;
        char32_t c = DecodeUtf8(s, &k);
        if (IsLetter(c)) {
          has_letter = true;
          ++segment_letters;
          if (segment_letters > 2) short_segments = false;
          j = k;
          continue;
        }
        if (IsDigit(c)) {
          has_digit = true;
          j = k;
          continue;
        }
        if (k >= n) break;
        size_t m = k;
        char32_t next = DecodeUtf8(s, &m);
        if (c == '.' && IsDigit(next) && has_digit && !has_letter) {
          j = k;  // 3.5
          continue;
        }
        if (c == '.' && IsLetter(next) && short_segments && !has_digit) {
          // "U.S", "e.g", "p.m": letter segments of at most two letters.
          dotted = true;
          segment_letters = 0;
          j = k;
          continue;
        }
        if ((c == ',' || c == ':') && IsDigit(next) && has_digit &&
            !has_letter) {
          j = k;  // 1,000 and 10:30
          continue;
        }
        if (IsApostrophe(c) && IsLetter(next) && Clitic(s, j) == 0 &&
            NegationClitic(s, k) == 0 && !has_digit) {
          j = k;  // O'Brien, Côte d'Ivoire
          continue;
        }
        if (c == '&' && IsLetter(next) && has_letter) {
          j = k;  // AT&T
          continue;
        }
        break;
      }
      if (size_t neg = NegationClitic(s, start); neg > 0 && j == start) {
        j = start + neg;  // the "n't" of "don't"
      }
      // A following period stays with abbreviations, initials and dotted
      // forms ("Gen.", "J.", "U.S."), and becomes its own token otherwise.
      if (j < n && s[j] == '.' && has_letter && !has_digit &&
          !(j + 1 < n && s[j + 1] == '.')) {
        std::string_view word = s.substr(start, j - start);
        std::string lower = ToLower(word);
        size_t first = 0;
        bool single_upper =
            word.size() <= 4 && IsUpper(DecodeUtf8(word, &first)) &&
            first == word.size();
        if (dotted || single_upper || IsAbbreviation(lower)) ++j;
      }
      emit(start, j);
      i = j;
      continue;
    }
    if (IsApostrophe(cp)) {
      size_t clitic = Clitic(s, start);
      if (clitic > 0 && !space_before) {
        emit(start, start + clitic);
        i = start + clitic;
        continue;
      }
      emit(start, i);
      continue;
    }
    if (cp == '.') {
      size_t j = i;
      while (j < n && s[j] == '.') ++j;
      emit(start, j);  // "." or "..."
      i = j;
      continue;
    }
    if (IsDash(cp)) {
      size_t j = i;
      while (j < n) {
        size_t k = j;
        if (!IsDash(DecodeUtf8(s, &k))) break;
        j = k;
      }
      emit(start, j);  // "-", "--", "—"
      i = j;
      continue;
    }
    emit(start, i);  // any other punctuation or symbol, one code point
  }
}

}  // namespace dyad
