#include "util/civil_date.h"

#include <gtest/gtest.h>

namespace dyad {
namespace {

TEST(CivilDateTest, ParsesAndFormats) {
  struct Case {
    const char* text;
    bool ok;
  };
  const Case cases[] = {{"2024-10-06", true}, {"1949-10-06", true},
                        {"2024-02-29", true}, {"2023-02-29", false},
                        {"2024-13-01", false}, {"24-10-06", false},
                        {"2024/10/06", false}, {"", false}};
  for (const Case& c : cases) {
    auto day = ParseIsoDay(c.text);
    EXPECT_EQ(day.ok(), c.ok) << c.text;
    if (day.ok()) {
      EXPECT_EQ(FormatIsoDay(*day), c.text);
    }
  }
}

TEST(CivilDateTest, Weekdays) {
  // 2024-10-06 was a Sunday; 1970-01-01 a Thursday.
  EXPECT_EQ(WeekdayOf(*ParseIsoDay("2024-10-06")), 0);
  EXPECT_EQ(WeekdayOf(0), 4);
  EXPECT_EQ(MakeDay(1970, 1, 2), 1);
  EXPECT_EQ(MakeDay(2023, 2, 30), kNoDay);
}

}  // namespace
}  // namespace dyad
