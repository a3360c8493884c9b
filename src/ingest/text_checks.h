// Byte-level checks that every reader applies before trusting input text.
#ifndef DYAD_INGEST_TEXT_CHECKS_H_
#define DYAD_INGEST_TEXT_CHECKS_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace dyad {

inline constexpr size_t kValidUtf8 = std::string_view::npos;

// Returns the byte offset of the first invalid UTF-8 sequence in `s`
// (overlong forms, surrogates and code points above U+10FFFF are invalid),
// or kValidUtf8. Fast path is SIMD (simdjson); the offset search is scalar.
size_t FindInvalidUtf8(std::string_view s);

// True when `s` looks like binary data rather than text: it contains a NUL
// byte, or more than 10% of its first 64 KiB are control bytes other than
// tab, newline, carriage return and form feed.
bool LooksBinary(std::string_view s);

// True when `s` holds nothing but ASCII whitespace (or is empty).
bool IsBlank(std::string_view s);

// Returns `s` without leading and trailing ASCII whitespace.
std::string_view TrimAscii(std::string_view s);

// Lower-cases ASCII letters.
std::string AsciiLower(std::string_view s);

}  // namespace dyad

#endif  // DYAD_INGEST_TEXT_CHECKS_H_
