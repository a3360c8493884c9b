#include "relations/change_point_detector.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>

namespace dyad {
namespace {

// Below this the series is taken as noise-free (sigma 0 would divide by 0).
constexpr double kSigmaFloor = 1e-9;

double Mean(std::span<const double> x) {
  if (x.empty()) return 0;
  double s = 0;
  for (double v : x) s += v;
  return s / static_cast<double>(x.size());
}

double StdDev(std::span<const double> x) {
  if (x.size() < 2) return 0;
  double m = Mean(x), ss = 0;
  for (double v : x) ss += (v - m) * (v - m);
  return std::sqrt(ss / static_cast<double>(x.size() - 1));
}

double Median(std::vector<double> v) {
  if (v.empty()) return 0;
  size_t mid = v.size() / 2;
  std::nth_element(v.begin(), v.begin() + mid, v.end());
  double m = v[mid];
  if (v.size() % 2 == 0) {
    m = (m + *std::max_element(v.begin(), v.begin() + mid)) / 2;
  }
  return m;
}

// Standard deviation of successive differences / sqrt(2): sigma of the
// noise when the mean is piecewise constant (each shift adds only one
// difference), efficient once outliers are gone.
double DifferenceSigma(std::span<const double> x) {
  if (x.size() < 2) return 0;
  double ss = 0;
  for (size_t i = 1; i < x.size(); ++i) ss += (x[i] - x[i - 1]) * (x[i] - x[i - 1]);
  double sigma =
      std::sqrt(ss / static_cast<double>(x.size() - 1)) / std::sqrt(2.0);
  return sigma < kSigmaFloor ? 0 : sigma;
}

// The series the detectors work on: outliers screened (see HampelFilter),
// and its noise sigma.
std::vector<double> Screened(std::span<const double> x, double threshold,
                             double* sigma) {
  std::vector<double> y = threshold > 0 ? HampelFilter(x, threshold)
                                        : std::vector<double>(x.begin(), x.end());
  *sigma = DifferenceSigma(y);
  return y;
}

// Fills before/after of `changes` (sorted by index) with segment means.
void FillMeans(std::span<const double> x, std::vector<DetectedChange>* changes) {
  for (size_t i = 0; i < changes->size(); ++i) {
    size_t lo = i == 0 ? 0 : (*changes)[i - 1].index;
    size_t mid = (*changes)[i].index;
    size_t hi = i + 1 < changes->size() ? (*changes)[i + 1].index : x.size();
    (*changes)[i].before = Mean(x.subspan(lo, mid - lo));
    (*changes)[i].after = Mean(x.subspan(mid, hi - mid));
  }
}

// Binary segmentation of x[lo, hi).
void Segment(std::span<const double> x, size_t lo, size_t hi, double sigma,
             const CusumOptions& o, std::vector<DetectedChange>* out) {
  const size_t n = hi - lo;
  const size_t m = std::max<size_t>(o.min_segment, 1);
  if (n < 2 * m || out->size() >= o.max_changes) return;
  const double mean = Mean(x.subspan(lo, n));
  double s = 0, best = -1;
  size_t best_k = 0;
  // S after k observations; a split at k leaves [lo, lo+k) and [lo+k, hi).
  for (size_t k = 1; k < n; ++k) {
    s += x[lo + k - 1] - mean;
    if (k < m || n - k < m) continue;
    if (std::abs(s) > best) {
      best = std::abs(s);
      best_k = k;
    }
  }
  if (best < 0) return;
  const double score = best / (sigma * std::sqrt(static_cast<double>(n)));
  if (score <= o.threshold) return;
  DetectedChange c;
  c.index = lo + best_k;
  c.score = score;
  out->push_back(c);
  Segment(x, lo, lo + best_k, sigma, o, out);
  Segment(x, lo + best_k, hi, sigma, o, out);
}

// log N(x; mean, var).
double LogNormal(double x, double mean, double var) {
  const double d = x - mean;
  return -0.5 * (std::log(2 * std::numbers::pi * var) + d * d / var);
}

double LogSumExp(std::span<const double> v) {
  double m = -std::numeric_limits<double>::infinity();
  for (double x : v) m = std::max(m, x);
  if (!std::isfinite(m)) return m;
  double s = 0;
  for (double x : v) s += std::exp(x - m);
  return m + std::log(s);
}

}  // namespace

double RobustSigma(std::span<const double> x) {
  if (x.size() < 2) return 0;
  std::vector<double> diffs;
  diffs.reserve(x.size() - 1);
  for (size_t i = 1; i < x.size(); ++i) diffs.push_back(x[i] - x[i - 1]);
  std::vector<double> abs_diffs(diffs.size());
  std::transform(diffs.begin(), diffs.end(), abs_diffs.begin(),
                 [](double d) { return std::abs(d); });
  // Differences of iid N(mu, s²) are N(0, 2s²), whose median |.| is
  // 0.6745·sqrt(2)·s; a level shift only spoils one difference.
  double sigma = 1.4826 * Median(std::move(abs_diffs)) / std::sqrt(2.0);
  if (sigma < kSigmaFloor) {
    // Mostly constant with a few jumps: the median says nothing.
    double ss = 0;
    for (double d : diffs) ss += d * d;
    sigma = std::sqrt(ss / static_cast<double>(diffs.size())) / std::sqrt(2.0);
  }
  return sigma < kSigmaFloor ? 0 : sigma;
}

std::vector<double> HampelFilter(std::span<const double> x, double threshold) {
  std::vector<double> y(x.begin(), x.end());
  const double sigma = RobustSigma(x);
  if (sigma <= 0 || x.size() < 3) return y;
  std::vector<double> window;
  for (size_t i = 0; i < x.size(); ++i) {
    const size_t lo = i >= kHampelHalfWidth ? i - kHampelHalfWidth : 0;
    const size_t hi = std::min(x.size(), i + kHampelHalfWidth + 1);
    window.assign(x.begin() + static_cast<std::ptrdiff_t>(lo),
                  x.begin() + static_cast<std::ptrdiff_t>(hi));
    const double median = Median(window);
    if (std::abs(x[i] - median) > threshold * sigma) y[i] = median;
  }
  return y;
}

std::vector<DetectedChange> DetectCusum(std::span<const double> x,
                                        const CusumOptions& options) {
  std::vector<DetectedChange> out;
  double sigma = 0;
  const std::vector<double> y = Screened(x, options.outlier_threshold, &sigma);
  if (sigma <= 0) return out;  // constant: nothing shifts
  Segment(y, 0, y.size(), sigma, options, &out);
  std::sort(out.begin(), out.end(),
            [](const DetectedChange& a, const DetectedChange& b) {
              return a.index < b.index;
            });
  FillMeans(x, &out);
  return out;
}

std::vector<DetectedChange> DetectBocpd(std::span<const double> x,
                                        const BocpdOptions& options) {
  std::vector<DetectedChange> out;
  const size_t n = x.size();
  double sigma = 0;
  const std::vector<double> y = Screened(x, options.outlier_threshold, &sigma);
  if (n < 2 || sigma <= 0) return out;
  const double var = sigma * sigma;
  // Prior on a segment's mean: centred on the median, as wide as the whole
  // series varies (shifts included), never narrower than the noise.
  const double mu0 = Median(y);
  const double sd0 = std::max(StdDev(y), sigma);
  const double prior_precision = 1.0 / (sd0 * sd0);
  const double log_h = std::log(1.0 / std::max(options.hazard_lambda, 1.0));
  const double log_1mh =
      std::log1p(-1.0 / std::max(options.hazard_lambda, 1.0));

  // Each possible current segment ("run") holds the last len observations,
  // with their sum and its log posterior mass. Runs whose mass falls below
  // kLogPrune are dropped: they never come back into play in practice, and
  // without pruning a long daily series costs O(n²).
  constexpr double kLogPrune = -40;  // e^-40 ≈ 4e-18
  std::vector<size_t> len, next_len;
  std::vector<double> log_p, sum, next_log_p, next_sum;
  // Filtered MAP run length after each observation, and the posterior
  // probability that the run started within ±1 of the MAP start.
  std::vector<size_t> map_run(n);
  std::vector<double> map_prob(n);
  for (size_t t = 0; t < n; ++t) {
    const size_t runs = log_p.size();
    next_len.assign(runs + 1, 0);
    next_log_p.assign(runs + 1, 0);
    next_sum.assign(runs + 1, 0);
    // A new segment starting at x_t: prior predictive N(mu0, sd0² + var).
    // Before the first observation "a segment starts" is certain; later it
    // has the hazard's share of the (normalised) mass.
    next_len[0] = 1;
    next_sum[0] = y[t];
    next_log_p[0] =
        (runs == 0 ? 0 : log_h) + LogNormal(y[t], mu0, sd0 * sd0 + var);
    for (size_t r = 0; r < runs; ++r) {
      // Posterior of the mean after len[r] observations summing to sum[r].
      const double count = static_cast<double>(len[r]);
      const double precision = prior_precision + count / var;
      const double mean = (mu0 * prior_precision + sum[r] / var) / precision;
      next_len[r + 1] = len[r] + 1;
      next_sum[r + 1] = sum[r] + y[t];
      next_log_p[r + 1] =
          log_1mh + log_p[r] + LogNormal(y[t], mean, 1.0 / precision + var);
    }
    const double norm = LogSumExp(next_log_p);
    size_t best = 0;
    for (size_t r = 0; r <= runs; ++r) {
      next_log_p[r] -= norm;
      if (next_log_p[r] > next_log_p[best]) best = r;
    }
    double p = 0;
    for (size_t r = 0; r <= runs; ++r) {
      if (next_len[r] + 1 >= next_len[best] && next_len[r] <= next_len[best] + 1) {
        p += std::exp(next_log_p[r]);
      }
    }
    map_run[t] = next_len[best];
    map_prob[t] = p;
    len.clear();
    log_p.clear();
    sum.clear();
    for (size_t r = 0; r <= runs; ++r) {
      if (next_log_p[r] < kLogPrune && r != best) continue;
      len.push_back(next_len[r]);
      log_p.push_back(next_log_p[r]);
      sum.push_back(next_sum[r]);
    }
  }
  // Backtrack: the segment ending at t started at t + 1 - map_run[t].
  for (size_t end = n; end > 0;) {
    const size_t t = end - 1;
    const size_t start = end - map_run[t];
    if (start == 0) break;
    DetectedChange c;
    c.index = start;
    c.score = map_prob[t];
    out.push_back(c);
    end = start;
  }
  std::reverse(out.begin(), out.end());
  // Too-short segments are outliers or transitions: merge them into a
  // neighbour, dropping the weaker of their two boundaries first.
  const size_t m = std::max<size_t>(options.min_segment, 1);
  for (bool changed = true; changed && !out.empty();) {
    changed = false;
    FillMeans(x, &out);
    for (size_t i = 0; i <= out.size(); ++i) {
      const size_t lo = i == 0 ? 0 : out[i - 1].index;
      const size_t hi = i < out.size() ? out[i].index : n;
      if (hi - lo >= m) continue;
      // Segment i lies between boundaries i - 1 and i.
      size_t drop;
      if (i == 0) {
        drop = 0;
      } else if (i == out.size()) {
        drop = i - 1;
      } else {
        const double jump_lo = std::abs(out[i - 1].after - out[i - 1].before);
        const double jump_hi = std::abs(out[i].after - out[i].before);
        drop = jump_lo <= jump_hi ? i - 1 : i;
      }
      out.erase(out.begin() + static_cast<std::ptrdiff_t>(drop));
      changed = true;
      break;
    }
  }
  std::erase_if(out, [&](const DetectedChange& c) {
    return c.score < options.min_probability;
  });
  FillMeans(x, &out);
  return out;
}

std::vector<ChangePoint> ChangePointDetector::Detect(
    std::span<const SeriesBucket> buckets) const {
  std::vector<double> values;
  std::vector<Day> days;
  for (const SeriesBucket& b : buckets) {
    if (b.events < std::max<int64_t>(options_.min_bucket_events, 1)) continue;
    values.push_back(b.index);
    days.push_back(b.start);
  }
  std::vector<ChangePoint> out;
  auto add = [&](const std::vector<DetectedChange>& found, const char* method) {
    for (const DetectedChange& c : found) {
      if (std::abs(c.after - c.before) < options_.min_delta) continue;
      out.push_back(ChangePoint{days[c.index], c.before, c.after, c.score,
                                method});
    }
  };
  if (options_.use_cusum) add(DetectCusum(values, options_.cusum), "cusum");
  if (options_.use_bocpd) add(DetectBocpd(values, options_.bocpd), "bocpd");
  std::sort(out.begin(), out.end(),
            [](const ChangePoint& a, const ChangePoint& b) {
              if (a.day != b.day) return a.day < b.day;
              return a.method < b.method;
            });
  return out;
}

}  // namespace dyad
