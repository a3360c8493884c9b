#include "relations/relation_series.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>
#include <utility>

namespace dyad {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Finishes a bucket whose sums are set; `weighted` is Σ mentions·goldstein.
void Finish(SeriesBucket* b, double weighted) {
  b->goldstein_mean =
      b->events > 0 ? b->goldstein_sum / static_cast<double>(b->events) : 0;
  b->index = CooperationIndex(weighted, b->mentions);
}

// Σ mentions·goldstein of a finished bucket.
double WeightedGoldstein(const SeriesBucket& b) {
  return b.index * 10.0 * static_cast<double>(b.mentions);
}

// The country two dyads share, and the other country of each.
bool SharedCountry(const DyadSeries& x, const DyadSeries& y,
                   std::string* shared, std::string* other_x,
                   std::string* other_y) {
  for (const std::string* cx : {&x.a, &x.b}) {
    for (const std::string* cy : {&y.a, &y.b}) {
      if (*cx != *cy) continue;
      *shared = *cx;
      *other_x = cx == &x.a ? x.b : x.a;
      *other_y = cy == &y.a ? y.b : y.a;
      return true;
    }
  }
  return false;
}

}  // namespace

Result<Granularity> ParseGranularity(std::string_view text) {
  if (text == "day") return Granularity::kDay;
  if (text == "week") return Granularity::kWeek;
  if (text == "month") return Granularity::kMonth;
  if (text == "year") return Granularity::kYear;
  return InvalidArgumentError("unknown granularity \"" + std::string(text) +
                              "\" (expected day, week, month or year)");
}

std::string_view GranularityName(Granularity by) {
  switch (by) {
    case Granularity::kDay:
      return "day";
    case Granularity::kWeek:
      return "week";
    case Granularity::kMonth:
      return "month";
    case Granularity::kYear:
      return "year";
  }
  return "month";
}

Day BucketStart(Day day, Granularity by) {
  switch (by) {
    case Granularity::kDay:
      return day;
    case Granularity::kWeek:
      // WeekdayOf: 0 = Sunday; Monday starts the week (ISO 8601).
      return day - (WeekdayOf(day) + 6) % 7;
    case Granularity::kMonth: {
      YearMonthDay ymd = ToYearMonthDay(day);
      return MakeDay(ymd.year, ymd.month, 1);
    }
    case Granularity::kYear:
      return MakeDay(ToYearMonthDay(day).year, 1, 1);
  }
  return day;
}

Day NextBucketStart(Day start, Granularity by) {
  switch (by) {
    case Granularity::kDay:
      return start + 1;
    case Granularity::kWeek:
      return start + 7;
    case Granularity::kMonth: {
      YearMonthDay ymd = ToYearMonthDay(start);
      return ymd.month == 12 ? MakeDay(ymd.year + 1, 1, 1)
                             : MakeDay(ymd.year, ymd.month + 1, 1);
    }
    case Granularity::kYear:
      return MakeDay(ToYearMonthDay(start).year + 1, 1, 1);
  }
  return start + 1;
}

std::string BucketLabel(Day start, Granularity by) {
  std::string iso = FormatIsoDay(start);
  switch (by) {
    case Granularity::kMonth:
      return iso.substr(0, 7);
    case Granularity::kYear:
      return iso.substr(0, 4);
    default:
      return iso;
  }
}

double CooperationIndex(double weighted_goldstein, int64_t mentions) {
  if (mentions <= 0) return 0;
  double index = weighted_goldstein / (10.0 * static_cast<double>(mentions));
  // Goldstein lies in [-10, 10]; the clamp only guards against bad rows.
  return std::clamp(index, -1.0, 1.0);
}

Result<std::vector<SeriesBucket>> BuildBuckets(std::span<const DailyTally> days,
                                               Day from, Day to,
                                               Granularity by) {
  if (from == kNoDay || to == kNoDay) {
    return InvalidArgumentError("a series needs both ends of its date range");
  }
  if (from > to) {
    return InvalidArgumentError("date range starts (" + FormatIsoDay(from) +
                                ") after it ends (" + FormatIsoDay(to) + ")");
  }
  std::vector<SeriesBucket> buckets;
  std::vector<Day> ends;  // first day after each bucket
  const Day last = BucketStart(to, by);
  for (Day s = BucketStart(from, by);; s = NextBucketStart(s, by)) {
    if (buckets.size() >= kMaxBuckets) {
      return InvalidArgumentError(
          "date range " + FormatIsoDay(from) + " to " + FormatIsoDay(to) +
          " needs more than " + std::to_string(kMaxBuckets) + " " +
          std::string(GranularityName(by)) + " buckets");
    }
    SeriesBucket b;
    b.start = s;
    buckets.push_back(b);
    ends.push_back(NextBucketStart(s, by));
    if (s == last) break;
  }
  std::vector<double> weighted(buckets.size(), 0.0);
  for (const DailyTally& t : days) {
    if (t.day == kNoDay || t.day < from || t.day > to) continue;
    // Buckets are sorted by start: the bucket is the last start <= day.
    size_t i = static_cast<size_t>(
        std::upper_bound(buckets.begin(), buckets.end(), t.day,
                         [](Day d, const SeriesBucket& b) { return d < b.start; }) -
        buckets.begin() - 1);
    SeriesBucket& b = buckets[i];
    b.events += t.events;
    if (t.quad_class >= 1 && t.quad_class <= 4) b.quad[t.quad_class - 1] += t.events;
    b.mentions += t.mentions;
    b.goldstein_sum += t.goldstein_sum;
    weighted[i] += t.weighted_goldstein;
  }
  for (size_t i = 0; i < buckets.size(); ++i) Finish(&buckets[i], weighted[i]);
  return buckets;
}

SeriesBucket MergeBuckets(std::span<const SeriesBucket> buckets) {
  SeriesBucket m;
  m.start = buckets.empty() ? kNoDay : buckets.front().start;
  double weighted = 0;
  for (const SeriesBucket& b : buckets) {
    m.events += b.events;
    for (int q = 0; q < 4; ++q) m.quad[q] += b.quad[q];
    m.mentions += b.mentions;
    m.goldstein_sum += b.goldstein_sum;
    weighted += WeightedGoldstein(b);
  }
  Finish(&m, weighted);
  return m;
}

double LeastSquaresSlope(std::span<const double> x, std::span<const double> y) {
  const size_t n = std::min(x.size(), y.size());
  if (n < 2) return 0;
  double mx = 0, my = 0;
  for (size_t i = 0; i < n; ++i) {
    mx += x[i];
    my += y[i];
  }
  mx /= static_cast<double>(n);
  my /= static_cast<double>(n);
  double sxy = 0, sxx = 0;
  for (size_t i = 0; i < n; ++i) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) * (x[i] - mx);
  }
  return sxx > 0 ? sxy / sxx : 0;
}

double IndexTrend(std::span<const SeriesBucket> buckets) {
  std::vector<double> x, y;
  for (size_t i = 0; i < buckets.size(); ++i) {
    if (buckets[i].events == 0) continue;
    x.push_back(static_cast<double>(i));
    y.push_back(buckets[i].index);
  }
  return LeastSquaresSlope(x, y);
}

std::string Sparkline(std::span<const double> values) {
  static constexpr const char* kBars[] = {"▁", "▂", "▃", "▄",
                                          "▅", "▆", "▇", "█"};
  double lo = std::numeric_limits<double>::infinity();
  double hi = -lo;
  for (double v : values) {
    if (!std::isfinite(v)) continue;
    lo = std::min(lo, v);
    hi = std::max(hi, v);
  }
  std::string out;
  out.reserve(values.size() * 3);
  for (double v : values) {
    if (std::isnan(v)) {
      out += ' ';
      continue;
    }
    int level;
    if (!(hi > lo)) {
      level = 3;
    } else if (v == std::numeric_limits<double>::infinity()) {
      level = 7;
    } else if (v == -std::numeric_limits<double>::infinity()) {
      level = 0;
    } else {
      level = static_cast<int>(std::floor((v - lo) / (hi - lo) * 8.0));
      level = std::clamp(level, 0, 7);
    }
    out += kBars[level];
  }
  return out;
}

std::vector<DyadShift> RankShifts(std::span<const DyadWindowTally> tallies,
                                  int64_t min_events, size_t limit) {
  std::vector<DyadShift> out;
  for (const DyadWindowTally& t : tallies) {
    if (t.before.events < min_events || t.after.events < min_events) continue;
    DyadShift s;
    s.a = t.a;
    s.b = t.b;
    s.before = t.before.index;
    s.after = t.after.index;
    s.delta = s.after - s.before;
    s.events = t.before.events + t.after.events;
    out.push_back(std::move(s));
  }
  std::sort(out.begin(), out.end(), [](const DyadShift& x, const DyadShift& y) {
    double dx = std::abs(x.delta), dy = std::abs(y.delta);
    if (dx != dy) return dx > dy;
    if (x.events != y.events) return x.events > y.events;
    if (x.a != y.a) return x.a < y.a;
    return x.b < y.b;
  });
  if (out.size() > limit) out.resize(limit);
  return out;
}

Result<Lean> ComputeLean(const DyadSeries& with_a, const DyadSeries& with_b) {
  Lean lean;
  if (!SharedCountry(with_a, with_b, &lean.country, &lean.partner_a,
                     &lean.partner_b)) {
    return InvalidArgumentError("dyads " + with_a.a + "–" + with_a.b + " and " +
                                with_b.a + "–" + with_b.b +
                                " share no country");
  }
  if (with_a.by != with_b.by ||
      with_a.buckets.size() != with_b.buckets.size()) {
    return InvalidArgumentError(
        "a lean compares series over the same buckets");
  }
  lean.by = with_a.by;
  std::vector<double> x, diff;
  for (size_t i = 0; i < with_a.buckets.size(); ++i) {
    const SeriesBucket& ba = with_a.buckets[i];
    const SeriesBucket& bb = with_b.buckets[i];
    if (ba.start != bb.start) {
      return InvalidArgumentError(
          "a lean compares series over the same buckets (" +
          FormatIsoDay(ba.start) + " against " + FormatIsoDay(bb.start) + ")");
    }
    LeanBucket lb;
    lb.start = ba.start;
    lb.events_a = ba.events;
    lb.events_b = bb.events;
    lb.index_a = ba.index;
    lb.index_b = bb.index;
    lb.index_difference =
        ba.events > 0 && bb.events > 0 ? ba.index - bb.index : kNaN;
    const int64_t total = ba.events + bb.events;
    lb.volume_share_a = total > 0 ? static_cast<double>(ba.events) /
                                        static_cast<double>(total)
                                  : kNaN;
    if (!std::isnan(lb.index_difference)) {
      x.push_back(static_cast<double>(i));
      diff.push_back(lb.index_difference);
    }
    lean.buckets.push_back(lb);
  }
  SeriesBucket all_a = MergeBuckets(with_a.buckets);
  SeriesBucket all_b = MergeBuckets(with_b.buckets);
  lean.events_a = all_a.events;
  lean.events_b = all_b.events;
  lean.index_a = all_a.index;
  lean.index_b = all_b.index;
  lean.index_difference = all_a.index - all_b.index;
  const int64_t total = all_a.events + all_b.events;
  lean.volume_share_a =
      total > 0 ? static_cast<double>(all_a.events) / static_cast<double>(total)
                : 0.5;
  lean.trend = LeastSquaresSlope(x, diff);
  return lean;
}

}  // namespace dyad
