#include "relations/dyad_window.h"

#include "relations/relation_series.h"

namespace dyad {

const char kDyadWindowRowsSql[] =
    "SELECT source_country, target_country, quad_class, modality, groups, "
    "mentions, goldstein_sum, weighted_sum FROM dyad_months "
    "WHERE month >= ?1 AND month <= ?2 "
    "UNION ALL "
    "SELECT source_country, target_country, COALESCE(quad_class, 0), "
    "modality, COUNT(*), TOTAL(num_mentions), TOTAL(goldstein), "
    "TOTAL(num_mentions * goldstein) FROM event_groups "
    "WHERE ((date >= ?3 AND date <= ?4) OR (date >= ?5 AND date <= ?6)) "
    "AND source_country IS NOT NULL AND target_country IS NOT NULL "
    "GROUP BY 1, 2, 3, 4";

namespace {

constexpr char kEmptyFirst[] = "9999-12-31";
constexpr char kEmptyLast[] = "0000-00-00";

std::string Month(Day month_start) {
  return FormatIsoDay(month_start).substr(0, 7);
}

}  // namespace

DyadWindow SplitDyadWindow(Day from, Day to) {
  DyadWindow w;
  // Whole months: from the first month starting on or after `from` to the
  // last month ending on or before `to`.
  Day first_month = kNoDay;   // start of the first whole month
  Day after_months = kNoDay;  // the day after the last whole month
  if (from == kNoDay) {
    first_month = kNoDay;
  } else {
    Day s = BucketStart(from, Granularity::kMonth);
    first_month = s == from ? s : NextBucketStart(s, Granularity::kMonth);
  }
  if (to == kNoDay) {
    after_months = kNoDay;
  } else {
    Day next = to + 1;
    after_months = BucketStart(next, Granularity::kMonth);
  }
  bool months = first_month == kNoDay || after_months == kNoDay ||
                first_month < after_months;
  if (!months) {
    // No whole month: every day comes from event_groups.
    w.bounds = {"9999-12",
                "0000-00",
                from == kNoDay ? "0000-00-00" : FormatIsoDay(from),
                to == kNoDay ? "9999-12-31" : FormatIsoDay(to),
                kEmptyFirst,
                kEmptyLast};
    return w;
  }
  w.bounds[0] = first_month == kNoDay ? "0000-00" : Month(first_month);
  w.bounds[1] = after_months == kNoDay
                    ? "9999-12"
                    : Month(BucketStart(after_months - 1, Granularity::kMonth));
  if (from != kNoDay && from < first_month) {
    w.bounds[2] = FormatIsoDay(from);
    w.bounds[3] = FormatIsoDay(first_month - 1);
  } else {
    w.bounds[2] = kEmptyFirst;
    w.bounds[3] = kEmptyLast;
  }
  if (to != kNoDay && after_months <= to) {
    w.bounds[4] = FormatIsoDay(after_months);
    w.bounds[5] = FormatIsoDay(to);
  } else {
    w.bounds[4] = kEmptyFirst;
    w.bounds[5] = kEmptyLast;
  }
  return w;
}

}  // namespace dyad
