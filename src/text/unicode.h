// Unicode helpers for matching: NFC, folding of typographic punctuation, and
// lower-casing, with an ASCII fast path.
#ifndef DYAD_TEXT_UNICODE_H_
#define DYAD_TEXT_UNICODE_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace dyad {

// Decodes one UTF-8 code point at s[*i], advancing *i. Invalid bytes decode
// as U+FFFD and advance by one byte (readers validate UTF-8 earlier, so this
// only guards against misuse).
char32_t DecodeUtf8(std::string_view s, size_t* i);

// Appends the UTF-8 encoding of `cp` to `out`.
void AppendUtf8(char32_t cp, std::string* out);

// Returns `s` in NFC with typographic quotes, apostrophes and dashes folded
// to ASCII (’‘ → ', “” → ", – — − → -, … → ...) and no-break spaces to
// spaces. Case is kept. Pure ASCII input is returned unchanged.
std::string FoldForMatching(std::string_view s);

// Returns the lower-case form of `s` (full Unicode simple case mapping).
std::string ToLower(std::string_view s);

// Character classes used by the tokenizer.
bool IsSpace(char32_t cp);
bool IsLetter(char32_t cp);       // letters and combining marks
bool IsDigit(char32_t cp);
bool IsUpper(char32_t cp);
bool IsApostrophe(char32_t cp);   // ' ’ ‘ ʼ
bool IsDash(char32_t cp);         // - – — ― − ‐ ‑

}  // namespace dyad

#endif  // DYAD_TEXT_UNICODE_H_
