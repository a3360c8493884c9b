#include "coder/date_resolver.h"

#include <gtest/gtest.h>

#include <vector>

#include "text/tokenizer.h"

namespace dyad {
namespace {

struct DateCase {
  std::string text;
  std::string article;  // YYYY-MM-DD
  bool future;
  std::string want;     // first date found, "" for none
  DatePrecision precision;
};

TEST(DateResolverTest, ResolvesAgainstTheArticleDate) {
  // 2024-10-07 was a Monday.
  const std::vector<DateCase> cases = {
      {"Kim supervised a drill on Sunday.", "2024-10-07", false, "2024-10-06",
       DatePrecision::kDay},
      {"They met on Monday.", "2024-10-07", false, "2024-10-07",
       DatePrecision::kDay},
      {"He will visit on Friday.", "2024-10-07", true, "2024-10-11",
       DatePrecision::kDay},
      {"The talks ended yesterday.", "2024-10-07", false, "2024-10-06",
       DatePrecision::kDay},
      {"The strike came today.", "2024-10-07", false, "2024-10-07",
       DatePrecision::kDay},
      {"They met last week.", "2024-10-07", false, "2024-09-30",
       DatePrecision::kWeek},
      {"A summit was held in June.", "2024-10-07", false, "2024-06-01",
       DatePrecision::kMonth},
      {"A summit was held in November.", "2024-10-07", false, "2023-11-01",
       DatePrecision::kMonth},
      {"They signed a pact at a June summit.", "2024-10-07", false,
       "2024-06-01", DatePrecision::kMonth},
      {"Ties were established on October 6, 1949.", "2024-10-07", false,
       "1949-10-06", DatePrecision::kDay},
      {"Ties were established on 6 October 1949.", "2024-10-07", false,
       "1949-10-06", DatePrecision::kDay},
      {"The deal was signed on Oct. 6.", "2024-10-07", false, "2024-10-06",
       DatePrecision::kDay},
      {"The deal was signed on Dec. 6.", "2024-10-07", false, "2023-12-06",
       DatePrecision::kDay},
      {"The war began in 1950.", "2024-10-07", false, "1950-01-01",
       DatePrecision::kYear},
      {"The report dated 2024-06-19 said so.", "2024-10-07", false,
       "2024-06-19", DatePrecision::kDay},
      {"Talks may resume.", "2024-10-07", false, "", DatePrecision::kDay},
      {"They met last year.", "2024-10-07", false, "2023-01-01",
       DatePrecision::kYear},
  };
  Tokenizer tokenizer;
  DateResolver resolver;
  for (const DateCase& c : cases) {
    std::vector<Token> tokens;
    tokenizer.Tokenize(c.text, &tokens);
    auto found = resolver.Find(tokens, *ParseIsoDay(c.article), c.future);
    if (c.want.empty()) {
      EXPECT_TRUE(found.empty()) << c.text;
      continue;
    }
    ASSERT_FALSE(found.empty()) << c.text;
    EXPECT_EQ(FormatIsoDay(found[0].day), c.want) << c.text;
    EXPECT_EQ(found[0].precision, c.precision) << c.text;
    EXPECT_FALSE(found[0].rule.empty());
  }
}

TEST(DateResolverTest, FullDatesNeedNoArticleDate) {
  Tokenizer tokenizer;
  std::vector<Token> tokens;
  tokenizer.Tokenize("on Sunday, and on October 6, 1949", &tokens);
  auto found = DateResolver().Find(tokens, kNoDay);
  ASSERT_EQ(found.size(), 1u);  // "Sunday" needs an article date
  EXPECT_EQ(FormatIsoDay(found[0].day), "1949-10-06");
}

}  // namespace
}  // namespace dyad
