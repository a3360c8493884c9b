// StoreStats: what the store holds, for /api/health and /api/stats.
#ifndef DYAD_SERVER_STORE_STATS_H_
#define DYAD_SERVER_STORE_STATS_H_

#include <nlohmann/json.hpp>

#include "server/read_connection.h"
#include "util/status.h"

namespace dyad {

// The applied schema version (0 for an empty file).
Result<int> ReadSchemaVersion(ReadConnection& conn);

// {"documents","events","event_groups","first_date","last_date","countries"}:
// dates are the first and last dated event groups (null when none),
// countries the distinct countries (and IGO/NGO codes) acting or acted upon.
Result<nlohmann::json> ReadStoreStats(ReadConnection& conn);

}  // namespace dyad

#endif  // DYAD_SERVER_STORE_STATS_H_
