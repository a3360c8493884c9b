#include "relations/relations_reader.h"

#include <sqlite3.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <utility>

#include "relations/dyad_window.h"

namespace dyad {
namespace {

constexpr int kBusyTimeoutMs = 5000;
// Pages beyond the mapping go through the page cache: 32 MB keeps a busy
// dyad's pages between queries.
constexpr const char* kCachePragma = "PRAGMA cache_size=-32768";

// Bounds for an open range: every ISO day sorts within them.
constexpr const char* kOpenFrom = "";
constexpr const char* kOpenTo = "9999-12-31";

// What counts: groups reported as having happened (or alleged), unless the
// caller asks for all modalities (parameter ?N = 1).
#define DYAD_COUNTED_MODALITY(n) \
  "(?" #n " OR modality IN ('asserted', 'alleged'))"

// Σ over a group set, in this column order after the leading ones:
// COUNT(*), Σ num_mentions, Σ goldstein, Σ num_mentions·goldstein.
#define DYAD_GROUP_SUMS(g)                                              \
  "COUNT(*), TOTAL(" g "num_mentions), TOTAL(" g "goldstein), TOTAL(" g \
  "num_mentions * " g "goldstein)"

std::string IsoOr(Day day, const char* open) {
  return day == kNoDay ? std::string(open) : FormatIsoDay(day);
}

// Finishes a partner or window tally from its sums.
void FinishScore(int64_t events, int64_t mentions, double goldstein_sum,
                 double weighted, SeriesBucket* b) {
  b->events = events;
  b->mentions = mentions;
  b->goldstein_sum = goldstein_sum;
  b->goldstein_mean =
      events > 0 ? goldstein_sum / static_cast<double>(events) : 0;
  b->index = CooperationIndex(weighted, mentions);
}

}  // namespace

// A prepared statement: bound by 1-based index, stepped, reset for reuse.
class RelationsReader::Statement {
 public:
  explicit Statement(sqlite3_stmt* st) : st_(st) {}
  ~Statement() { sqlite3_finalize(st_); }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  void Text(int i, std::string_view s) {
    sqlite3_bind_text(st_, i, s.data(), static_cast<int>(s.size()),
                      SQLITE_TRANSIENT);
  }
  void Int(int i, int64_t v) { sqlite3_bind_int64(st_, i, v); }
  int Step() { return sqlite3_step(st_); }
  void Reset() {
    sqlite3_reset(st_);
    sqlite3_clear_bindings(st_);
  }
  std::string ColumnText(int col) {
    const unsigned char* t = sqlite3_column_text(st_, col);
    return t != nullptr ? std::string(reinterpret_cast<const char*>(t))
                        : std::string();
  }
  int64_t ColumnInt(int col) { return sqlite3_column_int64(st_, col); }
  double ColumnDouble(int col) { return sqlite3_column_double(st_, col); }

 private:
  sqlite3_stmt* st_;
};

Result<std::unique_ptr<RelationsReader>> RelationsReader::Open(
    const std::string& db_path) {
  return Open(db_path, RelationsOptions{});
}

Result<std::unique_ptr<RelationsReader>> RelationsReader::Open(
    const std::string& db_path, const RelationsOptions& options) {
  std::error_code ec;
  if (db_path != ":memory:" && !std::filesystem::exists(db_path, ec)) {
    return NotFoundError(db_path +
                         ": no such store (create one with dyad ingest)");
  }
  std::unique_ptr<RelationsReader> reader(
      new RelationsReader(db_path, options));
  DYAD_RETURN_IF_ERROR(reader->Init());
  return reader;
}

RelationsReader::RelationsReader(std::string path,
                                 const RelationsOptions& options)
    : path_(std::move(path)), options_(options) {}

RelationsReader::~RelationsReader() {
  // Statements must be finalized before the connection is closed.
  days_.reset();
  partners_out_.reset();
  partners_in_.reset();
  shifts_.reset();
  dates_.reset();
  if (db_ != nullptr) sqlite3_close_v2(db_);
}

Status RelationsReader::Error(std::string_view what) const {
  const char* msg = db_ != nullptr ? sqlite3_errmsg(db_) : "out of memory";
  return IoError(path_ + ": " + std::string(what) + ": " + msg);
}

Status RelationsReader::Init() {
  if (sqlite3_open_v2(path_.c_str(), &db_, SQLITE_OPEN_READONLY, nullptr) !=
      SQLITE_OK) {
    return Error("cannot open store");
  }
  sqlite3_extended_result_codes(db_, 1);
  sqlite3_busy_timeout(db_, kBusyTimeoutMs);
  // Hints only: a failure leaves SQLite's defaults.
  // A series touches pages spread over the whole table: mapped, they are
  // not copied through read() each time (options_.mmap_bytes).
  const std::string mmap_pragma =
      "PRAGMA mmap_size=" +
      std::to_string(std::max<int64_t>(0, options_.mmap_bytes));
  sqlite3_exec(db_, mmap_pragma.c_str(), nullptr, nullptr, nullptr);
  sqlite3_exec(db_, kCachePragma, nullptr, nullptr, nullptr);

  {
    // Not a database, or a store before event_groups: say which.
    sqlite3_stmt* st = nullptr;
    int rc = sqlite3_prepare_v2(
        db_,
        "SELECT COUNT(*) FROM sqlite_schema WHERE type = 'table' AND "
        "name IN ('event_groups', 'dyad_months')",
        -1, &st, nullptr);
    if (rc != SQLITE_OK) return Error("cannot read store");
    Statement probe(st);
    if (probe.Step() != SQLITE_ROW) return Error("cannot read store");
    if (probe.ColumnInt(0) < 2) {
      return NotFoundError(path_ +
                           ": store has no event_groups or dyad_months "
                           "(schema before version 4); any writing dyad "
                           "command, such as dyad ingest, upgrades it");
    }
  }

  auto prepare = [&](const char* sql,
                     std::unique_ptr<Statement>* out) -> Status {
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v3(db_, sql, -1, SQLITE_PREPARE_PERSISTENT, &st,
                           nullptr) != SQLITE_OK) {
      return Error("cannot prepare statement");
    }
    *out = std::make_unique<Statement>(st);
    return Status::Ok();
  };
  // ?1 source, ?2 target, ?3..?4 ISO bounds, ?5 all modalities.
  DYAD_RETURN_IF_ERROR(prepare(
      "SELECT date, quad_class, " DYAD_GROUP_SUMS(
          "") " FROM event_groups "
              "WHERE source_country = ?1 AND target_country = ?2 "
              "AND date >= ?3 AND date <= ?4 AND " DYAD_COUNTED_MODALITY(
                  5) " "
                     "GROUP BY date, quad_class",
      &days_));
  // ?1 country, ?2..?3 bounds. Outgoing: a range of the dyad index.
  DYAD_RETURN_IF_ERROR(prepare(
      "SELECT target_country, " DYAD_GROUP_SUMS(
          "") " FROM event_groups "
              "WHERE source_country = ?1 AND target_country IS NOT NULL "
              "AND target_country <> ?1 AND date >= ?2 AND date <= ?3 "
              "AND " DYAD_COUNTED_MODALITY(4) " GROUP BY target_country",
      &partners_out_));
  // Incoming: no index starts with target_country, so the distinct source
  // countries are walked by a loose index scan (one B-tree seek each) and
  // each (source, country) pair is a range of the dyad index, instead of
  // scanning the whole table.
  DYAD_RETURN_IF_ERROR(prepare(
      "WITH RECURSIVE s(c) AS ("
      "  SELECT (SELECT MIN(source_country) FROM event_groups) "
      "  UNION ALL "
      "  SELECT (SELECT MIN(source_country) FROM event_groups "
      "          WHERE source_country > s.c) FROM s WHERE s.c IS NOT NULL) "
      "SELECT g.source_country, " DYAD_GROUP_SUMS(
          "g.") " "
                "FROM s JOIN event_groups g ON g.source_country = s.c "
                "AND g.target_country = ?1 "
                "WHERE s.c <> ?1 AND g.date >= ?2 AND g.date <= ?3 "
                "AND (?4 OR g.modality IN ('asserted', 'alleged')) "
                "GROUP BY g.source_country",
      &partners_in_));
  // Undirected totals of every dyad over one window (dyad_window.h: whole
  // months from the rollup); run once before the last bucket, once for it.
  static const std::string kShiftsSql =
      std::string(
          "SELECT min(source_country, target_country) AS a, "
          "max(source_country, target_country) AS b, SUM(groups), "
          "TOTAL(mentions), TOTAL(goldstein_sum), "
          "TOTAL(weighted_sum) FROM (") +
      kDyadWindowRowsSql +
      ") WHERE source_country <> target_country "
      "AND modality IN ('asserted', 'alleged') GROUP BY a, b";
  DYAD_RETURN_IF_ERROR(prepare(kShiftsSql.c_str(), &shifts_));
  DYAD_RETURN_IF_ERROR(prepare(
      "SELECT (SELECT MIN(date) FROM event_groups WHERE date IS NOT NULL "
      "AND modality IN ('asserted', 'alleged')), "
      "(SELECT MAX(date) FROM event_groups WHERE date IS NOT NULL "
      "AND modality IN ('asserted', 'alleged'))",
      &dates_));
  return Status::Ok();
}

Status RelationsReader::ReadDays(std::string_view source,
                                 std::string_view target,
                                 const std::string& from, const std::string& to,
                                 bool all_modalities,
                                 std::vector<DailyTally>* out) {
  Statement& st = *days_;
  st.Text(1, source);
  st.Text(2, target);
  st.Text(3, from);
  st.Text(4, to);
  st.Int(5, all_modalities ? 1 : 0);
  int rc;
  while ((rc = st.Step()) == SQLITE_ROW) {
    // The store writes FormatIsoDay dates; anything else (a row written by
    // hand) cannot be placed in a bucket and is left out.
    auto day = ParseIsoDay(st.ColumnText(0));
    if (!day.ok()) continue;
    DailyTally t;
    t.day = *day;
    t.quad_class = static_cast<int>(st.ColumnInt(1));
    t.events = st.ColumnInt(2);
    t.mentions = st.ColumnInt(3);
    t.goldstein_sum = st.ColumnDouble(4);
    t.weighted_goldstein = st.ColumnDouble(5);
    out->push_back(t);
  }
  st.Reset();
  if (rc != SQLITE_DONE) return Error("cannot read event groups");
  return Status::Ok();
}

Result<DyadSeries> RelationsReader::Series(const SeriesQuery& q) {
  if (q.a.empty() || q.b.empty()) {
    return InvalidArgumentError("a series needs two country codes");
  }
  const std::string from = IsoOr(q.from, kOpenFrom);
  const std::string to = IsoOr(q.to, kOpenTo);
  std::vector<DailyTally> days;
  DYAD_RETURN_IF_ERROR(
      ReadDays(q.a, q.b, from, to, q.include_all_modalities, &days));
  if (!q.directed && q.a != q.b) {
    DYAD_RETURN_IF_ERROR(
        ReadDays(q.b, q.a, from, to, q.include_all_modalities, &days));
  }
  DyadSeries series;
  series.a = q.a;
  series.b = q.b;
  series.directed = q.directed;
  series.by = q.by;
  Day first = q.from, last = q.to;
  for (const DailyTally& t : days) {
    if (q.from == kNoDay && (first == kNoDay || t.day < first)) first = t.day;
    if (q.to == kNoDay && (last == kNoDay || t.day > last)) last = t.day;
  }
  if (first == kNoDay || last == kNoDay) return series;  // nothing, open range
  DYAD_ASSIGN_OR_RETURN(series.buckets, BuildBuckets(days, first, last, q.by));
  series.trend = IndexTrend(series.buckets);
  series.shifts =
      ChangePointDetector(options_.change_points).Detect(series.buckets);
  return series;
}

Result<std::vector<PartnerScore>> RelationsReader::Partners(
    std::string_view country, Day from, Day to, size_t limit) {
  if (country.empty()) {
    return InvalidArgumentError("partners of an empty country code");
  }
  struct Sums {
    int64_t events = 0, mentions = 0;
    double goldstein = 0, weighted = 0;
  };
  std::map<std::string, Sums> by_partner;
  for (Statement* st : {partners_out_.get(), partners_in_.get()}) {
    st->Text(1, country);
    st->Text(2, IsoOr(from, kOpenFrom));
    st->Text(3, IsoOr(to, kOpenTo));
    st->Int(4, 0);
    int rc;
    while ((rc = st->Step()) == SQLITE_ROW) {
      Sums& s = by_partner[st->ColumnText(0)];
      s.events += st->ColumnInt(1);
      s.mentions += st->ColumnInt(2);
      s.goldstein += st->ColumnDouble(3);
      s.weighted += st->ColumnDouble(4);
    }
    st->Reset();
    if (rc != SQLITE_DONE) return Error("cannot read partners");
  }
  std::vector<PartnerScore> out;
  out.reserve(by_partner.size());
  for (const auto& [partner, s] : by_partner) {
    SeriesBucket b;
    FinishScore(s.events, s.mentions, s.goldstein, s.weighted, &b);
    out.push_back(
        PartnerScore{partner, b.events, b.mentions, b.index, b.goldstein_mean});
  }
  std::sort(out.begin(), out.end(),
            [](const PartnerScore& x, const PartnerScore& y) {
              if (x.events != y.events) return x.events > y.events;
              if (x.mentions != y.mentions) return x.mentions > y.mentions;
              return x.country < y.country;
            });
  if (out.size() > limit) out.resize(limit);
  return out;
}

Result<DateRange> RelationsReader::Dates() {
  Statement& st = *dates_;
  int rc = st.Step();
  DateRange range;
  std::string first, last;
  if (rc == SQLITE_ROW) {
    first = st.ColumnText(0);
    last = st.ColumnText(1);
  }
  st.Reset();
  if (rc != SQLITE_ROW) return Error("cannot read the date range");
  if (first.empty() || last.empty()) return range;
  auto f = ParseIsoDay(first);
  auto l = ParseIsoDay(last);
  if (!f.ok() || !l.ok()) {
    return CorruptionError(path_ + ": event_groups dates \"" + first +
                           "\" … \"" + last + "\" are not YYYY-MM-DD");
  }
  range.first = *f;
  range.last = *l;
  return range;
}

Result<std::vector<DyadShift>> RelationsReader::Shifts(Day from, Day to,
                                                       Granularity by,
                                                       size_t limit) {
  if (from == kNoDay || to == kNoDay) {
    DYAD_ASSIGN_OR_RETURN(DateRange range, Dates());
    if (range.first == kNoDay) return std::vector<DyadShift>{};
    if (from == kNoDay) from = range.first;
    if (to == kNoDay) to = range.last;
  }
  if (from > to) {
    return InvalidArgumentError("window starts (" + FormatIsoDay(from) +
                                ") after it ends (" + FormatIsoDay(to) + ")");
  }
  const Day last_start = BucketStart(to, by);
  if (last_start <= from) {
    return InvalidArgumentError(
        "window " + FormatIsoDay(from) + " to " + FormatIsoDay(to) +
        " lies within one " + std::string(GranularityName(by)) +
        "; shifts compare the last " + std::string(GranularityName(by)) +
        " of a window with the time before it");
  }
  Statement& st = *shifts_;
  std::map<std::pair<std::string, std::string>, DyadWindowTally> tallies;
  for (bool recent : {false, true}) {
    const DyadWindow window = recent ? SplitDyadWindow(last_start, to)
                                     : SplitDyadWindow(from, last_start - 1);
    for (int i = 0; i < 6; ++i) st.Text(i + 1, window.bounds[i]);
    int rc;
    while ((rc = st.Step()) == SQLITE_ROW) {
      std::pair<std::string, std::string> key{st.ColumnText(0),
                                              st.ColumnText(1)};
      DyadWindowTally& t = tallies[key];
      t.a = key.first;
      t.b = key.second;
      SeriesBucket& part = recent ? t.after : t.before;
      FinishScore(st.ColumnInt(2), st.ColumnInt(3), st.ColumnDouble(4),
                  st.ColumnDouble(5), &part);
    }
    st.Reset();
    if (rc != SQLITE_DONE) return Error("cannot read event groups");
  }
  std::vector<DyadWindowTally> list;
  list.reserve(tallies.size());
  for (auto& [key, t] : tallies) {
    t.before.start = from;
    t.after.start = last_start;
    list.push_back(std::move(t));
  }
  return RankShifts(list, options_.shift_min_events, limit);
}

Result<Lean> RelationsReader::LeanBetween(std::string_view country,
                                          std::string_view a,
                                          std::string_view b, Day from, Day to,
                                          Granularity by) {
  SeriesQuery qa{
      std::string(country), std::string(a), false, from, to, by, false};
  SeriesQuery qb{
      std::string(country), std::string(b), false, from, to, by, false};
  if (from == kNoDay || to == kNoDay) {
    // Both series need the same buckets: the union of their ranges.
    DYAD_ASSIGN_OR_RETURN(DyadSeries sa, Series(qa));
    DYAD_ASSIGN_OR_RETURN(DyadSeries sb, Series(qb));
    Day first = kNoDay, last = kNoDay;
    for (const DyadSeries* s : {&sa, &sb}) {
      if (s->buckets.empty()) continue;
      Day f = s->buckets.front().start;
      Day l = NextBucketStart(s->buckets.back().start, by) - 1;
      if (first == kNoDay || f < first) first = f;
      if (last == kNoDay || l > last) last = l;
    }
    if (first == kNoDay) return ComputeLean(sa, sb);  // no events at all
    if (from == kNoDay) qa.from = qb.from = first;
    if (to == kNoDay) qa.to = qb.to = last;
  }
  DYAD_ASSIGN_OR_RETURN(DyadSeries sa, Series(qa));
  DYAD_ASSIGN_OR_RETURN(DyadSeries sb, Series(qb));
  return ComputeLean(sa, sb);
}

}  // namespace dyad
