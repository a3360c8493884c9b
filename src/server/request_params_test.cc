#include "server/request_params.h"

#include <gtest/gtest.h>

#include "server/event_search.h"

namespace dyad {
namespace {

RequestParams P(std::multimap<std::string, std::string> m) {
  return RequestParams(std::move(m));
}

TEST(RequestParamsTest, ValidatesEachKind) {
  struct Case {
    std::string name, value;
    bool date_ok, code_ok, int_ok, bool_ok;
  };
  const Case cases[] = {
      {"x", "2024-02-29", true, false, false, false},
      {"x", "2023-02-29", false, false, false, false},
      {"x", "2024-2-1", false, false, false, false},
      {"x", "PRKGOV", false, true, false, false},
      {"x", "prk", false, false, false, false},
      {"x", "ABCDEFGHIJKLMNOP", false, false, false, false},
      {"x", "057", false, true, true, false},
      {"x", "1", false, true, true, true},
      {"x", "true", false, false, false, true},
      {"x", "12abc", false, false, false, false},
      {"x", "-5", false, false, false, false},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.value);
    RequestParams p = P({{c.name, c.value}});
    EXPECT_EQ(p.Date("x").ok(), c.date_ok);
    EXPECT_EQ(p.Code("x").ok(), c.code_ok);
    EXPECT_EQ(p.Int("x", 0, 0, 100).ok(), c.int_ok);
    EXPECT_EQ(p.Bool("x", false).ok(), c.bool_ok);
    if (!c.date_ok) {
      EXPECT_NE(p.Date("x").status().message().find("'x'"), std::string::npos);
    }
  }
}

TEST(RequestParamsTest, EmptyIsAbsentAndUnknownOrRepeatedIsAnError) {
  RequestParams empty = P({{"from", ""}});
  EXPECT_EQ(*empty.Date("from"), kNoDay);
  EXPECT_EQ(*empty.Int("from", 7, 0, 9), 7);
  EXPECT_TRUE(P({{"a", "1"}}).Check({"a", "b"}).ok());
  EXPECT_FALSE(P({{"c", "1"}}).Check({"a", "b"}).ok());
  EXPECT_FALSE(P({{"a", "1"}, {"a", "2"}}).Check({"a"}).ok());
  EXPECT_FALSE(P({{"q", "\xff"}}).Text("q", 100).ok());
  EXPECT_FALSE(P({{"q", std::string(101, 'x')}}).Text("q", 100).ok());
  EXPECT_FALSE(P({{"s", "id"}}).Choice("s", "date", {"date", "-date"}).ok());
}

TEST(RequestParamsTest, FtsQueryQuotesEveryWord) {
  const std::pair<std::string, std::string> cases[] = {
      {"summit", "\"summit\""},
      {"  kim   summit ", "\"kim\" \"summit\""},
      {"missil*", "\"missil\"*"},
      {"say \"no\"", "\"say\" \"\"\"no\"\"\""},
      {"NEAR( AND *", "\"NEAR(\" \"AND\""},
      {"   ", ""},
  };
  for (const auto& [in, out] : cases) EXPECT_EQ(FtsQuery(in), out) << in;
}

}  // namespace
}  // namespace dyad
