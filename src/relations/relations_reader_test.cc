#include "relations/relations_reader.h"

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <stdlib.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "coder/cameo_table.h"
#include "store/event_store.h"

namespace dyad {
namespace {

namespace fs = std::filesystem;

Day D(const char* iso) { return *ParseIsoDay(iso); }

EventActor Actor(const std::string& country, const std::string& sector) {
  EventActor a;
  a.code = country + sector;
  a.country = country;
  a.sector = sector;
  a.text = country;
  return a;
}

// source and target "CCC" or "CCC/SEC" (a sector keeps groups apart).
Event MakeEvent(const std::string& src, const std::string& tgt,
                const std::string& code, Day date,
                Modality modality = Modality::kAsserted) {
  auto actor = [](const std::string& s) {
    return Actor(s.substr(0, 3), s.size() > 4 ? s.substr(4) : "GOV");
  };
  Event e;
  e.source = actor(src);
  e.target = actor(tgt);
  e.code = code;
  e.date = date;
  e.modality = modality;
  e.rule = "test.txt:1 pattern";
  return e;
}

// A store in a temporary directory, written through EventStore (the real
// schema and the real event_groups maintenance), read by RelationsReader.
class RelationsReaderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string tmpl =
        (fs::temp_directory_path() / "dyad_relations_XXXXXX").string();
    ASSERT_NE(mkdtemp(tmpl.data()), nullptr);
    dir_ = tmpl;
    path_ = dir_ + "/dyad.db";
    auto cameo = CameoTable::LoadDefault();
    ASSERT_TRUE(cameo.ok()) << cameo.status().ToString();
    cameo_ = std::move(cameo).value();
    auto store = EventStore::Open(path_, cameo_.get());
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    store_ = std::move(store).value();
  }
  void TearDown() override {
    store_.reset();
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }

  // Stores each event in its own document (one report each).
  void Store(const std::vector<Event>& events) {
    std::vector<StoredDocument> docs;
    for (const Event& e : events) {
      StoredDocument sd;
      sd.doc.id = "doc" + std::to_string(next_doc_++);
      sd.doc.title = sd.doc.id;
      sd.doc.text = "Sentence of " + sd.doc.id + ".";
      sd.events.push_back(e);
      sd.events.back().doc_id = sd.doc.id;
      sd.events.back().sentence_end =
          static_cast<uint32_t>(sd.doc.text.size());
      docs.push_back(std::move(sd));
    }
    Status s = store_->StoreDocuments(docs, nullptr);
    ASSERT_TRUE(s.ok()) << s.ToString();
  }

  std::unique_ptr<RelationsReader> Reader(RelationsOptions options = {}) {
    auto r = RelationsReader::Open(path_, options);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? std::move(r).value() : nullptr;
  }

  double Goldstein(const char* code) { return cameo_->Find(code)->goldstein; }

  int64_t QueryInt(const char* sql) {
    sqlite3* db = nullptr;
    EXPECT_EQ(sqlite3_open_v2(path_.c_str(), &db, SQLITE_OPEN_READONLY,
                              nullptr),
              SQLITE_OK);
    sqlite3_stmt* st = nullptr;
    EXPECT_EQ(sqlite3_prepare_v2(db, sql, -1, &st, nullptr), SQLITE_OK) << sql;
    int64_t v = -1;
    if (sqlite3_step(st) == SQLITE_ROW) v = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    sqlite3_close(db);
    return v;
  }

  std::string dir_, path_;
  std::unique_ptr<CameoTable> cameo_;
  std::unique_ptr<EventStore> store_;
  int next_doc_ = 0;
};

TEST_F(RelationsReaderTest, SeriesCountsGroupsAndWeighsMentions) {
  const Event visit = MakeEvent("PRK", "CHN", "042", D("2024-01-10"));
  Store({visit, visit, visit,  // one event, three reports: one group
         MakeEvent("PRK", "CHN", "057", D("2024-01-12"), Modality::kFuture),
         MakeEvent("CHN", "PRK", "190", D("2024-03-05")),
         MakeEvent("PRK", "RUS", "051", D("2024-02-01")),
         MakeEvent("PRK", "CHN", "112", D("2024-04-30"),
                   Modality::kAlleged)});
  ASSERT_EQ(QueryInt("SELECT num_mentions FROM event_groups WHERE code = "
                     "'042'"),
            3);
  auto reader = Reader();
  ASSERT_NE(reader, nullptr);
  SeriesQuery q;
  q.a = "PRK";
  q.b = "CHN";
  q.from = D("2024-01-01");
  q.to = D("2024-04-30");
  q.by = Granularity::kMonth;
  auto s = reader->Series(q);
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  ASSERT_EQ(s->buckets.size(), 4u);
  EXPECT_FALSE(s->directed);
  EXPECT_EQ(s->a, "PRK");
  EXPECT_EQ(s->b, "CHN");
  const SeriesBucket& jan = s->buckets[0];
  EXPECT_EQ(FormatIsoDay(jan.start), "2024-01-01");
  EXPECT_EQ(jan.events, 1);  // the future signing does not count
  EXPECT_EQ(jan.mentions, 3);
  EXPECT_EQ(jan.quad[0], 1);
  EXPECT_DOUBLE_EQ(jan.goldstein_mean, Goldstein("042"));
  EXPECT_NEAR(jan.index, Goldstein("042") / 10, 1e-12);
  EXPECT_EQ(s->buckets[1].events, 0);  // PRK→RUS is another dyad
  const SeriesBucket& mar = s->buckets[2];
  EXPECT_EQ(mar.events, 1);  // CHN→PRK counts in the undirected series
  EXPECT_EQ(mar.quad[3], 1);
  EXPECT_NEAR(mar.index, Goldstein("190") / 10, 1e-12);
  EXPECT_EQ(s->buckets[3].events, 1);  // alleged counts
  EXPECT_EQ(s->buckets[3].quad[2], 1);
  // Slope through (0, 0.19), (2, -1.0), (3, -0.2): negative.
  EXPECT_LT(s->trend, 0);

  q.directed = true;
  auto directed = reader->Series(q);
  ASSERT_TRUE(directed.ok());
  EXPECT_EQ(directed->buckets[2].events, 0);  // CHN→PRK left out
  EXPECT_EQ(directed->buckets[0].events, 1);

  q.directed = false;
  q.include_all_modalities = true;
  auto all = reader->Series(q);
  ASSERT_TRUE(all.ok());
  EXPECT_EQ(all->buckets[0].events, 2);
  EXPECT_EQ(all->buckets[0].mentions, 4);
  EXPECT_NEAR(all->buckets[0].index,
              (3 * Goldstein("042") + Goldstein("057")) / 40, 1e-12);
}

TEST_F(RelationsReaderTest, OpenRangeFollowsTheDyadAndBucketsSumToTheStore) {
  std::vector<Event> events;
  std::mt19937 rng(3);
  const char* codes[] = {"042", "043", "051", "111", "173", "190"};
  for (int i = 0; i < 200; ++i) {
    Day day = D("2023-11-20") + static_cast<Day>(rng() % 120);
    bool forward = rng() % 2 == 0;
    events.push_back(MakeEvent(forward ? "USA" : "CAN", forward ? "CAN" : "USA",
                               codes[rng() % 6], day));
  }
  Store(events);
  const int64_t groups = QueryInt(
      "SELECT COUNT(*) FROM event_groups WHERE source_country IN "
      "('USA','CAN') AND target_country IN ('USA','CAN')");
  ASSERT_GT(groups, 100);
  auto reader = Reader();
  ASSERT_NE(reader, nullptr);
  for (Granularity by : {Granularity::kDay, Granularity::kWeek,
                         Granularity::kMonth, Granularity::kYear}) {
    SeriesQuery q;
    q.a = "CAN";
    q.b = "USA";
    q.by = by;
    auto s = reader->Series(q);
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    int64_t sum = 0;
    for (const SeriesBucket& b : s->buckets) {
      sum += b.events;
      EXPECT_GE(b.index, -1.0);
      EXPECT_LE(b.index, 1.0);
      EXPECT_EQ(b.quad[0] + b.quad[1] + b.quad[2] + b.quad[3], b.events);
    }
    EXPECT_EQ(sum, groups) << GranularityName(by);
    // Contiguous buckets from the first event's bucket to the last's.
    for (size_t i = 1; i < s->buckets.size(); ++i) {
      EXPECT_EQ(s->buckets[i].start, NextBucketStart(s->buckets[i - 1].start, by));
    }
    EXPECT_GT(s->buckets.front().events, 0);
    EXPECT_GT(s->buckets.back().events, 0);
  }
  // A dyad without events and an open range: no buckets.
  auto none = reader->Series(SeriesQuery{"CAN", "JPN"});
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none->buckets.empty());
  // With a range: empty buckets all along.
  SeriesQuery ranged{"CAN", "JPN", false, D("2024-01-01"), D("2024-03-31")};
  auto empty = reader->Series(ranged);
  ASSERT_TRUE(empty.ok());
  ASSERT_EQ(empty->buckets.size(), 3u);
  for (const SeriesBucket& b : empty->buckets) EXPECT_EQ(b.events, 0);
}

TEST_F(RelationsReaderTest, SeriesFindsAShiftInStoredEvents) {
  // 36 months of USA–MEX: mostly cooperation for 20 months, mostly conflict
  // after, with noise from a fixed seed.
  std::vector<Event> events;
  std::mt19937 rng(17);
  const char* coop[] = {"042", "043", "051", "036"};
  const char* conflict[] = {"111", "112", "173", "138"};
  Day month = D("2020-01-01");
  for (int m = 0; m < 36; ++m) {
    for (int k = 0; k < 6; ++k) {
      bool hostile = (m >= 20) == (rng() % 6 != 0);  // 1 in 6 off-type
      const char* code = hostile ? conflict[rng() % 4] : coop[rng() % 4];
      Day day = month + static_cast<Day>(rng() % 28);
      const char* sectors[] = {"GOV", "MIL", "BUS", "MED", "COP", "JUD"};
      events.push_back(MakeEvent(std::string("USA/") + sectors[k],
                                 std::string("MEX/") + sectors[k], code, day));
    }
    month = NextBucketStart(month, Granularity::kMonth);
  }
  Store(events);
  auto reader = Reader();
  ASSERT_NE(reader, nullptr);
  SeriesQuery q{"USA", "MEX", false, D("2020-01-01"), D("2022-12-31"),
                Granularity::kMonth};
  auto s = reader->Series(q);
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  ASSERT_EQ(s->buckets.size(), 36u);
  const Day change = s->buckets[20].start;
  int cusum = 0, bocpd = 0;
  for (const ChangePoint& c : s->shifts) {
    EXPECT_LE(std::abs(c.day - change), 31) << FormatIsoDay(c.day) << " "
                                            << c.method;
    EXPECT_LT(c.after, c.before);
    cusum += c.method == "cusum";
    bocpd += c.method == "bocpd";
  }
  EXPECT_EQ(cusum, 1);
  EXPECT_EQ(bocpd, 1);
  EXPECT_LT(s->trend, 0);
}

TEST_F(RelationsReaderTest, PartnersInBothDirections) {
  Store({MakeEvent("PRK", "CHN", "042", D("2024-01-10")),
         MakeEvent("CHN", "PRK", "051", D("2024-01-11")),
         MakeEvent("CHN", "PRK/MIL", "057", D("2024-01-12")),
         MakeEvent("PRK", "RUS", "043", D("2024-02-01")),
         MakeEvent("USA", "PRK", "112", D("2024-02-02")),
         MakeEvent("USA", "PRK", "112", D("2024-02-02")),  // same event
         MakeEvent("USA", "PRK/MIL", "173", D("2024-02-03")),
         MakeEvent("PRK", "PRK/MIL", "173", D("2024-02-03")),  // domestic
         MakeEvent("PRK", "JPN", "111", D("2023-12-31")),      // before
         MakeEvent("KOR", "JPN", "042", D("2024-01-20"))});
  auto reader = Reader();
  ASSERT_NE(reader, nullptr);
  auto p = reader->Partners("PRK", D("2024-01-01"), D("2024-12-31"), 10);
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  ASSERT_EQ(p->size(), 3u);
  EXPECT_EQ((*p)[0].country, "CHN");
  EXPECT_EQ((*p)[0].events, 3);
  EXPECT_EQ((*p)[0].mentions, 3);
  EXPECT_NEAR((*p)[0].index,
              (Goldstein("042") + Goldstein("051") + Goldstein("057")) / 30,
              1e-12);
  EXPECT_EQ((*p)[1].country, "USA");
  EXPECT_EQ((*p)[1].events, 2);
  EXPECT_EQ((*p)[1].mentions, 3);
  EXPECT_NEAR((*p)[1].index,
              (2 * Goldstein("112") + Goldstein("173")) / 30, 1e-12);
  EXPECT_NEAR((*p)[1].goldstein_mean,
              (Goldstein("112") + Goldstein("173")) / 2, 1e-12);
  EXPECT_EQ((*p)[2].country, "RUS");
  // Open range: JPN joins; limit cuts.
  auto open = reader->Partners("PRK", kNoDay, kNoDay, 10);
  ASSERT_TRUE(open.ok());
  EXPECT_EQ(open->size(), 4u);
  auto top = reader->Partners("PRK", kNoDay, kNoDay, 1);
  ASSERT_TRUE(top.ok());
  ASSERT_EQ(top->size(), 1u);
  EXPECT_EQ((*top)[0].country, "CHN");
  auto nobody = reader->Partners("FRA", kNoDay, kNoDay, 10);
  ASSERT_TRUE(nobody.ok());
  EXPECT_TRUE(nobody->empty());
}

TEST_F(RelationsReaderTest, ShiftsRankDyadsThatMovedInTheLastBucket) {
  std::vector<Event> events;
  const char* sectors[] = {"GOV", "MIL", "BUS", "MED", "COP", "JUD"};
  auto add = [&](const char* a, const char* b, const char* code, Day day,
                 int n) {
    for (int i = 0; i < n; ++i) {
      events.push_back(MakeEvent(std::string(a) + "/" + sectors[i],
                                 std::string(b) + "/" + sectors[i], code, day));
    }
  };
  for (Day m : {D("2024-01-15"), D("2024-02-15"), D("2024-03-15")}) {
    add("USA", "CAN", "051", m, 6);  // praise, then fighting in April
    add("JPN", "KOR", "042", m, 6);  // visits all along
    add("FRA", "DEU", "042", m, 6);  // visits, then accusations
    add("ITA", "ESP", "042", m, 6);  // busy before, too quiet after
  }
  add("CAN", "USA", "190", D("2024-04-10"), 6);
  add("KOR", "JPN", "043", D("2024-04-10"), 6);
  add("DEU", "FRA", "112", D("2024-04-10"), 6);
  add("ITA", "ESP", "190", D("2024-04-10"), 2);
  Store(events);
  auto reader = Reader();
  ASSERT_NE(reader, nullptr);
  auto shifts =
      reader->Shifts(D("2024-01-01"), D("2024-04-30"), Granularity::kMonth, 10);
  ASSERT_TRUE(shifts.ok()) << shifts.status().ToString();
  ASSERT_EQ(shifts->size(), 3u);  // ITA–ESP: 2 events in April, below 5
  EXPECT_EQ((*shifts)[0].a, "CAN");
  EXPECT_EQ((*shifts)[0].b, "USA");
  EXPECT_NEAR((*shifts)[0].before, Goldstein("051") / 10, 1e-12);
  EXPECT_NEAR((*shifts)[0].after, Goldstein("190") / 10, 1e-12);
  EXPECT_NEAR((*shifts)[0].delta, (Goldstein("190") - Goldstein("051")) / 10,
              1e-12);
  EXPECT_EQ((*shifts)[0].events, 24);
  EXPECT_EQ((*shifts)[1].a, "DEU");
  EXPECT_EQ((*shifts)[1].b, "FRA");
  EXPECT_EQ((*shifts)[2].a, "JPN");
  EXPECT_GT((*shifts)[2].delta, 0);  // hosting weighs more than visiting

  RelationsOptions lenient;
  lenient.shift_min_events = 1;
  auto all = Reader(lenient)->Shifts(kNoDay, kNoDay, Granularity::kMonth, 10);
  ASSERT_TRUE(all.ok()) << all.status().ToString();
  EXPECT_EQ(all->size(), 4u);  // open window: the store's first to last day

  auto one_bucket =
      reader->Shifts(D("2024-04-02"), D("2024-04-30"), Granularity::kMonth, 10);
  ASSERT_FALSE(one_bucket.ok());
  EXPECT_NE(one_bucket.status().message().find("within one month"),
            std::string::npos);
}

TEST_F(RelationsReaderTest, LeanBetweenTwoPartners) {
  std::vector<Event> events;
  for (Day m : {D("2024-01-10"), D("2024-02-10"), D("2024-03-10")}) {
    events.push_back(MakeEvent("PRK", "CHN", "057", m));
    events.push_back(MakeEvent("CHN", "PRK", "043", m + 1));
    events.push_back(MakeEvent("PRK", "RUS", "112", m));
  }
  events.push_back(MakeEvent("RUS", "PRK", "042", D("2024-04-03")));
  Store(events);
  auto reader = Reader();
  ASSERT_NE(reader, nullptr);
  auto lean = reader->LeanBetween("PRK", "CHN", "RUS", kNoDay, kNoDay,
                                  Granularity::kMonth);
  ASSERT_TRUE(lean.ok()) << lean.status().ToString();
  EXPECT_EQ(lean->partner_a, "CHN");
  EXPECT_EQ(lean->partner_b, "RUS");
  ASSERT_EQ(lean->buckets.size(), 4u);  // January to April (RUS in April)
  EXPECT_EQ(lean->events_a, 6);
  EXPECT_EQ(lean->events_b, 4);
  EXPECT_GT(lean->index_difference, 0);
  EXPECT_DOUBLE_EQ(lean->volume_share_a, 0.6);
  EXPECT_NEAR(lean->buckets[0].index_difference,
              (Goldstein("057") + Goldstein("043")) / 20 -
                  Goldstein("112") / 10,
              1e-12);
  EXPECT_TRUE(std::isnan(lean->buckets[3].index_difference));
}

TEST_F(RelationsReaderTest, DatesOfTheStore) {
  auto reader = Reader();
  ASSERT_NE(reader, nullptr);
  auto empty = reader->Dates();
  ASSERT_TRUE(empty.ok());
  EXPECT_EQ(empty->first, kNoDay);
  Store({MakeEvent("PRK", "CHN", "042", D("2024-01-10")),
         MakeEvent("PRK", "CHN", "042", D("2021-05-01"), Modality::kFuture),
         MakeEvent("PRK", "CHN", "043", D("2024-06-10"))});
  auto r = Reader()->Dates();
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(FormatIsoDay(r->first), "2024-01-10");
  EXPECT_EQ(FormatIsoDay(r->last), "2024-06-10");
}

TEST_F(RelationsReaderTest, OpenErrorsNameTheStore) {
  auto missing = RelationsReader::Open(dir_ + "/none.db");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), StatusCode::kNotFound);
  EXPECT_NE(missing.status().message().find("none.db"), std::string::npos);

  const std::string old = dir_ + "/old.db";
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(old.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db, "CREATE TABLE events (id INTEGER)", nullptr,
                         nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(db);
  auto v1 = RelationsReader::Open(old);
  ASSERT_FALSE(v1.ok());
  EXPECT_NE(v1.status().message().find("event_groups"), std::string::npos);
  EXPECT_NE(v1.status().message().find("old.db"), std::string::npos);

  const std::string junk = dir_ + "/junk.db";
  std::ofstream(junk) << "this is not a database, just some text that is "
                         "long enough to be read as a header page.";
  auto bad = RelationsReader::Open(junk);
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("junk.db"), std::string::npos);

  // Bad queries are errors, not crashes.
  auto reader = Reader();
  ASSERT_NE(reader, nullptr);
  EXPECT_FALSE(reader->Series(SeriesQuery{"", "CHN"}).ok());
  SeriesQuery backwards{"PRK", "CHN", false, D("2024-02-01"), D("2024-01-01")};
  EXPECT_FALSE(reader->Series(backwards).ok());
}

TEST_F(RelationsReaderTest, ReadsWhileTheStoreWrites) {
  Store({MakeEvent("PRK", "CHN", "042", D("2024-01-10"))});
  auto reader = Reader();
  ASSERT_NE(reader, nullptr);
  SeriesQuery q{"PRK", "CHN"};
  ASSERT_EQ(reader->Series(q)->buckets.at(0).events, 1);
  Store({MakeEvent("CHN", "PRK", "043", D("2024-01-11"))});
  // The same reader sees the committed write (WAL: no stale snapshot
  // between statements).
  auto s = reader->Series(q);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->buckets.at(0).events, 2);
}

}  // namespace
}  // namespace dyad
