#include "relations/relation_series.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <string>
#include <vector>

namespace dyad {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

Day D(const char* iso) { return *ParseIsoDay(iso); }

TEST(RelationSeriesTest, ParsesGranularities) {
  struct Case {
    const char* text;
    bool ok;
    Granularity by;
  };
  const Case cases[] = {
      {"day", true, Granularity::kDay},      {"week", true, Granularity::kWeek},
      {"month", true, Granularity::kMonth},  {"year", true, Granularity::kYear},
      {"Month", false, Granularity::kDay},   {"", false, Granularity::kDay},
      {"quarter", false, Granularity::kDay},
  };
  for (const Case& c : cases) {
    auto g = ParseGranularity(c.text);
    ASSERT_EQ(g.ok(), c.ok) << c.text;
    if (c.ok) {
      EXPECT_EQ(*g, c.by) << c.text;
      EXPECT_EQ(GranularityName(*g), c.text);
    } else {
      EXPECT_NE(g.status().message().find(c.text), std::string::npos);
    }
  }
}

TEST(RelationSeriesTest, BucketStartsAcrossYearEnds) {
  struct Case {
    const char* day;
    Granularity by;
    const char* start;
    const char* next;
  };
  const Case cases[] = {
      // 2018-12-31 is a Monday; 2019-01-06 a Sunday.
      {"2018-12-31", Granularity::kWeek, "2018-12-31", "2019-01-07"},
      {"2019-01-06", Granularity::kWeek, "2018-12-31", "2019-01-07"},
      {"2019-01-07", Granularity::kWeek, "2019-01-07", "2019-01-14"},
      // 2021-01-01 is a Friday: its week started in 2020.
      {"2021-01-01", Granularity::kWeek, "2020-12-28", "2021-01-04"},
      {"2020-02-29", Granularity::kMonth, "2020-02-01", "2020-03-01"},
      {"2018-12-15", Granularity::kMonth, "2018-12-01", "2019-01-01"},
      {"2018-12-31", Granularity::kYear, "2018-01-01", "2019-01-01"},
      {"2018-12-31", Granularity::kDay, "2018-12-31", "2019-01-01"},
      // Before 1970 (negative day numbers).
      {"1969-12-31", Granularity::kWeek, "1969-12-29", "1970-01-05"},
  };
  for (const Case& c : cases) {
    Day s = BucketStart(D(c.day), c.by);
    EXPECT_EQ(FormatIsoDay(s), c.start) << c.day;
    EXPECT_EQ(FormatIsoDay(NextBucketStart(s, c.by)), c.next) << c.day;
  }
}

TEST(RelationSeriesTest, BucketLabels) {
  EXPECT_EQ(BucketLabel(D("2018-06-04"), Granularity::kWeek), "2018-06-04");
  EXPECT_EQ(BucketLabel(D("2018-06-01"), Granularity::kMonth), "2018-06");
  EXPECT_EQ(BucketLabel(D("2018-01-01"), Granularity::kYear), "2018");
}

TEST(RelationSeriesTest, WeeklyBucketsSpanTheYearEndWithEmptyBuckets) {
  std::vector<DailyTally> days = {
      {D("2018-12-27"), 1, 2, 3, 6.0, 9.0},      // week of 12-24
      {D("2019-01-02"), 4, 1, 5, -10.0, -50.0},  // week of 12-31
      {D("2019-01-03"), 1, 1, 1, 3.0, 3.0},      // same week
      // weeks of 01-07 and 01-14 empty
      {D("2019-01-21"), 3, 1, 2, -2.0, -4.0},
      {D("2019-02-01"), 1, 7, 7, 1.0, 7.0},  // outside the range: ignored
  };
  auto b = BuildBuckets(days, D("2018-12-26"), D("2019-01-22"),
                        Granularity::kWeek);
  ASSERT_TRUE(b.ok()) << b.status().ToString();
  ASSERT_EQ(b->size(), 5u);
  const char* starts[] = {"2018-12-24", "2018-12-31", "2019-01-07",
                          "2019-01-14", "2019-01-21"};
  const int64_t events[] = {2, 2, 0, 0, 1};
  for (size_t i = 0; i < 5; ++i) {
    EXPECT_EQ(FormatIsoDay((*b)[i].start), starts[i]) << i;
    EXPECT_EQ((*b)[i].events, events[i]) << i;
  }
  const SeriesBucket& w = (*b)[1];
  EXPECT_EQ(w.quad[0], 1);
  EXPECT_EQ(w.quad[3], 1);
  EXPECT_EQ(w.mentions, 6);
  EXPECT_DOUBLE_EQ(w.goldstein_sum, -7.0);
  EXPECT_DOUBLE_EQ(w.goldstein_mean, -3.5);
  EXPECT_DOUBLE_EQ(w.index, (-50.0 + 3.0) / (10.0 * 6));
  // Empty buckets: zeros, index 0.
  EXPECT_EQ((*b)[2].mentions, 0);
  EXPECT_EQ((*b)[2].index, 0);
  EXPECT_EQ((*b)[2].goldstein_mean, 0);
}

TEST(RelationSeriesTest, MonthlyBucketsAcrossYearEnd) {
  std::vector<DailyTally> days = {
      {D("2018-11-30"), 2, 1, 1, 7.0, 7.0},
      {D("2019-01-31"), 3, 1, 1, -4.0, -4.0},
  };
  auto b = BuildBuckets(days, D("2018-11-15"), D("2019-02-02"),
                        Granularity::kMonth);
  ASSERT_TRUE(b.ok());
  ASSERT_EQ(b->size(), 4u);
  EXPECT_EQ(FormatIsoDay((*b)[0].start), "2018-11-01");
  EXPECT_EQ(FormatIsoDay((*b)[1].start), "2018-12-01");
  EXPECT_EQ(FormatIsoDay((*b)[2].start), "2019-01-01");
  EXPECT_EQ(FormatIsoDay((*b)[3].start), "2019-02-01");
  EXPECT_EQ((*b)[0].quad[1], 1);
  EXPECT_EQ((*b)[1].events, 0);
  EXPECT_DOUBLE_EQ((*b)[2].index, -0.4);
}

TEST(RelationSeriesTest, RejectsBadRanges) {
  struct Case {
    Day from, to;
    Granularity by;
    const char* message_part;
  };
  const Case cases[] = {
      {kNoDay, D("2019-01-01"), Granularity::kDay, "both ends"},
      {D("2019-01-02"), D("2019-01-01"), Granularity::kDay, "after it ends"},
      {D("1000-01-01"), D("2999-01-01"), Granularity::kDay, "more than"},
  };
  for (const Case& c : cases) {
    auto b = BuildBuckets({}, c.from, c.to, c.by);
    ASSERT_FALSE(b.ok());
    EXPECT_NE(b.status().message().find(c.message_part), std::string::npos)
        << b.status().message();
  }
  // One day is one bucket.
  auto one = BuildBuckets({}, D("2019-01-01"), D("2019-01-01"),
                          Granularity::kYear);
  ASSERT_TRUE(one.ok());
  EXPECT_EQ(one->size(), 1u);
}

TEST(RelationSeriesTest, IndexStaysWithinBounds) {
  struct Case {
    double weighted;
    int64_t mentions;
    double index;
  };
  const Case cases[] = {
      {100.0, 10, 1.0},    // all +10
      {-100.0, 10, -1.0},  // all -10
      {0.0, 0, 0.0},       // nothing
      {-500.0, 10, -1.0},  // bad rows (|goldstein| > 10): clamped
      {35.0, 10, 0.35},
  };
  for (const Case& c : cases) {
    EXPECT_DOUBLE_EQ(CooperationIndex(c.weighted, c.mentions), c.index);
  }
}

TEST(RelationSeriesTest, MergedBucketsKeepTheWeightedIndex) {
  std::vector<DailyTally> days = {
      {D("2020-01-05"), 1, 1, 9, 10.0, 90.0},
      {D("2020-02-05"), 4, 3, 3, -30.0, -30.0},
  };
  auto b = BuildBuckets(days, D("2020-01-01"), D("2020-03-31"),
                        Granularity::kMonth);
  ASSERT_TRUE(b.ok());
  SeriesBucket all = MergeBuckets(*b);
  EXPECT_EQ(all.events, 4);
  EXPECT_EQ(all.mentions, 12);
  EXPECT_EQ(all.quad[0], 1);
  EXPECT_EQ(all.quad[3], 3);
  EXPECT_DOUBLE_EQ(all.goldstein_mean, -20.0 / 4);
  // Mentions weigh: 9 mentions at +10 against 3 at -10.
  EXPECT_NEAR(all.index, (90.0 - 30.0) / 120.0, 1e-12);
  EXPECT_EQ(MergeBuckets({}).events, 0);
}

TEST(RelationSeriesTest, LeastSquaresSlope) {
  std::vector<double> x = {0, 1, 2, 3};
  std::vector<double> y = {1, 3, 5, 7};
  EXPECT_DOUBLE_EQ(LeastSquaresSlope(x, y), 2.0);
  std::vector<double> flat = {4, 4, 4, 4};
  EXPECT_DOUBLE_EQ(LeastSquaresSlope(x, flat), 0.0);
  EXPECT_DOUBLE_EQ(LeastSquaresSlope(std::vector<double>{1},
                                     std::vector<double>{5}),
                   0.0);
}

TEST(RelationSeriesTest, TrendSkipsEmptyBuckets) {
  // Index 0.1, (empty), 0.3, 0.4 at positions 0, 2, 3: slope 0.1 exactly
  // only if the empty bucket is left out rather than read as 0.
  std::vector<SeriesBucket> b(4);
  const double index[] = {0.1, 0, 0.3, 0.4};
  for (int i = 0; i < 4; ++i) {
    b[i].start = i;
    b[i].events = i == 1 ? 0 : 1;
    b[i].index = index[i];
  }
  EXPECT_NEAR(IndexTrend(b), 0.1, 1e-12);
}

TEST(RelationSeriesTest, Sparkline) {
  struct Case {
    std::vector<double> values;
    std::string line;
  };
  const Case cases[] = {
      {{0, 1, 2, 3, 4, 5, 6, 7}, "▁▂▃▄▅▆▇█"},
      {{-1, 1}, "▁█"},
      {{0.5, 0.5, 0.5}, "▄▄▄"},
      {{-1, kNaN, 1}, "▁ █"},
      {{}, ""},
  };
  for (const Case& c : cases) EXPECT_EQ(Sparkline(c.values), c.line);
}

TEST(RelationSeriesTest, RankShiftsByMagnitudeWithVolumeThreshold) {
  auto part = [](int64_t events, double index) {
    SeriesBucket b;
    b.events = events;
    b.mentions = events;
    b.index = index;
    return b;
  };
  std::vector<DyadWindowTally> t = {
      {"CHN", "PRK", part(40, 0.5), part(10, 0.0)},   // delta -0.5
      {"RUS", "UKR", part(40, -0.1), part(8, -0.7)},  // delta -0.6
      {"JPN", "KOR", part(2, 0.9), part(1, -0.9)},    // too few events
      {"FRA", "USA", part(30, 0.25), part(30, 0.75)},  // delta +0.5, busier
  };
  auto r = RankShifts(t, 5, 10);
  ASSERT_EQ(r.size(), 3u);
  EXPECT_EQ(r[0].a + r[0].b, "RUSUKR");
  EXPECT_NEAR(r[0].delta, -0.6, 1e-12);
  EXPECT_EQ(r[0].events, 48);
  // Equal |delta|: the dyad with more events first.
  EXPECT_EQ(r[1].a + r[1].b, "FRAUSA");
  EXPECT_EQ(r[2].a + r[2].b, "CHNPRK");
  EXPECT_DOUBLE_EQ(r[2].before, 0.5);
  EXPECT_DOUBLE_EQ(r[2].after, 0.0);
  EXPECT_EQ(RankShifts(t, 5, 1).size(), 1u);
}

DyadSeries MakeSeries(std::string a, std::string b,
                      std::vector<std::pair<int64_t, double>> buckets) {
  DyadSeries s;
  s.a = std::move(a);
  s.b = std::move(b);
  s.by = Granularity::kMonth;
  Day start = D("2020-01-01");
  for (auto [events, index] : buckets) {
    SeriesBucket x;
    x.start = start;
    x.events = events;
    x.mentions = events;
    x.index = index;
    s.buckets.push_back(x);
    start = NextBucketStart(start, Granularity::kMonth);
  }
  return s;
}

TEST(RelationSeriesTest, LeanTowardsTheWarmerPartner) {
  DyadSeries chn = MakeSeries("PRK", "CHN", {{10, 0.5}, {0, 0}, {10, 0.6}, {10, 0.7}});
  DyadSeries rus = MakeSeries("RUS", "PRK", {{30, 0.1}, {5, 0.2}, {10, 0.1}, {0, 0}});
  auto lean = ComputeLean(chn, rus);
  ASSERT_TRUE(lean.ok()) << lean.status().ToString();
  EXPECT_EQ(lean->country, "PRK");
  EXPECT_EQ(lean->partner_a, "CHN");
  EXPECT_EQ(lean->partner_b, "RUS");
  ASSERT_EQ(lean->buckets.size(), 4u);
  EXPECT_NEAR(lean->buckets[0].index_difference, 0.4, 1e-12);
  EXPECT_TRUE(std::isnan(lean->buckets[1].index_difference));
  EXPECT_DOUBLE_EQ(lean->buckets[1].volume_share_a, 0.0);
  EXPECT_NEAR(lean->buckets[2].index_difference, 0.5, 1e-12);
  EXPECT_TRUE(std::isnan(lean->buckets[3].index_difference));
  EXPECT_DOUBLE_EQ(lean->buckets[0].volume_share_a, 0.25);
  EXPECT_EQ(lean->events_a, 30);
  EXPECT_EQ(lean->events_b, 45);
  EXPECT_NEAR(lean->index_a, 0.6, 1e-12);
  EXPECT_NEAR(lean->index_b, (3.0 + 1.0 + 1.0) / 45, 1e-12);
  EXPECT_GT(lean->index_difference, 0);  // warmer with China
  EXPECT_DOUBLE_EQ(lean->volume_share_a, 30.0 / 75);
  EXPECT_NEAR(lean->trend, 0.05, 1e-12);  // (0.5 - 0.4) over 2 buckets
}

TEST(RelationSeriesTest, LeanNeedsASharedCountryAndTheSameBuckets) {
  DyadSeries a = MakeSeries("PRK", "CHN", {{1, 0.1}});
  DyadSeries b = MakeSeries("USA", "JPN", {{1, 0.1}});
  EXPECT_FALSE(ComputeLean(a, b).ok());
  DyadSeries c = MakeSeries("PRK", "RUS", {{1, 0.1}, {1, 0.2}});
  EXPECT_FALSE(ComputeLean(a, c).ok());
}

}  // namespace
}  // namespace dyad
