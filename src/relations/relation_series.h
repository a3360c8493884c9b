// Relation series: the state of relations between two countries over time.
//
// The types shared with the server (contract of session 2) and the pure
// computations behind them: calendar buckets, the cooperation–conflict
// index, the least-squares trend, the sparkline, the ranking of dyads that
// moved, and the lean of a country between two partners. Nothing here
// touches the database (see relations_reader.h); every function is pure and
// thread-safe. Definitions and their reasons: doc/relations.md.
#ifndef DYAD_RELATIONS_RELATION_SERIES_H_
#define DYAD_RELATIONS_RELATION_SERIES_H_

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "util/civil_date.h"
#include "util/status.h"

namespace dyad {

enum class Granularity { kDay, kWeek, kMonth, kYear };

// "day" | "week" | "month" | "year"; InvalidArgument naming the text
// otherwise.
Result<Granularity> ParseGranularity(std::string_view text);

// "day" | "week" | "month" | "year".
std::string_view GranularityName(Granularity by);

// The first day of the bucket holding `day` (weeks start on Monday).
// `day` must not be kNoDay.
Day BucketStart(Day day, Granularity by);

// The first day of the bucket after the one starting at `start` (which must
// be a bucket start).
Day NextBucketStart(Day start, Granularity by);

// A short label for the bucket starting at `start`: "2018-06-04" for days
// and weeks, "2018-06" for months, "2018" for years.
std::string BucketLabel(Day start, Granularity by);

struct SeriesBucket {
  Day start;                 // first day of the bucket (weeks start Monday)
  int64_t events = 0;        // event groups
  int64_t quad[4] = {};      // by quad class 1..4 (verbal coop, material
                             // coop, verbal conflict, material conflict)
  int64_t mentions = 0;      // sum of num_mentions
  double goldstein_sum = 0, goldstein_mean = 0;
  double index = 0;          // cooperation–conflict index in [-1, 1],
                             // mention-weighted; 0 when no events
};

// method "cusum" | "bocpd"; before/after: mean index of the segments on
// either side of `day` (the first day of the first bucket after the shift).
struct ChangePoint {
  Day day;
  double before = 0, after = 0;
  double score = 0;
  std::string method;
};

struct DyadSeries {
  std::string a, b;
  bool directed = false;
  Granularity by;
  std::vector<SeriesBucket> buckets;  // contiguous from `from` to `to`,
                                      // empty buckets included
  std::vector<ChangePoint> shifts;
  double trend = 0;  // least-squares slope of index per bucket
};

struct SeriesQuery {
  std::string a, b;
  bool directed = false;
  Day from = kNoDay, to = kNoDay;
  Granularity by = Granularity::kMonth;
  bool include_all_modalities = false;
};

struct PartnerScore {
  std::string country;
  int64_t events = 0, mentions = 0;
  double index = 0;
  double goldstein_mean = 0;
};

struct DyadShift {
  std::string a, b;
  double before = 0, after = 0, delta = 0;
  int64_t events = 0;
};

// What the store says about one day (and one quad class) of a dyad: the
// rows of the reader's GROUP BY date, quad_class. Groups without a Goldstein
// score count as 0 (neutral) in every sum.
struct DailyTally {
  Day day = kNoDay;
  int quad_class = 0;              // 1..4, 0 when unknown
  int64_t events = 0;              // event groups
  int64_t mentions = 0;            // Σ num_mentions
  double goldstein_sum = 0;        // Σ goldstein
  double weighted_goldstein = 0;   // Σ num_mentions · goldstein
};

// Buckets of granularity `by` from the bucket holding `from` to the bucket
// holding `to` (inclusive, empty buckets included), filled from `days`
// (any order; tallies outside [from, to] are ignored). The first and last
// buckets may be partial: they only hold days within [from, to].
// InvalidArgument when from or to is kNoDay, from > to, or the range would
// need more than kMaxBuckets buckets.
inline constexpr size_t kMaxBuckets = 200000;
Result<std::vector<SeriesBucket>> BuildBuckets(std::span<const DailyTally> days,
                                               Day from, Day to,
                                               Granularity by);

// The cooperation–conflict index: Σ(mentions·goldstein) / (10·Σ mentions),
// clamped to [-1, 1]; 0 when there are no mentions. Since index·10·mentions
// gives the weighted sum back, buckets merge exactly.
double CooperationIndex(double weighted_goldstein, int64_t mentions);

// One bucket holding the sums of `buckets` (start = the first one's, or
// kNoDay when empty) with its mean and index: the figures of a window.
SeriesBucket MergeBuckets(std::span<const SeriesBucket> buckets);

// Least-squares slope of y over x (same sizes); 0 with fewer than two
// distinct x.
double LeastSquaresSlope(std::span<const double> x, std::span<const double> y);

// Slope of the index per bucket over the buckets with events (x = bucket
// position, so empty buckets leave gaps rather than zeros).
double IndexTrend(std::span<const SeriesBucket> buckets);

// One character of ▁▂▃▄▅▆▇█ (UTF-8) per value, scaled from the smallest to
// the largest finite value (all equal: ▄). A NaN value (an empty bucket)
// is a space.
std::string Sparkline(std::span<const double> values);

// A dyad's sums over the two parts of a Shifts() window.
struct DyadWindowTally {
  std::string a, b;        // a < b
  SeriesBucket before;     // the window up to the last bucket
  SeriesBucket after;      // the last bucket of the window
};

// Dyads whose index moved most between `before` and `after`: those with at
// least `min_events` event groups in each part, ranked by |after - before|
// (then by events, then by a and b), at most `limit` of them.
std::vector<DyadShift> RankShifts(std::span<const DyadWindowTally> tallies,
                                  int64_t min_events, size_t limit);

// One bucket of a lean: the shared country's relations with partner A and
// with partner B.
struct LeanBucket {
  Day start = kNoDay;
  int64_t events_a = 0, events_b = 0;
  double index_a = 0, index_b = 0;
  // index_a - index_b when both partners have events in the bucket, NaN
  // otherwise.
  double index_difference = 0;
  // events_a / (events_a + events_b); NaN when neither has events.
  double volume_share_a = 0;
};

// Which way `country` leans between partners a and b: a positive
// index_difference means warmer relations with a than with b; volume_share_a
// is a's share of the attention (events with either).
struct Lean {
  std::string country, partner_a, partner_b;
  Granularity by = Granularity::kMonth;
  std::vector<LeanBucket> buckets;
  int64_t events_a = 0, events_b = 0;
  double index_a = 0, index_b = 0;  // over the whole window
  double index_difference = 0;      // index_a - index_b
  double volume_share_a = 0;        // events_a / (events_a + events_b), 0.5
                                    // when neither has events
  double trend = 0;  // slope of index_difference per bucket (buckets where
                     // both have events)
};

// The lean of the country shared by `with_a` and `with_b` (undirected
// series of the same granularity over the same buckets, e.g. PRK–CHN and
// PRK–RUS). InvalidArgument when they share no country, differ in
// granularity or buckets.
Result<Lean> ComputeLean(const DyadSeries& with_a, const DyadSeries& with_b);

}  // namespace dyad

#endif  // DYAD_RELATIONS_RELATION_SERIES_H_
