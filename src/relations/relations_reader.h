// RelationsReader: relations between countries, read from the event store.
//
// Opens the SQLite store (schema version 2 or later) read-only and reads
// `event_groups`: one row per event however many articles reported it, so
// volumes count events, not reports (num_mentions weighs the index). By
// default only groups of modality 'asserted' or 'alleged' count: what was
// reported as happening, not plans, conditions or denials.
//
// Days are aggregated in SQL (prepared statements over the index
// event_groups(source_country, target_country, date)); buckets, index,
// trend, change points and rankings are computed in C++
// (relation_series.h, change_point_detector.h).
//
// Not thread-safe: one reader per thread (SQLite connections are cheap;
// WAL lets any number of readers work while one writer writes).
#ifndef DYAD_RELATIONS_RELATIONS_READER_H_
#define DYAD_RELATIONS_RELATIONS_READER_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "relations/change_point_detector.h"
#include "relations/relation_series.h"
#include "util/civil_date.h"
#include "util/status.h"

struct sqlite3;

namespace dyad {

struct RelationsOptions {
  ChangePointOptions change_points;
  // Shifts(): event groups a dyad needs in each part of the window (before
  // the last bucket, and in it) to be ranked; fewer make the index noise.
  int64_t shift_min_events = 5;
  // Bytes of the store to memory-map (SQLite clamps it to its compile-time
  // maximum, 2 GB in Debian's build). Mapping pays off in a long-lived
  // reader (the server: a warm series costs a third of the time) but costs
  // a one-shot process more page faults than it saves: the CLI sets 0.
  int64_t mmap_bytes = int64_t{16} << 30;
};

// First and last day of the counted, dated event groups.
struct DateRange {
  Day first = kNoDay, last = kNoDay;  // kNoDay when the store has none
};

class RelationsReader {
 public:
  // Opens the store at `db_path` read-only (busy timeout 5 s). NotFound
  // when the file does not exist or has no event_groups (schema before
  // version 2: any writing dyad command upgrades it); IoError when SQLite
  // cannot read it. The error names the path.
  static Result<std::unique_ptr<RelationsReader>> Open(
      const std::string& db_path);
  static Result<std::unique_ptr<RelationsReader>> Open(
      const std::string& db_path, const RelationsOptions& options);
  ~RelationsReader();
  RelationsReader(const RelationsReader&) = delete;
  RelationsReader& operator=(const RelationsReader&) = delete;

  // The series of q.a → q.b (directed) or of both directions (undirected;
  // a == b gives the country's domestic events) over [q.from, q.to], with
  // its trend and shifts. An open end (kNoDay) is the dyad's first / last
  // dated event; a dyad without events and an open range has no buckets.
  // InvalidArgument for an empty country code or a bad range
  // (BuildBuckets).
  Result<DyadSeries> Series(const SeriesQuery& q);

  // The countries `country` has events with (either direction, its own
  // domestic events excluded) in [from, to] (kNoDay: open), most events
  // first (then most mentions, then by code), at most `limit`.
  Result<std::vector<PartnerScore>> Partners(std::string_view country, Day from,
                                             Day to, size_t limit);

  // Undirected dyads (a < b) whose index moved most between the window up
  // to its last `by` bucket and that last bucket (the bucket holding `to`),
  // ranked by |delta| (RankShifts, options().shift_min_events in each
  // part). Open ends are the store's first / last day. InvalidArgument when
  // the window lies within a single bucket.
  Result<std::vector<DyadShift>> Shifts(Day from, Day to, Granularity by,
                                        size_t limit);

  // Which way `country` leans between partners `a` and `b` over [from, to]
  // by `by` (ComputeLean of the two undirected series over the same
  // buckets; open ends: the first / last event of either dyad).
  Result<Lean> LeanBetween(std::string_view country, std::string_view a,
                           std::string_view b, Day from, Day to,
                           Granularity by);

  // First and last day with counted event groups.
  Result<DateRange> Dates();

  const RelationsOptions& options() const { return options_; }

 private:
  class Statement;
  RelationsReader(std::string path, const RelationsOptions& options);
  Status Init();
  Status Error(std::string_view what) const;
  // Appends the daily tallies of source → target in [from, to] (ISO text
  // bounds) to *out.
  Status ReadDays(std::string_view source, std::string_view target,
                  const std::string& from, const std::string& to,
                  bool all_modalities, std::vector<DailyTally>* out);

  std::string path_;
  RelationsOptions options_;
  sqlite3* db_ = nullptr;
  std::unique_ptr<Statement> days_;
  std::unique_ptr<Statement> partners_out_;
  std::unique_ptr<Statement> partners_in_;
  std::unique_ptr<Statement> shifts_;
  std::unique_ptr<Statement> dates_;
};

}  // namespace dyad

#endif  // DYAD_RELATIONS_RELATIONS_READER_H_
