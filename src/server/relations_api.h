// RelationsApi: /api/relations, /api/partners and /api/dyads?sort=shift on
// the relations library (RelationsReader), one reader per request served.
#ifndef DYAD_SERVER_RELATIONS_API_H_
#define DYAD_SERVER_RELATIONS_API_H_

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "server/read_connection.h"
#include "server/request_params.h"
#include "util/civil_date.h"
#include "util/status.h"

namespace dyad {

class RelationsReader;

class RelationsApi {
 public:
  explicit RelationsApi(std::string db_path);
  ~RelationsApi();

  // {"a","b","directed","by","trend","buckets":[...],"shifts":[...]}.
  Result<nlohmann::json> Relations(const RequestParams& params);
  // {"country","partners":[...]}.
  Result<nlohmann::json> Partners(const RequestParams& params);
  // {"dyads":[...]} ranked by |delta| (params: by).
  Result<nlohmann::json> ShiftedDyads(const RequestParams& params, Day from,
                                      Day to, int64_t limit,
                                      int64_t min_events,
                                      ReadConnection& conn);

 private:
  std::string db_path_;
};

}  // namespace dyad

#endif  // DYAD_SERVER_RELATIONS_API_H_
