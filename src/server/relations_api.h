// RelationsApi: /api/relations, /api/partners and /api/dyads?sort=shift on
// the relations library (RelationsReader), one reader per request served.
#ifndef DYAD_SERVER_RELATIONS_API_H_
#define DYAD_SERVER_RELATIONS_API_H_

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "relations/relations_reader.h"
#include "server/read_connection.h"
#include "server/request_params.h"
#include "util/civil_date.h"
#include "util/status.h"

namespace dyad {

class RelationsApi {
 public:
  explicit RelationsApi(std::string db_path) : db_path_(std::move(db_path)) {}

  // GET /api/relations: {"a","b","directed","by","trend","buckets":[...],
  // "shifts":[...]}. InvalidArgument naming a bad parameter. Thread-safe.
  Result<nlohmann::json> Relations(const RequestParams& params);
  // GET /api/partners: {"country","partners":[...]}. Thread-safe.
  Result<nlohmann::json> Partners(const RequestParams& params);
  // GET /api/dyads?sort=shift: {"dyads":[...]} ranked by |delta| between
  // the window before its last `by` bucket and that bucket, each with its
  // totals over the whole window (from `conn`). Thread-safe.
  Result<nlohmann::json> ShiftedDyads(const RequestParams& params, Day from,
                                      Day to, int64_t limit,
                                      int64_t min_events,
                                      ReadConnection& conn);

 private:
  struct Returner {
    RelationsApi* api;
    void operator()(RelationsReader* r) const;
  };
  using Lease = std::unique_ptr<RelationsReader, Returner>;
  // An idle reader or a newly opened one (RelationsReader is one per thread).
  Result<Lease> Acquire();

  std::string db_path_;
  std::mutex mu_;
  std::vector<std::unique_ptr<RelationsReader>> idle_;
};

}  // namespace dyad

#endif  // DYAD_SERVER_RELATIONS_API_H_
