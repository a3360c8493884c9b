// RelationsJson: the JSON shapes of relation series, partners and leans,
// shared by `dyad relations --json` and the HTTP API (doc/http_api.md), so
// the two always agree.
#ifndef DYAD_RELATIONS_RELATIONS_JSON_H_
#define DYAD_RELATIONS_RELATIONS_JSON_H_

#include <nlohmann/json.hpp>

#include "relations/relation_series.h"

namespace dyad {

// {"a", "b", "directed", "by", "trend", "buckets": [{"start", "events",
// "quad": [q1..q4], "mentions", "goldstein_sum", "goldstein_mean", "index"}],
// "shifts": [{"date", "before", "after", "score", "method"}]}.
nlohmann::json SeriesToJson(const DyadSeries& series);

// {"country", "events", "mentions", "index", "goldstein_mean"}.
nlohmann::json PartnerToJson(const PartnerScore& partner);

// {"country", "a", "b", "by", "events_a", "events_b", "index_a", "index_b",
// "index_difference", "volume_share_a", "trend", "buckets": [...]}; values
// with no data (NaN) are null.
nlohmann::json LeanToJson(const Lean& lean);

}  // namespace dyad

#endif  // DYAD_RELATIONS_RELATIONS_JSON_H_
