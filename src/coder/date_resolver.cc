#include "coder/date_resolver.h"

#include <cstdlib>
#include <string_view>
#include <unordered_set>

namespace dyad {
namespace {

int MonthOf(std::string_view w) {
  static constexpr std::string_view kFull[] = {
      "january", "february", "march",     "april",   "may",      "june",
      "july",    "august",   "september", "october", "november", "december"};
  static constexpr std::string_view kShort[] = {
      "jan.", "feb.", "mar.", "apr.", "may.", "jun.", "jul.", "aug.", "sep.",
      "oct.", "nov.", "dec."};
  for (int i = 0; i < 12; ++i) {
    if (w == kFull[i] || w == kShort[i]) return i + 1;
  }
  if (w == "sept." || w == "sept") return 9;
  if (w == "jan" || w == "feb" || w == "aug" || w == "oct" || w == "nov" ||
      w == "dec" || w == "sep") {
    for (int i = 0; i < 12; ++i) {
      if (kShort[i].substr(0, 3) == w) return i + 1;
    }
  }
  return 0;
}

int WeekdayNamed(std::string_view w) {
  static constexpr std::string_view kDays[] = {
      "sunday", "monday", "tuesday", "wednesday", "thursday", "friday",
      "saturday"};
  for (int i = 0; i < 7; ++i) {
    if (w == kDays[i]) return i;
  }
  return -1;
}

// A plain number of 1-4 digits (optionally "6th", "1st"), else -1.
int NumberOf(std::string_view w) {
  size_t n = 0;
  while (n < w.size() && w[n] >= '0' && w[n] <= '9') ++n;
  if (n == 0 || n > 4) return -1;
  std::string_view rest = w.substr(n);
  if (!rest.empty() && rest != "st" && rest != "nd" && rest != "rd" &&
      rest != "th") {
    return -1;
  }
  return std::atoi(std::string(w.substr(0, n)).c_str());
}

bool IsYear(int v) { return v >= 1800 && v <= 2100; }

// True if `w` can start a date expression; one hash lookup for most
// tokens, which are not dates.
bool MaybeDateStart(std::string_view w) {
  if (w.empty()) return false;
  if (w[0] >= '0' && w[0] <= '9') return true;
  static const std::unordered_set<std::string_view> kWords = {
      "today", "tonight", "yesterday", "tomorrow", "last", "past", "this",
      "next", "january", "february", "march", "april", "may", "june", "july",
      "august", "september", "october", "november", "december", "jan.",
      "feb.", "mar.", "apr.", "may.", "jun.", "jul.", "aug.", "sep.", "sept.",
      "oct.", "nov.", "dec.", "sept", "jan", "feb", "aug", "oct", "nov", "dec",
      "sep", "sunday", "monday", "tuesday", "wednesday", "thursday", "friday",
      "saturday"};
  return kWords.count(w) > 0;
}

}  // namespace

std::string_view DatePrecisionName(DatePrecision p) {
  switch (p) {
    case DatePrecision::kDay: return "day";
    case DatePrecision::kWeek: return "week";
    case DatePrecision::kMonth: return "month";
    case DatePrecision::kYear: return "year";
  }
  return "day";
}

std::vector<DateMention> DateResolver::Find(std::span<const Token> tokens,
                                            Day article, bool future) const {
  std::vector<DateMention> out;
  const size_t n = tokens.size();
  auto lower = [&](size_t i) -> std::string_view {
    return i < n ? std::string_view(tokens[i].lower) : std::string_view();
  };
  YearMonthDay art{0, 0, 0};
  if (article != kNoDay) art = ToYearMonthDay(article);
  auto add = [&](size_t b, size_t e, Day day, DatePrecision p,
                 std::string rule) {
    if (day == kNoDay) return;
    out.push_back({static_cast<uint32_t>(b), static_cast<uint32_t>(e), day, p,
                   std::move(rule)});
  };
  for (size_t i = 0; i < n; ++i) {
    std::string_view w = lower(i);
    if (!MaybeDateStart(w)) continue;
    // ISO dates: "2024-06-19" tokenises as 2024 - 06 - 19.
    if (int y = NumberOf(w); IsYear(y) && lower(i + 1) == "-" &&
                              i + 4 < n && lower(i + 3) == "-") {
      int m = NumberOf(lower(i + 2)), d = NumberOf(lower(i + 4));
      Day day = MakeDay(y, m, d);
      if (day != kNoDay) {
        add(i, i + 5, day, DatePrecision::kDay, "ISO date");
        i += 4;
        continue;
      }
    }
    if (article != kNoDay) {
      if (w == "today" || w == "tonight") {
        add(i, i + 1, article, DatePrecision::kDay, "today = article date");
        continue;
      }
      if (w == "yesterday") {
        add(i, i + 1, article - 1, DatePrecision::kDay,
            "yesterday = article date - 1");
        continue;
      }
      if (w == "tomorrow") {
        add(i, i + 1, article + 1, DatePrecision::kDay,
            "tomorrow = article date + 1");
        continue;
      }
      if ((w == "last" || w == "past" || w == "this" || w == "next") &&
          i + 1 < n) {
        std::string_view unit = lower(i + 1);
        int sign = w == "next" ? 1 : (w == "this" ? 0 : -1);
        if (unit == "week") {
          add(i, i + 2, article + 7 * sign, DatePrecision::kWeek,
              std::string(w) + " week");
          ++i;
          continue;
        }
        if (unit == "month") {
          int y = art.year, m = art.month + sign;
          if (m < 1) m = 12, --y;
          if (m > 12) m = 1, ++y;
          add(i, i + 2, MakeDay(y, m, 1), DatePrecision::kMonth,
              std::string(w) + " month");
          ++i;
          continue;
        }
        if (unit == "year") {
          add(i, i + 2, MakeDay(art.year + sign, 1, 1), DatePrecision::kYear,
              std::string(w) + " year");
          ++i;
          continue;
        }
        if (int wd = WeekdayNamed(unit); wd >= 0) {
          // "last Sunday": strictly before; "next Monday": strictly after.
          int today = WeekdayOf(article);
          int back = (today - wd + 7) % 7;
          if (back == 0) back = 7;
          int fwd = (wd - today + 7) % 7;
          if (fwd == 0) fwd = 7;
          Day d = sign > 0 ? article + fwd : article - back;
          add(i, i + 2, d, DatePrecision::kDay, std::string(w) + " weekday");
          ++i;
          continue;
        }
      }
      if (int wd = WeekdayNamed(w); wd >= 0) {
        int today = WeekdayOf(article);
        Day d;
        std::string rule;
        if (future) {
          d = article + (wd - today + 7) % 7;
          rule = "weekday on or after the article date (future)";
        } else {
          d = article - (today - wd + 7) % 7;
          rule = "weekday on or before the article date";
        }
        size_t b = (i > 0 && lower(i - 1) == "on") ? i - 1 : i;
        add(b, i + 1, d, DatePrecision::kDay, rule);
        continue;
      }
    }
    // Month-based forms.
    if (int m = MonthOf(w); m > 0 && (tokens[i].norm[0] >= 'A' &&
                                      tokens[i].norm[0] <= 'Z')) {
      // "May" as a modal verb is lower case in text; capitalised at a
      // sentence start it is ambiguous: require a number or "in" around it.
      int d = NumberOf(lower(i + 1));
      size_t e = i + 1;
      int year = 0;
      if (d >= 1 && d <= 31) {
        e = i + 2;
        size_t k = e;
        if (lower(k) == ",") ++k;
        if (int y = NumberOf(lower(k)); IsYear(y)) {
          year = y;
          e = k + 1;
        }
      } else {
        d = 0;
        if (int y = NumberOf(lower(i + 1)); IsYear(y)) {
          year = y;
          e = i + 2;
        }
      }
      // "6 October 1949".
      size_t b = i;
      if (d == 0 && i > 0) {
        int pd = NumberOf(lower(i - 1));
        if (pd >= 1 && pd <= 31) {
          d = pd;
          b = i - 1;
        }
      }
      bool has_in = i > 0 && (lower(i - 1) == "in" || lower(i - 1) == "since" ||
                              lower(i - 1) == "a" || lower(i - 1) == "the" ||
                              lower(i - 1) == "this" || lower(i - 1) == "during" ||
                              lower(i - 1) == "early" || lower(i - 1) == "late" ||
                              lower(i - 1) == "mid");
      if (m == 5 && d == 0 && year == 0 && !has_in) continue;  // modal "May"
      if (d == 0 && year == 0 && !has_in && i > 0 && lower(i - 1) != "of") {
        // A bare month name elsewhere ("March" as a noun) is too vague.
        if (!(i > 0 && lower(i - 1) == "last")) continue;
      }
      if (year != 0) {
        if (d > 0) {
          add(b, e, MakeDay(year, m, d), DatePrecision::kDay, "full date");
        } else {
          add(b, e, MakeDay(year, m, 1), DatePrecision::kMonth,
              "month and year");
        }
      } else if (article != kNoDay) {
        int y = art.year;
        if (d > 0) {
          Day cand = MakeDay(y, m, d);
          if (!future && cand != kNoDay && cand > article) {
            cand = MakeDay(y - 1, m, d);
          }
          if (future && cand != kNoDay && cand < article) {
            cand = MakeDay(y + 1, m, d);
          }
          add(b, e, cand, DatePrecision::kDay,
              future ? "month and day, next occurrence"
                     : "month and day, last occurrence not after the article");
        } else {
          int yy = y;
          if (!future && m > art.month) --yy;
          if (future && m < art.month) ++yy;
          add(has_in ? i - 1 : b, e, MakeDay(yy, m, 1), DatePrecision::kMonth,
              future ? "month, next occurrence"
                     : "month, the last one not after the article date");
        }
      }
      i = e - 1;
      continue;
    }
    // Bare years: "in 1949", "since 2011", "of 2019".
    if (int y = NumberOf(w); IsYear(y) && w.size() == 4 && i > 0) {
      std::string_view prev = lower(i - 1);
      if (prev == "in" || prev == "since" || prev == "of" || prev == "until" ||
          prev == "by" || prev == "early" || prev == "late" || prev == "mid") {
        add(i - 1, i + 1, MakeDay(y, 1, 1), DatePrecision::kYear, "year");
      }
    }
  }
  return out;
}

}  // namespace dyad
