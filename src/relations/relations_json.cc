#include "relations/relations_json.h"

#include <cmath>
#include <string>

#include "util/civil_date.h"

namespace dyad {
namespace {

// A double for JSON: NaN (no data) becomes null.
nlohmann::json Number(double v) {
  return std::isfinite(v) ? nlohmann::json(v) : nlohmann::json(nullptr);
}

}  // namespace

nlohmann::json SeriesToJson(const DyadSeries& s) {
  nlohmann::json buckets = nlohmann::json::array();
  for (const SeriesBucket& b : s.buckets) {
    buckets.push_back({{"start", FormatIsoDay(b.start)},
                       {"events", b.events},
                       {"quad", {b.quad[0], b.quad[1], b.quad[2], b.quad[3]}},
                       {"mentions", b.mentions},
                       {"goldstein_sum", b.goldstein_sum},
                       {"goldstein_mean", b.goldstein_mean},
                       {"index", b.index}});
  }
  nlohmann::json shifts = nlohmann::json::array();
  for (const ChangePoint& c : s.shifts) {
    shifts.push_back({{"date", FormatIsoDay(c.day)},
                      {"before", c.before},
                      {"after", c.after},
                      {"score", c.score},
                      {"method", c.method}});
  }
  return {{"a", s.a},
          {"b", s.b},
          {"directed", s.directed},
          {"by", std::string(GranularityName(s.by))},
          {"trend", s.trend},
          {"buckets", std::move(buckets)},
          {"shifts", std::move(shifts)}};
}

nlohmann::json PartnerToJson(const PartnerScore& p) {
  return {{"country", p.country},
          {"events", p.events},
          {"mentions", p.mentions},
          {"index", p.index},
          {"goldstein_mean", p.goldstein_mean}};
}

nlohmann::json LeanToJson(const Lean& lean) {
  nlohmann::json buckets = nlohmann::json::array();
  for (const LeanBucket& b : lean.buckets) {
    buckets.push_back({{"start", FormatIsoDay(b.start)},
                       {"events_a", b.events_a},
                       {"events_b", b.events_b},
                       {"index_a", b.index_a},
                       {"index_b", b.index_b},
                       {"index_difference", Number(b.index_difference)},
                       {"volume_share_a", Number(b.volume_share_a)}});
  }
  return {{"country", lean.country},
          {"a", lean.partner_a},
          {"b", lean.partner_b},
          {"by", std::string(GranularityName(lean.by))},
          {"events_a", lean.events_a},
          {"events_b", lean.events_b},
          {"index_a", lean.index_a},
          {"index_b", lean.index_b},
          {"index_difference", lean.index_difference},
          {"volume_share_a", lean.volume_share_a},
          {"trend", lean.trend},
          {"buckets", std::move(buckets)}};
}

}  // namespace dyad
