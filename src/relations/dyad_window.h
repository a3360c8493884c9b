// Dyad windows: a date range read as whole months of the dyad_months rollup
// plus the loose days at its two ends from event_groups.
//
// Totals over every dyad (the network, dyads ranked by volume or by shift)
// would otherwise visit every event group in the range; the rollup holds one
// row per directed dyad, month, quad class and modality (store migration 4,
// doc/store.md), so a ten-year window reads about a hundredth as many rows.
// Pure functions, thread-safe.
#ifndef DYAD_RELATIONS_DYAD_WINDOW_H_
#define DYAD_RELATIONS_DYAD_WINDOW_H_

#include <array>
#include <string>

#include "util/civil_date.h"

namespace dyad {

// The six bounds bound to kDyadWindowRowsSql's ?1..?6, as text: the first and
// last whole month ("YYYY-MM") read from dyad_months, then the days before
// and after them ("YYYY-MM-DD", inclusive) read from event_groups. An empty
// part has its first bound after its last.
struct DyadWindow {
  std::array<std::string, 6> bounds;
};

// Splits [from, to]; kNoDay leaves that end open. Every day of the range
// falls in exactly one part.
DyadWindow SplitDyadWindow(Day from, Day to);

// Rows (source_country, target_country, quad_class, modality, groups,
// mentions, goldstein_sum, weighted_sum) whose sums over a group of rows are
// those of the event groups dated in the window. Country pairs may be equal
// and modality is every modality: callers filter. Parameters ?1..?6; a
// caller's own parameters start at ?7.
extern const char kDyadWindowRowsSql[];

}  // namespace dyad

#endif  // DYAD_RELATIONS_DYAD_WINDOW_H_
