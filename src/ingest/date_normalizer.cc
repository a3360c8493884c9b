#include "ingest/date_normalizer.h"

#include <date/date.h>

#include <cstdio>

#include "ingest/text_checks.h"

namespace dyad {
namespace {

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

int ToInt(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

}  // namespace

Result<std::string> NormalizeDate(std::string_view text) {
  std::string_view s = TrimAscii(text);
  std::string_view y, m, d;
  if (s.size() >= 10 && (s[4] == '-' || s[4] == '/') && s[7] == s[4] &&
      (s.size() == 10 || s[10] == 'T' || s[10] == 't' || s[10] == ' ')) {
    y = s.substr(0, 4);
    m = s.substr(5, 2);
    d = s.substr(8, 2);
  } else if ((s.size() == 8 || s.size() == 14) && AllDigits(s)) {
    y = s.substr(0, 4);
    m = s.substr(4, 2);
    d = s.substr(6, 2);
  } else {
    return InvalidArgumentError("unrecognised date \"" + std::string(s) + "\"");
  }
  if (!AllDigits(y) || !AllDigits(m) || !AllDigits(d)) {
    return InvalidArgumentError("unrecognised date \"" + std::string(s) + "\"");
  }
  date::year_month_day ymd{date::year{ToInt(y)},
                           date::month{static_cast<unsigned>(ToInt(m))},
                           date::day{static_cast<unsigned>(ToInt(d))}};
  if (!ymd.ok()) {
    return InvalidArgumentError("no such date \"" + std::string(s) + "\"");
  }
  char buf[16];
  std::snprintf(buf, sizeof(buf), "%04d-%02u-%02u", ToInt(y),
                static_cast<unsigned>(ToInt(m)),
                static_cast<unsigned>(ToInt(d)));
  return std::string(buf);
}

}  // namespace dyad
