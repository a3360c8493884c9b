#include "text/tokenizer.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace dyad {
namespace {

std::vector<std::string> Norms(const std::string& text) {
  Tokenizer tokenizer;
  std::vector<Token> tokens;
  tokenizer.Tokenize(text, &tokens);
  std::vector<std::string> out;
  for (const Token& t : tokens) out.push_back(t.norm);
  return out;
}

struct TokenCase {
  std::string text;
  std::vector<std::string> tokens;
};

TEST(TokenizerTest, SplitsLikeUniversalDependencies) {
  const std::vector<TokenCase> cases = {
      {"Kim met Xi.", {"Kim", "met", "Xi", "."}},
      {"China's foreign ministry", {"China", "'s", "foreign", "ministry"}},
      {"They don't agree", {"They", "do", "n't", "agree"}},
      {"It can't be", {"It", "ca", "n't", "be"}},
      {"We're ready, they'll say", {"We", "'re", "ready", ",", "they", "'ll",
                                    "say"}},
      {"the U.S. and the U.N.", {"the", "U.S.", "and", "the", "U.N."}},
      {"Gen. Smith met Sen. Jones", {"Gen.", "Smith", "met", "Sen.", "Jones"}},
      {"on Jan. 5 at 10:30 p.m.", {"on", "Jan.", "5", "at", "10:30", "p.m."}},
      {"J. D. Vance", {"J.", "D.", "Vance"}},
      {"1,000 troops and 3.5 percent", {"1,000", "troops", "and", "3.5",
                                        "percent"}},
      {"Kim Jong-un", {"Kim", "Jong", "-", "un"}},
      {"O'Brien said", {"O'Brien", "said"}},
      {"\"We will respond,\" he said.", {"\"", "We", "will", "respond", ",",
                                         "\"", "he", "said", "."}},
      {"wait... what?!", {"wait", "...", "what", "?", "!"}},
      {"see https://example.org/a.html.", {"see", "https://example.org/a.html",
                                           "."}},
      {"the 75th anniversary", {"the", "75th", "anniversary"}},
      {"AT&T and No. 2", {"AT&T", "and", "No.", "2"}},
      {"ended.The next", {"ended", ".", "The", "next"}},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(Norms(c.text), c.tokens) << c.text;
  }
}

TEST(TokenizerTest, FoldsTypographicPunctuationButKeepsOffsets) {
  const std::string text = "Kim’s “message” — sent";
  Tokenizer tokenizer;
  std::vector<Token> tokens;
  tokenizer.Tokenize(text, &tokens);
  std::vector<std::string> norms;
  for (const Token& t : tokens) norms.push_back(t.norm);
  EXPECT_EQ(norms, (std::vector<std::string>{"Kim", "'s", "\"", "message",
                                             "\"", "-", "sent"}));
  for (const Token& t : tokens) {
    // Offsets map back to the original bytes, not to the folded form.
    std::string original = text.substr(t.begin, t.end - t.begin);
    if (t.norm == "'s") {
      EXPECT_EQ(original, "’s");
    } else if (t.norm == "-") {
      EXPECT_EQ(original, "—");
    } else if (t.norm == "message") {
      EXPECT_EQ(original, "message");
    }
  }
}

TEST(TokenizerTest, OffsetsCoverOriginalBytes) {
  const std::string text =
      "  SEOUL, Oct 6 (Reuters) -\nNorth Korea's leader, Kim Jong Un, "
      "said “no”.\n\nPyongyang didn't reply.";
  Tokenizer tokenizer;
  std::vector<Token> tokens;
  tokenizer.Tokenize(text, &tokens, 100);
  ASSERT_FALSE(tokens.empty());
  uint32_t prev_end = 100;
  for (const Token& t : tokens) {
    EXPECT_GE(t.begin, prev_end);
    EXPECT_LT(t.begin, t.end);
    // The bytes between tokens are whitespace only.
    for (uint32_t i = prev_end; i < t.begin; ++i) {
      EXPECT_TRUE(std::isspace(static_cast<unsigned char>(text[i - 100])))
          << "gap byte " << i;
    }
    prev_end = t.end;
  }
  EXPECT_EQ(tokens.front().norm, "SEOUL");
  EXPECT_TRUE(tokens.front().space_before);
  EXPECT_EQ(text.substr(tokens.front().begin - 100, 5), "SEOUL");
}

TEST(TokenizerTest, LowerCasesUnicode) {
  Tokenizer tokenizer;
  std::vector<Token> tokens;
  tokenizer.Tokenize("ÉLYSÉE Türkiye", &tokens);
  ASSERT_EQ(tokens.size(), 2u);
  EXPECT_EQ(tokens[0].lower, "élysée");
  EXPECT_EQ(tokens[1].lower, "türkiye");
}

TEST(TokenizerTest, ComposesToNfc) {
  // "e" + combining acute accent becomes the precomposed "é".
  Tokenizer tokenizer;
  std::vector<Token> tokens;
  tokenizer.Tokenize("Beyonce\xCC\x81", &tokens);
  ASSERT_EQ(tokens.size(), 1u);
  EXPECT_EQ(tokens[0].norm, "Beyonc\xC3\xA9");
  EXPECT_EQ(tokens[0].end, 9u);
}

}  // namespace
}  // namespace dyad
