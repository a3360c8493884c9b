// DyadTotals: event groups between pairs of countries over a period, for
// /api/dyads (by volume) and /api/network.
//
// Like the relations library, it counts event groups whose modality is
// asserted or alleged, between two different countries, undirected (a < b).
// The index is the relations library's CooperationIndex (mention-weighted
// Goldstein score over 10), so the API's figures agree with each other.
#ifndef DYAD_SERVER_DYAD_TOTALS_H_
#define DYAD_SERVER_DYAD_TOTALS_H_

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "server/read_connection.h"
#include "util/civil_date.h"
#include "util/status.h"

namespace dyad {

struct DyadTotal {
  std::string a, b;  // a < b
  int64_t events = 0;
  int64_t mentions = 0;
  double goldstein_mean = 0;
  double index = 0;
};

// Every dyad with at least `min_events` groups in [from, to] (kNoDay: open),
// most events first, then by codes.
Result<std::vector<DyadTotal>> ReadDyadTotals(ReadConnection& conn, Day from,
                                              Day to, int64_t min_events);

// {"nodes":[{"id","events"}],"edges":[{"a","b","events","mentions","index"}]}
// from `totals` (ranked): the first `limit` edges, the countries they join,
// each with its events over all of `totals`.
nlohmann::json NetworkJson(const std::vector<DyadTotal>& totals,
                           size_t limit);

}  // namespace dyad

#endif  // DYAD_SERVER_DYAD_TOTALS_H_
