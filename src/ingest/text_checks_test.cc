#include "ingest/text_checks.h"

#include <gtest/gtest.h>

#include <string>

namespace dyad {
namespace {

TEST(TextChecksTest, FindsFirstInvalidUtf8Byte) {
  struct Case {
    std::string in;
    size_t offset;
  };
  const Case cases[] = {
      {"plain ascii", kValidUtf8},
      {"caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80", kValidUtf8},
      {"", kValidUtf8},
      {"ab\xFF", 2},                       // never valid
      {"a\xC3(", 1},                       // bad continuation
      {"abc\xE2\x82", 3},                  // truncated at end
      {"\xC0\xAF", 0},                     // overlong '/'
      {"x\xE0\x80\xAF", 1},                // overlong 3-byte
      {"xy\xED\xA0\x80", 2},               // surrogate U+D800
      {"\xF4\x90\x80\x80", 0},             // above U+10FFFF
      {std::string(100, 'a') + "\x80", 100},  // lone continuation after SIMD block
  };
  for (const Case& c : cases) {
    EXPECT_EQ(FindInvalidUtf8(c.in), c.offset) << c.in;
  }
}

TEST(TextChecksTest, DetectsBinaryData) {
  struct Case {
    std::string in;
    bool binary;
  };
  const Case cases[] = {
      {"Ordinary text.\n\tIndented.\r\n\f", false},
      {"", false},
      {std::string("text\0more", 9), true},
      {"\x01\x02\x03 abcdefgh", true},
      {std::string(95, 'a') + "\x1B\x1B\x1B\x1B\x1B", false},  // 5%: colour codes
      {std::string(80, 'a') + std::string(20, '\x7F'), true},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(LooksBinary(c.in), c.binary) << c.in;
  }
}

TEST(TextChecksTest, TrimsAndLowers) {
  EXPECT_EQ(TrimAscii("  a b \n"), "a b");
  EXPECT_EQ(TrimAscii(" \t"), "");
  EXPECT_TRUE(IsBlank(" \n\t"));
  EXPECT_FALSE(IsBlank(" x "));
  EXPECT_EQ(AsciiLower("Title-ÉX"), "title-Éx");
}

}  // namespace
}  // namespace dyad
