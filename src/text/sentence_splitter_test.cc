#include "text/sentence_splitter.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "text/tokenizer.h"

namespace dyad {
namespace {

struct Split {
  std::vector<std::string> sentences;
  std::vector<std::string> datelines;
};

Split SplitText(const std::string& text) {
  Tokenizer tokenizer;
  SentenceSplitter splitter;
  std::vector<Token> tokens;
  tokenizer.Tokenize(text, &tokens);
  std::vector<Sentence> sentences, datelines;
  splitter.Split(text, tokens, &sentences, &datelines);
  Split out;
  for (const Sentence& s : sentences) {
    out.sentences.push_back(text.substr(s.begin, s.end - s.begin));
  }
  for (const Sentence& s : datelines) {
    out.datelines.push_back(text.substr(s.begin, s.end - s.begin));
  }
  return out;
}

struct SplitCase {
  std::string name;
  std::string text;
  std::vector<std::string> sentences;
};

TEST(SentenceSplitterTest, TrickySplits) {
  const std::vector<SplitCase> cases = {
      {"plain", "Kim met Xi. They signed a pact.",
       {"Kim met Xi.", "They signed a pact."}},
      {"country abbreviation inside", "The U.S. Navy sailed. It left.",
       {"The U.S. Navy sailed.", "It left."}},
      {"country abbreviation at end", "He flew to the U.S. The talks ended.",
       {"He flew to the U.S.", "The talks ended."}},
      {"title", "Gen. Park Jong Chon spoke. He warned Seoul.",
       {"Gen. Park Jong Chon spoke.", "He warned Seoul."}},
      {"month", "On Jan. 5 the army moved. Troops followed.",
       {"On Jan. 5 the army moved.", "Troops followed."}},
      {"number", "Resolution No. 2397 was adopted. China abstained.",
       {"Resolution No. 2397 was adopted.", "China abstained."}},
      {"initials", "J. D. Vance met Wang Yi. They spoke.",
       {"J. D. Vance met Wang Yi.", "They spoke."}},
      {"quotation ends sentence",
       "He said: \"We will respond.\" The ministry agreed.",
       {"He said: \"We will respond.\"", "The ministry agreed."}},
      {"question inside quotation", "\"Will they come?\" he asked. Nobody knew.",
       {"\"Will they come?\" he asked.", "Nobody knew."}},
      {"curly quotes", "“We are ready,” Kim said. “Very ready.” Xi nodded.",
       {"“We are ready,” Kim said.", "“Very ready.”", "Xi nodded."}},
      {"paragraph without period", "Talks resume\n\nBoth sides met.",
       {"Talks resume", "Both sides met."}},
      {"wrapped line is not a break",
       "Showers continued in\nthe Bahia zone. Arrivals rose.",
       {"Showers continued in\nthe Bahia zone.", "Arrivals rose."}},
      {"lower case after period", "The vote was 13 vs. 2 in favour.",
       {"The vote was 13 vs. 2 in favour."}},
      {"decimal", "Growth was 3.5 percent. Exports fell.",
       {"Growth was 3.5 percent.", "Exports fell."}},
      {"ellipsis", "He paused... Then he left.", {"He paused...", "Then he left."}},
      {"exclamation", "Stop! The guards shouted.", {"Stop!", "The guards shouted."}},
      {"parenthesis", "Kim left (briefly). He returned.",
       {"Kim left (briefly).", "He returned."}},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(SplitText(c.text).sentences, c.sentences) << c.name;
  }
}

struct DatelineCase {
  std::string text;
  std::string dateline;
  std::string first_sentence;
};

TEST(SentenceSplitterTest, SplitsOffDatelines) {
  const std::vector<DatelineCase> cases = {
      {"SEOUL, Oct 6 (Reuters) - North Korea fired a missile.",
       "SEOUL, Oct 6 (Reuters) -", "North Korea fired a missile."},
      {"KYIV (dyad sample) — Russia struck Kharkiv overnight.",
       "KYIV (dyad sample) —", "Russia struck Kharkiv overnight."},
      {"WASHINGTON, Jan. 5 -- The White House said no.",
       "WASHINGTON, Jan. 5 --", "The White House said no."},
      {"UNITED NATIONS, Oct 7 (AP) — The council met.",
       "UNITED NATIONS, Oct 7 (AP) —", "The council met."},
  };
  for (const auto& c : cases) {
    Split s = SplitText(c.text);
    ASSERT_EQ(s.datelines.size(), 1u) << c.text;
    EXPECT_EQ(s.datelines[0], c.dateline);
    ASSERT_FALSE(s.sentences.empty());
    EXPECT_EQ(s.sentences[0], c.first_sentence);
  }
  // Capitalised openings that are not datelines stay sentences.
  Split s = SplitText("NATO - the alliance - met today.");
  EXPECT_TRUE(s.datelines.empty() || s.sentences.size() == 1u);
  Split plain = SplitText("North Korea - a state - fired.");
  EXPECT_TRUE(plain.datelines.empty());
  EXPECT_EQ(plain.sentences.size(), 1u);
}

TEST(SentenceSplitterTest, EveryTokenBelongsToOneSpan) {
  const std::string text =
      "SEOUL, Oct 7 - Kim Jong Un and Xi Jinping exchanged messages on "
      "Sunday. KCNA said the U.S. was \"hostile.\"\n\nNo. 2 official Choe "
      "spoke... Then silence";
  Tokenizer tokenizer;
  SentenceSplitter splitter;
  std::vector<Token> tokens;
  tokenizer.Tokenize(text, &tokens);
  std::vector<Sentence> sentences, datelines;
  splitter.Split(text, tokens, &sentences, &datelines);
  std::vector<int> owner(tokens.size(), 0);
  for (const auto* spans : {&sentences, &datelines}) {
    for (const Sentence& s : *spans) {
      for (uint32_t i = s.first_token; i < s.first_token + s.num_tokens; ++i) {
        ++owner[i];
      }
    }
  }
  for (size_t i = 0; i < owner.size(); ++i) EXPECT_EQ(owner[i], 1) << i;
}

}  // namespace
}  // namespace dyad
