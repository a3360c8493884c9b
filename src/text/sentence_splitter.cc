#include "text/sentence_splitter.h"

#include <string>

#include "text/unicode.h"

namespace dyad {
namespace {

bool IsTerminal(const Token& t) {
  return t.norm == "." || t.norm == "?" || t.norm == "!" || t.norm == "..." ||
         t.norm == "?!" || t.norm == "!?";
}

bool IsClosing(const Token& t) {
  return t.norm == "\"" || t.norm == "'" || t.norm == ")" || t.norm == "]";
}

bool StartsUpperOrDigit(const Token& t) {
  size_t i = 0;
  char32_t cp = DecodeUtf8(t.norm, &i);
  return IsUpper(cp) || IsDigit(cp);
}

// Words that commonly start a sentence and rarely follow an abbreviation
// inside one; used after an abbreviation with its period ("the U.S. The").
bool IsSentenceStarter(const Token& t) {
  static constexpr std::string_view kStarters[] = {
      "the", "a", "an", "he", "she", "it", "they", "we", "i", "in", "on",
      "but", "this", "that", "these", "those", "there", "his", "her", "its",
      "their", "our", "after", "when", "while", "meanwhile", "however",
      "earlier", "later", "last", "according", "officials", "analysts"};
  if (!StartsUpperOrDigit(t)) return false;
  for (std::string_view w : kStarters) {
    if (t.lower == w) return true;
  }
  return false;
}

// True when the text between two tokens holds a blank line.
bool ParagraphBreak(std::string_view text, uint32_t from, uint32_t to) {
  int newlines = 0;
  for (uint32_t i = from; i < to; ++i) {
    char c = text[i];
    if (c == '\n') {
      if (++newlines >= 2) return true;
    } else if (c != ' ' && c != '\t' && c != '\r') {
      newlines = 0;
    }
  }
  return false;
}

bool IsAllCapsWord(const Token& t) {
  bool letter = false;
  for (size_t i = 0; i < t.norm.size();) {
    char32_t cp = DecodeUtf8(t.norm, &i);
    if (IsLetter(cp)) {
      if (!IsUpper(cp)) return false;
      letter = true;
    }
  }
  return letter && t.norm.size() >= 2;
}

bool IsDashToken(const Token& t) {
  return t.norm == "-" || t.norm == "--" || t.norm == "---" || t.norm == ":";
}

// Returns the number of tokens of a dateline starting at tokens[first]
// ("SEOUL, Oct 6 (Reuters) -", "KYIV (AP) —"), or 0. The dash must stand
// within the first 14 tokens, be followed by text on the same paragraph, and
// the tokens before it must be place words, a date and an agency in
// parentheses only.
size_t DatelineLength(std::span<const Token> tokens, size_t first,
                      size_t limit) {
  if (first >= limit || !IsAllCapsWord(tokens[first])) return 0;
  size_t end = std::min(limit, first + 14);
  bool in_parens = false;
  for (size_t i = first; i < end; ++i) {
    const Token& t = tokens[i];
    if (t.norm == "(") {
      in_parens = true;
      continue;
    }
    if (t.norm == ")") {
      in_parens = false;
      continue;
    }
    if (in_parens) continue;
    if (IsDashToken(t) && i > first) {
      // A dash right after the place ("SEOUL -") or after a date or agency.
      if (i + 1 >= limit) return 0;
      return i + 1 - first;
    }
    if (t.norm == "," || t.norm == ".") continue;
    size_t j = 0;
    char32_t cp = DecodeUtf8(t.norm, &j);
    if (!IsUpper(cp) && !IsDigit(cp)) return 0;
  }
  return 0;
}

}  // namespace

void SentenceSplitter::Split(std::string_view text,
                             std::span<const Token> tokens,
                             std::vector<Sentence>* sentences,
                             std::vector<Sentence>* datelines) const {
  const size_t n = tokens.size();
  size_t start = 0;
  auto close = [&](size_t end) {
    if (end <= start) return;
    Sentence s;
    s.first_token = static_cast<uint32_t>(start);
    s.num_tokens = static_cast<uint32_t>(end - start);
    s.begin = tokens[start].begin;
    s.end = tokens[end - 1].end;
    sentences->push_back(s);
    start = end;
  };
  // Paragraph ends, computed once: a paragraph break lies before token i.
  auto paragraph_start = [&](size_t i) {
    return i == 0 || ParagraphBreak(text, tokens[i - 1].end, tokens[i].begin);
  };
  // Find the end of the current paragraph lazily while scanning.
  for (size_t i = 0; i < n; ++i) {
    if (i == start && paragraph_start(i)) {
      size_t limit = i + 1;
      while (limit < n && !paragraph_start(limit)) ++limit;
      if (size_t len = DatelineLength(tokens, i, limit); len > 0) {
        if (datelines != nullptr) {
          Sentence d;
          d.first_token = static_cast<uint32_t>(i);
          d.num_tokens = static_cast<uint32_t>(len);
          d.begin = tokens[i].begin;
          d.end = tokens[i + len - 1].end;
          datelines->push_back(d);
        }
        start = i + len;
        i = start - 1;
        continue;
      }
    }
    const Token& t = tokens[i];
    size_t end = i + 1;
    bool boundary = false;
    if (IsTerminal(t)) {
      // Closing quotes and brackets that hug the terminal belong to it.
      while (end < n && IsClosing(tokens[end]) && !tokens[end].space_before) {
        ++end;
      }
      if (end >= n || paragraph_start(end)) {
        boundary = true;
      } else {
        const Token& next = tokens[end];
        if (StartsUpperOrDigit(next)) {
          boundary = true;
        } else if ((next.norm == "\"" || next.norm == "(" ||
                    next.norm == "'") && end + 1 < n &&
                   StartsUpperOrDigit(tokens[end + 1])) {
          boundary = true;
        }
      }
    } else if (t.norm.size() > 1 && t.norm.back() == '.' && end < n &&
               !paragraph_start(end) && IsSentenceStarter(tokens[end])) {
      // An abbreviation's period that also ends the sentence: "the U.S. The".
      boundary = true;
    }
    if (boundary || end >= n || paragraph_start(end)) {
      close(end);
      i = end - 1;
    }
  }
  close(n);
}

}  // namespace dyad
