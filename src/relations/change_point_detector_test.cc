#include "relations/change_point_detector.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <random>
#include <vector>

namespace dyad {
namespace {

// n observations of N(0, sd) with the mean moving by `shift` from `at` on.
std::vector<double> StepSeries(size_t n, size_t at, double shift, double sd,
                               unsigned seed) {
  std::mt19937 rng(seed);
  std::normal_distribution<double> noise(0, sd);
  std::vector<double> x(n);
  for (size_t i = 0; i < n; ++i) x[i] = noise(rng) + (i >= at ? shift : 0);
  return x;
}

bool FoundNear(const std::vector<DetectedChange>& found, size_t at) {
  for (const DetectedChange& c : found) {
    if (c.index + 1 >= at && c.index <= at + 1) return true;
  }
  return false;
}

TEST(ChangePointDetectorTest, RobustSigmaIgnoresALevelShift) {
  std::vector<double> noisy = StepSeries(400, 200, 0, 0.2, 7);
  std::vector<double> shifted = StepSeries(400, 200, 5.0, 0.2, 7);
  EXPECT_NEAR(RobustSigma(noisy), 0.2, 0.03);
  EXPECT_NEAR(RobustSigma(shifted), RobustSigma(noisy), 0.01);
  EXPECT_EQ(RobustSigma(std::vector<double>{1, 1, 1}), 0);
  EXPECT_EQ(RobustSigma(std::vector<double>{1}), 0);
  // Constant with one jump: the fallback sees the jump.
  EXPECT_GT(RobustSigma(std::vector<double>{0, 0, 0, 1, 1, 1}), 0);
}

// A known shift of the mean, found within ±1 observation by both methods.
TEST(ChangePointDetectorTest, FindsAKnownShift) {
  struct Case {
    size_t n, at;
    double shift, sd;
    unsigned seed;
  };
  const Case cases[] = {
      {60, 30, 0.6, 0.2, 1},    // 3 sigma up, monthly over five years
      {120, 80, -0.5, 0.2, 2},  // 2.5 sigma down
      {24, 12, 0.8, 0.2, 3},    // 4 sigma, two years
      {365, 100, 0.4, 0.1, 4},  // daily over a year
  };
  for (const Case& c : cases) {
    std::vector<double> x = StepSeries(c.n, c.at, c.shift, c.sd, c.seed);
    auto cusum = DetectCusum(x, {});
    auto bocpd = DetectBocpd(x, {});
    EXPECT_TRUE(FoundNear(cusum, c.at)) << "cusum, seed " << c.seed;
    EXPECT_TRUE(FoundNear(bocpd, c.at)) << "bocpd, seed " << c.seed;
    EXPECT_EQ(cusum.size(), 1u) << "seed " << c.seed;
    EXPECT_EQ(bocpd.size(), 1u) << "seed " << c.seed;
    for (const auto* found : {&cusum, &bocpd}) {
      if (found->empty()) continue;
      const DetectedChange& d = found->front();
      EXPECT_NEAR(d.after - d.before, c.shift, 3 * c.sd) << c.seed;
    }
    ASSERT_FALSE(cusum.empty());
    EXPECT_GT(cusum.front().score, CusumOptions{}.threshold);
    ASSERT_FALSE(bocpd.empty());
    EXPECT_GE(bocpd.front().score, BocpdOptions{}.min_probability);
    EXPECT_LE(bocpd.front().score, 1.0);
  }
}

TEST(ChangePointDetectorTest, FindsTwoShifts) {
  std::vector<double> x = StepSeries(90, 30, 0.8, 0.2, 11);
  for (size_t i = 60; i < 90; ++i) x[i] -= 1.6;  // up at 30, down at 60
  auto cusum = DetectCusum(x, {});
  auto bocpd = DetectBocpd(x, {});
  for (const auto* found : {&cusum, &bocpd}) {
    ASSERT_EQ(found->size(), 2u);
    EXPECT_TRUE(FoundNear(*found, 30));
    EXPECT_TRUE(FoundNear(*found, 60));
    EXPECT_GT((*found)[0].after, (*found)[0].before);
    EXPECT_LT((*found)[1].after, (*found)[1].before);
  }
}

TEST(ChangePointDetectorTest, NoFalseAlarmOnStationaryNoise) {
  for (unsigned seed : {21u, 22u, 23u}) {
    for (size_t n : {24u, 120u, 1000u}) {
      std::vector<double> x = StepSeries(n, 0, 0, 0.3, seed);
      EXPECT_TRUE(DetectCusum(x, {}).empty()) << "n " << n << " seed " << seed;
      EXPECT_TRUE(DetectBocpd(x, {}).empty()) << "n " << n << " seed " << seed;
    }
  }
}

// Over many seeds the false-alarm rate stays near the CUSUM's nominal 1%
// level (and BOCPD's, which is calibrated by its hazard).
TEST(ChangePointDetectorTest, FalseAlarmRateIsLow) {
  int cusum_alarms = 0, bocpd_alarms = 0;
  const int kSeries = 200;
  for (int seed = 0; seed < kSeries; ++seed) {
    std::vector<double> x =
        StepSeries(120, 0, 0, 0.2, static_cast<unsigned>(1000 + seed));
    cusum_alarms += !DetectCusum(x, {}).empty();
    bocpd_alarms += !DetectBocpd(x, {}).empty();
  }
  EXPECT_LE(cusum_alarms, kSeries * 5 / 100);
  EXPECT_LE(bocpd_alarms, kSeries * 5 / 100);
}

TEST(ChangePointDetectorTest, ShortAndConstantSeriesHaveNoShift) {
  const std::vector<std::vector<double>> cases = {
      {}, {0.5}, {0.1, 0.9}, {0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3}};
  for (const auto& x : cases) {
    EXPECT_TRUE(DetectCusum(x, {}).empty()) << x.size();
    EXPECT_TRUE(DetectBocpd(x, {}).empty()) << x.size();
  }
}

TEST(ChangePointDetectorTest, NoiseFreeStepIsFound) {
  std::vector<double> x(20, -0.5);
  for (size_t i = 10; i < 20; ++i) x[i] = 0.5;
  auto cusum = DetectCusum(x, {});
  auto bocpd = DetectBocpd(x, {});
  ASSERT_EQ(cusum.size(), 1u);
  EXPECT_EQ(cusum[0].index, 10u);
  EXPECT_DOUBLE_EQ(cusum[0].before, -0.5);
  EXPECT_DOUBLE_EQ(cusum[0].after, 0.5);
  ASSERT_EQ(bocpd.size(), 1u);
  EXPECT_EQ(bocpd[0].index, 10u);
}

TEST(ChangePointDetectorTest, SingleOutlierIsNoShift) {
  std::vector<double> x = StepSeries(60, 0, 0, 0.1, 5);
  x[30] += 0.8;  // 8 sigma, one bucket
  EXPECT_TRUE(DetectBocpd(x, {}).empty());
  EXPECT_TRUE(DetectCusum(x, {}).empty());
}

// On buckets: empty ones are not observations; the shift is dated by the
// first observed bucket after it.
TEST(ChangePointDetectorTest, DetectsOnBucketsSkippingEmptyOnes) {
  std::vector<double> x = StepSeries(48, 24, -0.6, 0.15, 10);
  std::vector<SeriesBucket> buckets;
  Day start = *ParseIsoDay("2016-01-01");
  size_t obs = 0;
  for (size_t i = 0; obs < x.size(); ++i) {
    SeriesBucket b;
    b.start = start;
    start = NextBucketStart(start, Granularity::kMonth);
    if (i % 5 == 4) {  // every fifth month empty
      buckets.push_back(b);
      continue;
    }
    b.events = 3;
    b.mentions = 3;
    b.index = x[obs++];
    buckets.push_back(b);
  }
  // Observation 24 is the 24th observed bucket: month 30 (6 empty before).
  const Day expected = buckets[30].start;
  ASSERT_EQ(buckets[30].index, x[24]);
  ChangePointDetector detector;
  auto shifts = detector.Detect(buckets);
  int cusum = 0, bocpd = 0;
  for (const ChangePoint& c : shifts) {
    EXPECT_LE(std::abs(c.day - expected), 31) << FormatIsoDay(c.day);
    EXPECT_LT(c.after, c.before);
    cusum += c.method == "cusum";
    bocpd += c.method == "bocpd";
  }
  EXPECT_EQ(cusum, 1);
  EXPECT_EQ(bocpd, 1);
  // A large minimum shift silences both.
  ChangePointOptions strict;
  strict.min_delta = 2.0;
  EXPECT_TRUE(ChangePointDetector(strict).Detect(buckets).empty());
  // Disabled methods report nothing.
  ChangePointOptions none;
  none.use_cusum = none.use_bocpd = false;
  EXPECT_TRUE(ChangePointDetector(none).Detect(buckets).empty());
}

}  // namespace
}  // namespace dyad
