#include "server/dyad_totals.h"

#include <algorithm>
#include <map>

#include "relations/dyad_window.h"
#include "relations/relation_series.h"

namespace dyad {

Result<std::vector<DyadTotal>> ReadDyadTotals(ReadConnection& conn, Day from,
                                              Day to, int64_t min_events) {
  // Whole months come from the dyad_months rollup (relations/dyad_window.h).
  DYAD_ASSIGN_OR_RETURN(
      Query q,
      conn.Prepare(
          std::string("SELECT min(source_country, target_country) AS a, "
                      "max(source_country, target_country) AS b, "
                      "SUM(groups) AS n, TOTAL(mentions), "
                      "TOTAL(goldstein_sum) / SUM(groups), "
                      "TOTAL(weighted_sum) FROM (") +
          kDyadWindowRowsSql +
          ") WHERE source_country <> target_country "
          "AND modality IN ('asserted', 'alleged') "
          "GROUP BY a, b HAVING n >= ?7 "
          "ORDER BY n DESC, a, b"));
  const DyadWindow window = SplitDyadWindow(from, to);
  for (int i = 0; i < 6; ++i) q.BindText(i + 1, window.bounds[i]);
  q.BindInt(7, min_events);
  std::vector<DyadTotal> out;
  while (q.Step()) {
    DyadTotal d;
    d.a = q.Text(0);
    d.b = q.Text(1);
    d.events = q.Int(2);
    d.mentions = static_cast<int64_t>(q.Real(3));
    d.goldstein_mean = q.Real(4);
    d.index = CooperationIndex(q.Real(5), d.mentions);
    out.push_back(std::move(d));
  }
  DYAD_RETURN_IF_ERROR(q.status());
  return out;
}

nlohmann::json NetworkJson(const std::vector<DyadTotal>& totals, size_t limit) {
  std::map<std::string, int64_t> events_of;
  for (const DyadTotal& d : totals) {
    events_of[d.a] += d.events;
    events_of[d.b] += d.events;
  }
  nlohmann::json edges = nlohmann::json::array();
  std::map<std::string, int64_t> nodes;
  for (size_t i = 0; i < totals.size() && i < limit; ++i) {
    const DyadTotal& d = totals[i];
    edges.push_back({{"a", d.a},
                     {"b", d.b},
                     {"events", d.events},
                     {"mentions", d.mentions},
                     {"index", d.index}});
    nodes[d.a] = events_of[d.a];
    nodes[d.b] = events_of[d.b];
  }
  std::vector<std::pair<std::string, int64_t>> ranked(nodes.begin(),
                                                      nodes.end());
  std::stable_sort(
      ranked.begin(), ranked.end(),
      [](const auto& x, const auto& y) { return x.second > y.second; });
  nlohmann::json node_list = nlohmann::json::array();
  for (const auto& [id, n] : ranked) {
    node_list.push_back({{"id", id}, {"events", n}});
  }
  return {{"nodes", std::move(node_list)}, {"edges", std::move(edges)}};
}

}  // namespace dyad
