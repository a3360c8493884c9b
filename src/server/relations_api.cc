#include "server/relations_api.h"

#include <limits>
#include <map>
#include <utility>

#include "relations/relations_json.h"
#include "server/dyad_totals.h"

namespace dyad {

using json = nlohmann::json;

void RelationsApi::Returner::operator()(RelationsReader* r) const {
  std::lock_guard<std::mutex> lock(api->mu_);
  api->idle_.emplace_back(r);
}

Result<RelationsApi::Lease> RelationsApi::Acquire() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (!idle_.empty()) {
      RelationsReader* r = idle_.back().release();
      idle_.pop_back();
      return Lease(r, Returner{this});
    }
  }
  DYAD_ASSIGN_OR_RETURN(std::unique_ptr<RelationsReader> r,
                        RelationsReader::Open(db_path_));
  return Lease(r.release(), Returner{this});
}

namespace {

Result<Granularity> By(const RequestParams& p) {
  DYAD_ASSIGN_OR_RETURN(std::string by,
                        p.Choice("by", "month", {"day", "week", "month", "year"}));
  return ParseGranularity(by);
}

Result<std::string> RequiredCode(const RequestParams& p, std::string_view name) {
  DYAD_ASSIGN_OR_RETURN(std::optional<std::string> v, p.Code(name));
  if (!v) {
    return InvalidArgumentError("parameter '" + std::string(name) +
                                "': required");
  }
  return *v;
}

Status CheckRange(Day from, Day to) {
  if (from != kNoDay && to != kNoDay && from > to) {
    return InvalidArgumentError("parameter 'to': before 'from'");
  }
  return Status::Ok();
}

// Errors of the relations library about the query (a range too long for the
// granularity) are the caller's: 400, with the parameters named.
Status AsParameterError(const Status& s) {
  if (s.code() != StatusCode::kInvalidArgument) return s;
  return InvalidArgumentError("parameters 'from', 'to', 'by': " + s.message());
}

}  // namespace

Result<json> RelationsApi::Relations(const RequestParams& p) {
  DYAD_RETURN_IF_ERROR(p.Check({"a", "b", "by", "from", "to", "directed"}));
  SeriesQuery q;
  DYAD_ASSIGN_OR_RETURN(q.a, RequiredCode(p, "a"));
  DYAD_ASSIGN_OR_RETURN(q.b, RequiredCode(p, "b"));
  DYAD_ASSIGN_OR_RETURN(q.by, By(p));
  DYAD_ASSIGN_OR_RETURN(q.from, p.Date("from"));
  DYAD_ASSIGN_OR_RETURN(q.to, p.Date("to"));
  DYAD_RETURN_IF_ERROR(CheckRange(q.from, q.to));
  DYAD_ASSIGN_OR_RETURN(q.directed, p.Bool("directed", false));
  DYAD_ASSIGN_OR_RETURN(Lease reader, Acquire());
  Result<DyadSeries> series = reader->Series(q);
  if (!series.ok()) return AsParameterError(series.status());
  return SeriesToJson(*series);
}

Result<json> RelationsApi::Partners(const RequestParams& p) {
  DYAD_RETURN_IF_ERROR(p.Check({"country", "from", "to", "limit"}));
  DYAD_ASSIGN_OR_RETURN(std::string country, RequiredCode(p, "country"));
  DYAD_ASSIGN_OR_RETURN(Day from, p.Date("from"));
  DYAD_ASSIGN_OR_RETURN(Day to, p.Date("to"));
  DYAD_RETURN_IF_ERROR(CheckRange(from, to));
  DYAD_ASSIGN_OR_RETURN(int64_t limit, p.Int("limit", 20, 1, 500));
  DYAD_ASSIGN_OR_RETURN(Lease reader, Acquire());
  Result<std::vector<PartnerScore>> partners =
      reader->Partners(country, from, to, static_cast<size_t>(limit));
  if (!partners.ok()) return AsParameterError(partners.status());
  json list = json::array();
  for (const PartnerScore& s : *partners) list.push_back(PartnerToJson(s));
  return json{{"country", country}, {"partners", std::move(list)}};
}

Result<json> RelationsApi::ShiftedDyads(const RequestParams& p, Day from,
                                        Day to, int64_t limit,
                                        int64_t min_events,
                                        ReadConnection& conn) {
  DYAD_RETURN_IF_ERROR(CheckRange(from, to));
  DYAD_ASSIGN_OR_RETURN(Granularity by, By(p));
  DYAD_ASSIGN_OR_RETURN(Lease reader, Acquire());
  // Ranked by the library over every dyad, then cut by min_events here.
  Result<std::vector<DyadShift>> shifts =
      reader->Shifts(from, to, by, std::numeric_limits<size_t>::max());
  if (!shifts.ok()) return AsParameterError(shifts.status());
  DYAD_ASSIGN_OR_RETURN(std::vector<DyadTotal> totals,
                        ReadDyadTotals(conn, from, to, min_events));
  std::map<std::pair<std::string, std::string>, const DyadTotal*> by_dyad;
  for (const DyadTotal& t : totals) by_dyad[{t.a, t.b}] = &t;
  json dyads = json::array();
  for (const DyadShift& s : *shifts) {
    if (dyads.size() >= static_cast<size_t>(limit)) break;
    auto it = by_dyad.find({s.a, s.b});
    if (it == by_dyad.end()) continue;  // fewer than min_events
    const DyadTotal& t = *it->second;
    dyads.push_back({{"a", s.a},
                     {"b", s.b},
                     {"events", t.events},
                     {"mentions", t.mentions},
                     {"goldstein_mean", t.goldstein_mean},
                     {"index", t.index},
                     {"before", s.before},
                     {"after", s.after},
                     {"delta", s.delta}});
  }
  return json{{"dyads", std::move(dyads)}};
}

}  // namespace dyad
