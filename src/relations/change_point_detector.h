// ChangePointDetector: where a relation shifts, by two methods.
//
// - CUSUM (offline, standardised): the cumulative sum of deviations from
//   the segment mean, divided by sigma·sqrt(n), is compared with a quantile
//   of the supremum of a Brownian bridge (Kolmogorov distribution); binary
//   segmentation finds further shifts on either side.
// - BOCPD (Adams & MacKay 2007): Bayesian online change-point detection
//   with a normal model of unknown mean (known variance, normal prior on
//   the mean) and a constant hazard 1/lambda; change points are read off
//   the run-length posterior by backtracking its MAP.
// A shift is a sustained change of level, not one extreme bucket: both
// methods first screen outliers with a Hampel filter (a value further than
// outlier_threshold·sigma from the median of its 5-value window is replaced
// by that median; a step survives a running median, a spike does not).
// Sigma, the noise level, is then the standard deviation of successive
// differences / sqrt(2), which a few level shifts barely inflate.
// Parameters and their reasons (simulations): doc/relations.md.
//
// Pure computations over a sequence of observations; thread-safe.
#ifndef DYAD_RELATIONS_CHANGE_POINT_DETECTOR_H_
#define DYAD_RELATIONS_CHANGE_POINT_DETECTOR_H_

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "relations/relation_series.h"

namespace dyad {

struct CusumOptions {
  // Flag when max|S_k| / (sigma·sqrt(n)) exceeds this: 1.628 is the 99%
  // quantile of the Kolmogorov distribution (sup of a Brownian bridge).
  double threshold = 1.628;
  size_t min_segment = 3;   // observations on each side of a shift
  size_t max_changes = 8;
  double outlier_threshold = 4.0;  // Hampel screen in sigmas; 0: off
};

struct BocpdOptions {
  double hazard_lambda = 250;   // expected run length in observations
  // Keep a change when the posterior probability that the segment started
  // there (±1 observation) reaches this.
  double min_probability = 0.5;
  size_t min_segment = 3;       // shorter segments are merged away
  double outlier_threshold = 4.0;  // Hampel screen in sigmas; 0: off
};

struct ChangePointOptions {
  CusumOptions cusum;
  BocpdOptions bocpd;
  bool use_cusum = true;
  bool use_bocpd = true;
  // Buckets with fewer event groups are not observations (their index is
  // mostly noise, and an empty bucket's index of 0 is no observation).
  int64_t min_bucket_events = 1;
  // Shifts smaller than this (|after - before|, index units) are dropped.
  double min_delta = 0.0;
};

// A shift found in a sequence: observations [0, index) before it,
// [index, n) after it (up to the neighbouring shifts).
struct DetectedChange {
  size_t index = 0;
  double before = 0, after = 0;  // means of the (unscreened) segments on
                                 // either side
  double score = 0;              // CUSUM statistic or posterior probability
};

// The noise sigma of `x`: 1.4826·median|x_i - x_{i-1}| / sqrt(2) (MAD of
// successive differences), falling back to their standard deviation / sqrt(2)
// when the median is 0; 0 for fewer than two values or a constant series.
double RobustSigma(std::span<const double> x);

// Half width of the Hampel filter's window (5 values).
inline constexpr size_t kHampelHalfWidth = 2;

// `x` with each value further than threshold·RobustSigma(x) from the median
// of its window (kHampelHalfWidth on each side, clipped at the ends)
// replaced by that median.
std::vector<double> HampelFilter(std::span<const double> x, double threshold);

// Standardised CUSUM with binary segmentation; shifts sorted by index.
std::vector<DetectedChange> DetectCusum(std::span<const double> x,
                                        const CusumOptions& options);

// BOCPD change points sorted by index.
std::vector<DetectedChange> DetectBocpd(std::span<const double> x,
                                        const BocpdOptions& options);

class ChangePointDetector {
 public:
  explicit ChangePointDetector(ChangePointOptions options = {})
      : options_(options) {}

  // Shifts of the index of `buckets` (observations: buckets with at least
  // min_bucket_events), by every enabled method, sorted by day then method.
  // A shift's day is the start of the first observed bucket after it.
  std::vector<ChangePoint> Detect(std::span<const SeriesBucket> buckets) const;

  const ChangePointOptions& options() const { return options_; }

 private:
  ChangePointOptions options_;
};

}  // namespace dyad

#endif  // DYAD_RELATIONS_CHANGE_POINT_DETECTOR_H_
