// Calendar dates as day numbers (days since 1970-01-01), via HH date.
#ifndef DYAD_UTIL_CIVIL_DATE_H_
#define DYAD_UTIL_CIVIL_DATE_H_

#include <cstdint>
#include <limits>
#include <string>
#include <string_view>

#include "util/status.h"

namespace dyad {

using Day = int32_t;  // days since 1970-01-01
inline constexpr Day kNoDay = std::numeric_limits<Day>::min();
inline constexpr Day kMinDay = std::numeric_limits<Day>::min() + 1;
inline constexpr Day kMaxDay = std::numeric_limits<Day>::max();

// Parses "YYYY-MM-DD" (a real calendar date). InvalidArgument otherwise.
Result<Day> ParseIsoDay(std::string_view s);

// Returns "YYYY-MM-DD" for `day` ("" for kNoDay).
std::string FormatIsoDay(Day day);

// Day from year, month (1-12), day (1-31); kNoDay if not a real date.
Day MakeDay(int year, int month, int day);

// Calendar parts of `day`.
struct YearMonthDay {
  int year, month, day;
};
YearMonthDay ToYearMonthDay(Day day);

// 0 = Sunday … 6 = Saturday.
int WeekdayOf(Day day);

}  // namespace dyad

#endif  // DYAD_UTIL_CIVIL_DATE_H_
