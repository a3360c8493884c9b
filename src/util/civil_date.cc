#include "util/civil_date.h"

#include <date/date.h>
#include <fmt/core.h>

namespace dyad {

Day MakeDay(int year, int month, int day) {
  if (month < 1 || month > 12 || day < 1 || day > 31) return kNoDay;
  date::year_month_day ymd{date::year{year},
                           date::month{static_cast<unsigned>(month)},
                           date::day{static_cast<unsigned>(day)}};
  if (!ymd.ok()) return kNoDay;
  return static_cast<Day>(date::sys_days{ymd}.time_since_epoch().count());
}

Result<Day> ParseIsoDay(std::string_view s) {
  auto digits = [&](size_t from, size_t n, int* out) {
    int v = 0;
    for (size_t i = from; i < from + n; ++i) {
      if (s[i] < '0' || s[i] > '9') return false;
      v = v * 10 + (s[i] - '0');
    }
    *out = v;
    return true;
  };
  int y, m, d;
  if (s.size() != 10 || s[4] != '-' || s[7] != '-' || !digits(0, 4, &y) ||
      !digits(5, 2, &m) || !digits(8, 2, &d)) {
    return InvalidArgumentError("not a YYYY-MM-DD date: '" + std::string(s) +
                                "'");
  }
  Day day = MakeDay(y, m, d);
  if (day == kNoDay) {
    return InvalidArgumentError("no such date: '" + std::string(s) + "'");
  }
  return day;
}

YearMonthDay ToYearMonthDay(Day day) {
  date::year_month_day ymd{date::sys_days{date::days{day}}};
  return {static_cast<int>(ymd.year()), static_cast<int>(unsigned(ymd.month())),
          static_cast<int>(unsigned(ymd.day()))};
}

std::string FormatIsoDay(Day day) {
  if (day == kNoDay) return "";
  YearMonthDay ymd = ToYearMonthDay(day);
  return fmt::format("{:04d}-{:02d}-{:02d}", ymd.year, ymd.month, ymd.day);
}

int WeekdayOf(Day day) {
  return static_cast<int>(
      date::weekday{date::sys_days{date::days{day}}}.c_encoding());
}

}  // namespace dyad
