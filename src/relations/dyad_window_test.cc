#include "relations/dyad_window.h"

#include <gtest/gtest.h>

#include <array>
#include <string>

namespace dyad {
namespace {

Day D(const char* iso) { return ParseIsoDay(iso).value(); }

TEST(DyadWindowTest, SplitsIntoWholeMonthsAndLooseDays) {
  struct Case {
    const char* from;  // "" = open
    const char* to;
    std::array<std::string, 6> bounds;
  };
  const Case cases[] = {
      // Open both ends: every month of the rollup, no loose days.
      {"",
       "",
       {"0000-00", "9999-12", "9999-12-31", "0000-00-00", "9999-12-31",
        "0000-00-00"}},
      // Whole months exactly.
      {"2024-01-01",
       "2024-03-31",
       {"2024-01", "2024-03", "9999-12-31", "0000-00-00", "9999-12-31",
        "0000-00-00"}},
      // Loose days at both ends.
      {"2019-03-15",
       "2021-07-20",
       {"2019-04", "2021-06", "2019-03-15", "2019-03-31", "2021-07-01",
        "2021-07-20"}},
      // Open start, loose end; the year turns.
      {"",
       "2024-01-10",
       {"0000-00", "2023-12", "9999-12-31", "0000-00-00", "2024-01-01",
        "2024-01-10"}},
      // Loose start, open end; February of a leap year.
      {"2024-02-29",
       "",
       {"2024-03", "9999-12", "2024-02-29", "2024-02-29", "9999-12-31",
        "0000-00-00"}},
      // Within one month: no whole month, every day from event_groups.
      {"2024-05-03",
       "2024-05-20",
       {"9999-12", "0000-00", "2024-05-03", "2024-05-20", "9999-12-31",
        "0000-00-00"}},
      // Across two partial months: still no whole month.
      {"2024-05-20",
       "2024-06-10",
       {"9999-12", "0000-00", "2024-05-20", "2024-06-10", "9999-12-31",
        "0000-00-00"}},
      // One day that is a whole month's last day.
      {"2024-04-30",
       "2024-04-30",
       {"9999-12", "0000-00", "2024-04-30", "2024-04-30", "9999-12-31",
        "0000-00-00"}},
  };
  for (const Case& c : cases) {
    Day from = *c.from ? D(c.from) : kNoDay;
    Day to = *c.to ? D(c.to) : kNoDay;
    EXPECT_EQ(SplitDyadWindow(from, to).bounds, c.bounds)
        << c.from << " .. " << c.to;
  }
}

}  // namespace
}  // namespace dyad
