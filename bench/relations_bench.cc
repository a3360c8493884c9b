// RelationsReader on a 10-million-event-group store.
//
// The store is built once (about a minute) at $DYAD_RELATIONS_BENCH_DB
// (default /tmp/dyad_relations_bench.db; never in the repository) and
// reused while it holds the expected number of groups: the real schema
// (EventStore::Open runs the migrations), then event_groups rows written by
// prepared inserts in one transaction, in date order as an ingest over ten
// years would write them, with the two dyad/date indexes built after the
// load. 200 countries with a quadratic skew (P(country < k) = sqrt(k/200)),
// so the busiest dyad, USA–CHN, has about 40,000 groups; from 2019-06 its
// events turn to conflict, so its series has a shift to find.
//
// The dyad index is the store's covering index (migration 3), so a series
// reads one contiguous index range (doc/benchmarks.md); migration 4's
// triggers fill the dyad_months rollup as the rows go in, which the shifts
// over all dyads read.
//
// Run: build/bench/dyad_bench --benchmark_filter=Relations
#include <benchmark/benchmark.h>
#include <sqlite3.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "coder/cameo_table.h"
#include "relations/relations_reader.h"
#include "store/event_store.h"

namespace dyad {
namespace {

constexpr int64_t kGroups = 10'000'000;
constexpr int kCountries = 200;
constexpr const char* kBusyA = "USA";
constexpr const char* kBusyB = "CHN";

std::string BenchDbPath() {
  const char* env = std::getenv("DYAD_RELATIONS_BENCH_DB");
  return env != nullptr && *env ? env : "/tmp/dyad_relations_bench.db";
}

// The first codes are real (the busiest first); the rest are made up.
std::vector<std::string> CountryCodes() {
  std::vector<std::string> codes = {
      "USA", "CHN", "RUS", "GBR", "FRA", "DEU", "JPN", "IND", "ISR", "IRN",
      "UKR", "TUR", "PRK", "KOR", "PAK", "SYR", "SAU", "AFG", "IRQ", "EGY",
      "BRA", "CAN", "AUS", "ITA", "ESP", "MEX", "NGA", "ZAF", "IDN", "VNM"};
  for (int i = 0; codes.size() < static_cast<size_t>(kCountries); ++i) {
    codes.push_back(std::string("X") + static_cast<char>('A' + i / 26) +
                    static_cast<char>('A' + i % 26));
  }
  return codes;
}

int64_t QueryInt(sqlite3* db, const char* sql) {
  sqlite3_stmt* st = nullptr;
  int64_t v = -1;
  if (sqlite3_prepare_v2(db, sql, -1, &st, nullptr) == SQLITE_OK &&
      sqlite3_step(st) == SQLITE_ROW) {
    v = sqlite3_column_int64(st, 0);
  }
  sqlite3_finalize(st);
  return v;
}

bool Exec(sqlite3* db, const char* sql) {
  char* err = nullptr;
  if (sqlite3_exec(db, sql, nullptr, nullptr, &err) != SQLITE_OK) {
    std::fprintf(stderr, "relations_bench: %s: %s\n", sql, err);
    sqlite3_free(err);
    return false;
  }
  return true;
}

bool StoreIsBuilt(const std::string& path) {
  if (!std::filesystem::exists(path)) return false;
  sqlite3* db = nullptr;
  bool ok = sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) ==
                SQLITE_OK &&
            QueryInt(db, "SELECT MAX(id) FROM event_groups") == kGroups &&
            QueryInt(db,
                     "SELECT COUNT(*) FROM sqlite_schema WHERE name IN "
                     "('event_groups_dyad_cover', 'dyad_months')") == 2;
  sqlite3_close(db);
  return ok;
}

bool BuildStore(const std::string& path) {
  std::error_code ec;
  for (const char* suffix : {"", "-wal", "-shm"}) {
    std::filesystem::remove(path + suffix, ec);
  }
  auto cameo = CameoTable::LoadDefault();
  if (!cameo.ok()) return false;
  {
    auto store = EventStore::Open(path, cameo->get());  // the real schema
    if (!store.ok()) {
      std::fprintf(stderr, "relations_bench: %s\n",
                   store.status().ToString().c_str());
      return false;
    }
  }
  std::fprintf(stderr, "relations_bench: building %s (%lld event groups)\n",
               path.c_str(), static_cast<long long>(kGroups));
  sqlite3* db = nullptr;
  if (sqlite3_open(path.c_str(), &db) != SQLITE_OK) return false;
  // A throwaway file: durability does not matter while loading.
  bool ok = Exec(db, "PRAGMA journal_mode=OFF") &&
            Exec(db, "PRAGMA synchronous=OFF") &&
            Exec(db, "PRAGMA cache_size=-1000000") &&
            Exec(db, "DROP INDEX event_groups_dyad_cover") &&
            Exec(db, "DROP INDEX event_groups_date") && Exec(db, "BEGIN");
  sqlite3_stmt* st = nullptr;
  ok = ok && sqlite3_prepare_v2(
                 db,
                 "INSERT INTO event_groups (id, merge_key, date, source_code, "
                 "source_country, target_code, target_country, code, root, "
                 "quad_class, goldstein, plover, modality, num_mentions, "
                 "num_sources, num_articles, first_event_id) VALUES (?1, ?2, "
                 "?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, "
                 "?16, ?1)",
                 -1, &st, nullptr) == SQLITE_OK;
  // Codes by how often news reports them: statements, visits, talks and
  // praise most; fights least.
  const std::vector<std::pair<const char*, int>> weighted = {
      {"010", 12}, {"020", 5}, {"036", 6}, {"040", 10}, {"042", 6},
      {"043", 5},  {"046", 4}, {"051", 5}, {"057", 2},  {"061", 3},
      {"070", 2},  {"111", 6}, {"112", 5}, {"120", 3},  {"130", 2},
      {"138", 2},  {"163", 2}, {"173", 3}, {"190", 3},  {"195", 1}};
  const std::vector<std::pair<const char*, int>> hostile = {
      {"111", 8}, {"112", 8}, {"120", 4}, {"130", 3}, {"138", 3},
      {"163", 4}, {"173", 3}, {"010", 4}, {"036", 2}, {"040", 3}};
  auto cumulative = [&](const std::vector<std::pair<const char*, int>>& w) {
    std::vector<const CameoCode*> table;
    for (const auto& [code, n] : w) {
      for (int i = 0; i < n; ++i) table.push_back((*cameo)->Find(code));
    }
    return table;
  };
  const std::vector<const CameoCode*> normal_codes = cumulative(weighted);
  const std::vector<const CameoCode*> hostile_codes = cumulative(hostile);
  const std::vector<std::string> countries = CountryCodes();
  const char* sectors[] = {"GOV", "MIL", "BUS", "MED", "COP",
                           "OPP", "JUD", "EDU", "CVL", "LEG"};
  const Day first = MakeDay(2015, 1, 1);
  const Day days = MakeDay(2025, 1, 1) - first;  // ten years
  const Day turn = MakeDay(2019, 6, 1);
  std::mt19937_64 rng(20240601);
  std::uniform_real_distribution<double> u(0, 1);
  std::geometric_distribution<int> extra_mentions(0.45);
  auto country = [&] {
    // Quadratic skew: P(index < k) = sqrt(k / 200).
    int c = static_cast<int>(kCountries * std::pow(u(rng), 2));
    return std::min(c, kCountries - 1);
  };
  std::string key, source_code, target_code;
  for (int64_t i = 1; ok && i <= kGroups; ++i) {
    const Day day = first + static_cast<Day>((i - 1) * days / kGroups);
    const int s = country();
    int t = country();
    while (t == s) t = country();
    const bool busy = (s <= 1 && t <= 1);
    const auto& codes = busy && day >= turn ? hostile_codes : normal_codes;
    const CameoCode* code = codes[rng() % codes.size()];
    const double m = u(rng);
    const char* modality = m < 0.85   ? "asserted"
                           : m < 0.90 ? "alleged"
                           : m < 0.97 ? "future"
                                      : "negated";
    source_code = countries[s] + sectors[rng() % 10];
    target_code = countries[t] + sectors[rng() % 10];
    const std::string date = FormatIsoDay(day);
    // The contract's key plus the row number: generated groups never merge.
    key = date + "|" + source_code + "|" + target_code + "|" + code->code +
          "|" + modality + "|" + std::to_string(i);
    const int mentions = 1 + extra_mentions(rng);
    const int sources = 1 + static_cast<int>(rng() % mentions);
    sqlite3_bind_int64(st, 1, i);
    sqlite3_bind_text(st, 2, key.data(), static_cast<int>(key.size()),
                      SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 3, date.data(), 10, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 4, source_code.data(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 5, countries[s].data(), 3, SQLITE_STATIC);
    sqlite3_bind_text(st, 6, target_code.data(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 7, countries[t].data(), 3, SQLITE_STATIC);
    sqlite3_bind_text(st, 8, code->code.data(), -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 9, code->root.data(), -1, SQLITE_STATIC);
    sqlite3_bind_int(st, 10, code->quad_class);
    sqlite3_bind_double(st, 11, code->goldstein);
    sqlite3_bind_text(st, 12, code->plover.data(), -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 13, modality, -1, SQLITE_STATIC);
    sqlite3_bind_int(st, 14, mentions);
    sqlite3_bind_int(st, 15, sources);
    sqlite3_bind_int(st, 16, sources);
    ok = sqlite3_step(st) == SQLITE_DONE;
    sqlite3_reset(st);
  }
  sqlite3_finalize(st);
  // The same definitions as migrations 2 and 3, built once over the sorted
  // data.
  ok = ok && Exec(db, "COMMIT") &&
       Exec(db,
            "CREATE INDEX event_groups_dyad_cover ON "
            "event_groups(source_country, target_country, date, quad_class, "
            "modality, num_mentions, goldstein)") &&
       Exec(db, "CREATE INDEX event_groups_date ON event_groups(date)") &&
       Exec(db, "ANALYZE") && Exec(db, "PRAGMA journal_mode=WAL");
  sqlite3_close(db);
  return ok;
}

RelationsReader* Reader() {
  static RelationsReader* reader = []() -> RelationsReader* {
    const std::string path = BenchDbPath();
    if (!StoreIsBuilt(path) && !BuildStore(path)) return nullptr;
    auto r = RelationsReader::Open(path);
    if (!r.ok()) {
      std::fprintf(stderr, "relations_bench: %s\n",
                   r.status().ToString().c_str());
      return nullptr;
    }
    return r->release();
  }();
  return reader;
}

void SeriesBench(benchmark::State& state, Granularity by) {
  RelationsReader* reader = Reader();
  if (reader == nullptr) {
    state.SkipWithError("no benchmark store");
    return;
  }
  SeriesQuery q{
      kBusyA, kBusyB, false, MakeDay(2015, 1, 1), MakeDay(2024, 12, 31), by};
  int64_t groups = 0;
  size_t shifts = 0, buckets = 0;
  for (auto _ : state) {
    auto s = reader->Series(q);
    if (!s.ok()) {
      state.SkipWithError(s.status().ToString().c_str());
      return;
    }
    groups = MergeBuckets(s->buckets).events;
    shifts = s->shifts.size();
    buckets = s->buckets.size();
    benchmark::DoNotOptimize(s->trend);
  }
  state.counters["groups"] = static_cast<double>(groups);
  state.counters["buckets"] = static_cast<double>(buckets);
  state.counters["shifts"] = static_cast<double>(shifts);
}

// The target: one busy dyad, ten years, by month, in at most 50 ms.
void BM_RelationsSeriesBusyDyadByMonth(benchmark::State& state) {
  SeriesBench(state, Granularity::kMonth);
}
BENCHMARK(BM_RelationsSeriesBusyDyadByMonth)->Unit(benchmark::kMillisecond);

// 3,653 daily buckets: the change-point detectors' worst case.
void BM_RelationsSeriesBusyDyadByDay(benchmark::State& state) {
  SeriesBench(state, Granularity::kDay);
}
BENCHMARK(BM_RelationsSeriesBusyDyadByDay)->Unit(benchmark::kMillisecond);

void BM_RelationsPartnersOfBusyCountry(benchmark::State& state) {
  RelationsReader* reader = Reader();
  if (reader == nullptr) {
    state.SkipWithError("no benchmark store");
    return;
  }
  size_t n = 0;
  for (auto _ : state) {
    auto p = reader->Partners(kBusyA, MakeDay(2024, 1, 1),
                              MakeDay(2024, 12, 31), 10);
    if (!p.ok()) {
      state.SkipWithError(p.status().ToString().c_str());
      return;
    }
    n = p->size();
  }
  state.counters["partners"] = static_cast<double>(n);
}
BENCHMARK(BM_RelationsPartnersOfBusyCountry)->Unit(benchmark::kMillisecond);

// Every dyad of one year (about a million groups), by month.
void BM_RelationsShiftsOneYear(benchmark::State& state) {
  RelationsReader* reader = Reader();
  if (reader == nullptr) {
    state.SkipWithError("no benchmark store");
    return;
  }
  size_t n = 0;
  for (auto _ : state) {
    auto s = reader->Shifts(MakeDay(2024, 1, 1), MakeDay(2024, 12, 31),
                            Granularity::kMonth, 20);
    if (!s.ok()) {
      state.SkipWithError(s.status().ToString().c_str());
      return;
    }
    n = s->size();
  }
  state.counters["dyads"] = static_cast<double>(n);
}
BENCHMARK(BM_RelationsShiftsOneYear)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace dyad
