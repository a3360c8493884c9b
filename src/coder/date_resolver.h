// DateResolver: finds date expressions in a sentence and resolves them
// against the article's date: weekdays ("on Sunday" → the last Sunday on or
// before the article date), today/yesterday/tomorrow, last week/month/year,
// months ("in June" → the last June not after the article date), full dates
// ("October 6, 1949", "6 October 1949", "Oct. 6", "2024-06-19") and bare
// years ("in 1949"). Stateless and thread-safe.
#ifndef DYAD_CODER_DATE_RESOLVER_H_
#define DYAD_CODER_DATE_RESOLVER_H_

#include <span>
#include <string>
#include <vector>

#include "text/token.h"
#include "util/civil_date.h"

namespace dyad {

enum class DatePrecision : uint8_t { kDay, kWeek, kMonth, kYear };

// "day", "week", "month", "year".
std::string_view DatePrecisionName(DatePrecision p);

struct DateMention {
  uint32_t begin_token = 0;  // sentence-local, [begin_token, end_token)
  uint32_t end_token = 0;
  Day day = kNoDay;          // first day of the period for week/month/year
  DatePrecision precision = DatePrecision::kDay;
  std::string rule;          // why: "weekday before article date", ...
};

class DateResolver {
 public:
  // Date expressions in `tokens`, resolved against `article_day` (kNoDay:
  // only expressions that carry their own year are resolved). `future`
  // makes weekday and month names resolve forward ("will visit on Monday").
  std::vector<DateMention> Find(std::span<const Token> tokens, Day article_day,
                                bool future = false) const;
};

}  // namespace dyad

#endif  // DYAD_CODER_DATE_RESOLVER_H_
