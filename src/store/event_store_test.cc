#include "store/event_store.h"

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <stdlib.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "ingest/text_article.h"

namespace dyad {
namespace {

namespace fs = std::filesystem;

// A fresh directory under the system temp dir, removed at the end.
class TempDir {
 public:
  TempDir() {
    std::string tmpl =
        (fs::temp_directory_path() / "dyad_store_XXXXXX").string();
    char* p = mkdtemp(tmpl.data());
    EXPECT_NE(p, nullptr);
    path_ = tmpl;
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  std::string File(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

// One integer from `sql` run on a separate connection to `path`.
int64_t QueryInt(const std::string& path, const char* sql) {
  sqlite3* db = nullptr;
  EXPECT_EQ(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr),
            SQLITE_OK);
  sqlite3_stmt* st = nullptr;
  EXPECT_EQ(sqlite3_prepare_v2(db, sql, -1, &st, nullptr), SQLITE_OK) << sql;
  int64_t v = -1;
  if (sqlite3_step(st) == SQLITE_ROW) v = sqlite3_column_int64(st, 0);
  sqlite3_finalize(st);
  sqlite3_close(db);
  return v;
}

std::string QueryText(const std::string& path, const char* sql) {
  sqlite3* db = nullptr;
  EXPECT_EQ(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr),
            SQLITE_OK);
  sqlite3_stmt* st = nullptr;
  EXPECT_EQ(sqlite3_prepare_v2(db, sql, -1, &st, nullptr), SQLITE_OK) << sql;
  std::string v = "<none>";
  if (sqlite3_step(st) == SQLITE_ROW) {
    const unsigned char* t = sqlite3_column_text(st, 0);
    v = t == nullptr ? "<null>" : reinterpret_cast<const char*>(t);
  }
  sqlite3_finalize(st);
  sqlite3_close(db);
  return v;
}

// Rows that differ between the dyad_months rollup kept by triggers and the
// same sums computed afresh from event_groups (0 when they agree).
int64_t RollupMismatches(const std::string& path) {
  return QueryInt(
      path,
      "WITH fresh AS (SELECT source_country, target_country, "
      "substr(date, 1, 7) AS month, COALESCE(quad_class, 0) AS quad_class, "
      "modality, COUNT(*) AS groups, TOTAL(num_mentions) AS mentions, "
      "round(TOTAL(goldstein), 6) AS g, "
      "round(TOTAL(num_mentions * goldstein), 6) AS w FROM event_groups "
      "WHERE source_country IS NOT NULL AND target_country IS NOT NULL "
      "AND date IS NOT NULL GROUP BY 1, 2, 3, 4, 5), "
      "kept AS (SELECT source_country, target_country, month, quad_class, "
      "modality, groups, mentions, round(goldstein_sum, 6), "
      "round(weighted_sum, 6) FROM dyad_months) "
      "SELECT (SELECT COUNT(*) FROM (SELECT * FROM fresh EXCEPT "
      "SELECT * FROM kept)) + (SELECT COUNT(*) FROM (SELECT * FROM kept "
      "EXCEPT SELECT * FROM fresh))");
}

EventActor Actor(const std::string& country, const std::string& sector = "") {
  EventActor a;
  a.code = country + sector;
  a.country = country;
  a.sector = sector;
  a.text = country;
  return a;
}

Event MakeEvent(const std::string& src, const std::string& tgt,
                const std::string& code, const std::string& date) {
  Event e;
  e.source = Actor(src);
  if (!tgt.empty()) e.target = Actor(tgt);
  e.code = code;
  e.date = date.empty() ? kNoDay : ParseIsoDay(date).value();
  e.rule = "test.txt:1 pattern";
  e.confidence = 0.8;
  return e;
}

StoredDocument MakeDoc(const std::string& id, const std::string& text,
                       std::vector<Event> events) {
  StoredDocument sd;
  sd.doc.id = id;
  sd.doc.title = "Title " + id;
  sd.doc.text = text;
  sd.doc.date = "2024-10-07";
  sd.doc.url = "https://example.com/" + id;
  sd.events = std::move(events);
  for (Event& e : sd.events) e.doc_id = id;
  return sd;
}

class EventStoreTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto cameo = CameoTable::LoadDefault();
    ASSERT_TRUE(cameo.ok()) << cameo.status().ToString();
    cameo_ = std::move(cameo).value().release();
  }
  static void TearDownTestSuite() { delete cameo_; }
  static CameoTable* cameo_;
};
CameoTable* EventStoreTest::cameo_ = nullptr;

TEST_F(EventStoreTest, CreatesSchemaAndReopensIdempotently) {
  TempDir dir;
  const std::string path = dir.File("dyad.db");
  {
    auto store = EventStore::Open(path, cameo_);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    auto version = (*store)->SchemaVersion();
    ASSERT_TRUE(version.ok());
    EXPECT_EQ(*version, EventStore::LatestSchemaVersion());
    StoreCounts counts;
    std::vector<StoredDocument> docs = {
        MakeDoc("a", "text a", {MakeEvent("USA", "CHN", "042", "2024-10-06")})};
    ASSERT_TRUE((*store)->StoreDocuments(docs, &counts).ok());
    EXPECT_EQ(counts.inserted, 1);
  }
  for (int i = 0; i < 2; ++i) {
    auto store = EventStore::Open(path, cameo_);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    EXPECT_EQ(*(*store)->SchemaVersion(), EventStore::LatestSchemaVersion());
    EXPECT_EQ(*(*store)->CountDocuments(), 1);
    EXPECT_EQ(*(*store)->CountEvents(), 1);
  }
  EXPECT_EQ(QueryInt(path, "SELECT COUNT(*) FROM schema_version"),
            EventStore::LatestSchemaVersion());
  EXPECT_EQ(QueryText(path, "PRAGMA journal_mode"), "wal");
  EXPECT_EQ(QueryInt(path,
                     "SELECT COUNT(*) FROM sqlite_master WHERE "
                     "type = 'index' AND name LIKE 'events_%'"),
            4);
}

TEST_F(EventStoreTest, StoresEveryEventField) {
  TempDir dir;
  const std::string path = dir.File("dyad.db");
  Event e = MakeEvent("PRK", "", "057", "2024-10-06");
  e.partners.push_back(Actor("CHN", "GOV"));
  e.modality = Modality::kFuture;
  e.attribution = Actor("PRK", "MED");
  e.attribution_text = "KCNA reported";
  e.trigger_begin = 10;
  e.trigger_end = 16;
  {
    auto store = EventStore::Open(path, cameo_);
    ASSERT_TRUE(store.ok());
    std::vector<StoredDocument> docs = {MakeDoc("d", "some text", {e})};
    ASSERT_TRUE((*store)->StoreDocuments(docs, nullptr).ok());
  }
  EXPECT_EQ(QueryText(path, "SELECT root FROM events"), "05");
  EXPECT_EQ(QueryInt(path, "SELECT quad_class FROM events"), 1);
  EXPECT_EQ(QueryText(path, "SELECT plover FROM events"), "SUPPORT");
  EXPECT_EQ(QueryText(path, "SELECT goldstein FROM events"), "8.0");
  EXPECT_EQ(QueryText(path, "SELECT date FROM events"), "2024-10-06");
  EXPECT_EQ(QueryText(path, "SELECT date_precision FROM events"), "day");
  EXPECT_EQ(QueryText(path, "SELECT target_code FROM events"), "<null>");
  EXPECT_EQ(QueryText(path, "SELECT modality FROM events"), "future");
  EXPECT_EQ(QueryText(path, "SELECT attribution_code FROM events"), "PRKMED");
  EXPECT_EQ(QueryText(path, "SELECT attribution_text FROM events"),
            "KCNA reported");
  EXPECT_EQ(QueryInt(path, "SELECT trigger_end FROM events"), 16);
  EXPECT_EQ(QueryText(path,
                      "SELECT json_extract(partners, '$[0].code') "
                      "FROM events"),
            "CHNGOV");
  EXPECT_EQ(QueryText(path, "SELECT url FROM documents"),
            "https://example.com/d");
  EXPECT_NE(QueryText(path, "SELECT ingested_at FROM documents"), "<null>");
}

TEST_F(EventStoreTest, RestoringSameDocumentsIsIdempotent) {
  auto store = EventStore::Open(":memory:", cameo_);
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  std::vector<StoredDocument> docs = {
      MakeDoc("a", "text a",
              {MakeEvent("USA", "CHN", "042", "2024-10-06"),
               MakeEvent("CHN", "USA", "043", "2024-10-06")}),
      MakeDoc("b", "text b", {MakeEvent("RUS", "UKR", "19", "2024-10-05")})};
  StoreCounts first;
  ASSERT_TRUE((*store)->StoreDocuments(docs, &first).ok());
  EXPECT_EQ(first.inserted, 2);
  EXPECT_EQ(first.unchanged, 0);
  EXPECT_EQ(first.events, 3);
  StoreCounts second;
  ASSERT_TRUE((*store)->StoreDocuments(docs, &second).ok());
  EXPECT_EQ(second.inserted, 0);
  EXPECT_EQ(second.replaced, 0);
  EXPECT_EQ(second.unchanged, 2);
  EXPECT_EQ(second.events, 0);
  EXPECT_EQ(*(*store)->CountDocuments(), 2);
  EXPECT_EQ(*(*store)->CountEvents(), 3);

  EXPECT_TRUE(*(*store)->ContainsUnchanged(docs[0].doc));
  Document changed = docs[0].doc;
  changed.text += " more";
  EXPECT_FALSE(*(*store)->ContainsUnchanged(changed));
  Document unknown = docs[0].doc;
  unknown.id = "zzz";
  EXPECT_FALSE(*(*store)->ContainsUnchanged(unknown));
}

TEST_F(EventStoreTest, ChangedDocumentReplacesItsEventsAtomically) {
  TempDir dir;
  const std::string path = dir.File("dyad.db");
  auto store = EventStore::Open(path, cameo_);
  ASSERT_TRUE(store.ok());
  std::vector<StoredDocument> v1 = {
      MakeDoc("a", "first version",
              {MakeEvent("USA", "CHN", "042", "2024-10-06"),
               MakeEvent("CHN", "USA", "043", "2024-10-06"),
               MakeEvent("USA", "", "057", "2024-10-06")}),
      MakeDoc("b", "other", {MakeEvent("RUS", "UKR", "19", "2024-10-05")})};
  ASSERT_TRUE((*store)->StoreDocuments(v1, nullptr).ok());
  ASSERT_EQ(*(*store)->CountEvents(), 4);

  std::vector<StoredDocument> v2 = {MakeDoc(
      "a", "second version", {MakeEvent("USA", "RUS", "19", "2024-10-07")})};
  StoreCounts counts;
  ASSERT_TRUE((*store)->StoreDocuments(v2, &counts).ok());
  EXPECT_EQ(counts.replaced, 1);
  EXPECT_EQ(counts.inserted, 0);
  EXPECT_EQ(counts.events, 1);
  EXPECT_EQ(*(*store)->CountDocuments(), 2);
  EXPECT_EQ(*(*store)->CountEvents(), 2);  // 1 new for "a" + 1 of "b"
  EXPECT_EQ(QueryInt(path,
                     "SELECT COUNT(*) FROM events WHERE doc_id NOT IN "
                     "(SELECT id FROM documents)"),
            0);
  EXPECT_EQ(QueryInt(path, "SELECT COUNT(*) FROM events WHERE doc_id = 'a'"),
            1);
  EXPECT_EQ(QueryText(path, "SELECT text FROM documents WHERE id = 'a'"),
            "second version");
  EXPECT_EQ(QueryInt(path, "SELECT content_hash FROM documents WHERE id = 'a'"),
            static_cast<int64_t>(DocumentContentHash(v2[0].doc)));
}

TEST_F(EventStoreTest, ContentHashCoversTitleAndText) {
  Document a, b;
  a.title = "ab";
  a.text = "c";
  b.title = "a";
  b.text = "bc";
  EXPECT_NE(DocumentContentHash(a), DocumentContentHash(b));
  b = a;
  b.url = "elsewhere";  // not content
  EXPECT_EQ(DocumentContentHash(a), DocumentContentHash(b));
}

TEST_F(EventStoreTest, CountsEventsByDyad) {
  auto store = EventStore::Open(":memory:", cameo_);
  ASSERT_TRUE(store.ok());
  std::vector<StoredDocument> docs = {
      MakeDoc("a", "a",
              {MakeEvent("USA", "CHN", "042", "2024-10-01"),    // 1.9
               MakeEvent("USA", "CHN", "19", "2024-10-02"),     // -10
               MakeEvent("CHN", "USA", "046", "2024-10-03")}),  // 7.0
      MakeDoc("b", "b",
              {MakeEvent("USA", "CHN", "042", "2024-11-01"),  // out
               MakeEvent("USA", "", "042", "2024-10-02"),     // no target
               MakeEvent("USA", "CHN", "042", "")})};         // no date
  ASSERT_TRUE((*store)->StoreDocuments(docs, nullptr).ok());
  auto dyads = (*store)->CountByDyad(*ParseIsoDay("2024-10-01"),
                                     *ParseIsoDay("2024-10-31"));
  ASSERT_TRUE(dyads.ok()) << dyads.status().ToString();
  ASSERT_EQ(dyads->size(), 2u);
  EXPECT_EQ((*dyads)[0].source_country, "USA");
  EXPECT_EQ((*dyads)[0].target_country, "CHN");
  EXPECT_EQ((*dyads)[0].events, 2);
  EXPECT_NEAR((*dyads)[0].goldstein_sum, 1.9 - 10.0, 1e-9);
  EXPECT_EQ((*dyads)[1].source_country, "CHN");
  EXPECT_EQ((*dyads)[1].target_country, "USA");
  EXPECT_EQ((*dyads)[1].events, 1);
  EXPECT_NEAR((*dyads)[1].goldstein_sum, 7.0, 1e-9);

  auto all = (*store)->CountByDyad(kNoDay, kNoDay);
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->size(), 2u);
  EXPECT_EQ((*all)[0].events, 3);  // USA→CHN including November
}

TEST_F(EventStoreTest, UnwritablePathIsAnError) {
  auto store = EventStore::Open("/nonexistent-dyad-dir/sub/dyad.db", cameo_);
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), StatusCode::kIoError);
  EXPECT_NE(store.status().message().find("/nonexistent-dyad-dir"),
            std::string::npos);
}

TEST_F(EventStoreTest, NonDatabaseFileIsAnError) {
  TempDir dir;
  const std::string path = dir.File("not.db");
  {
    std::ofstream out(path);
    out << std::string(4096, 'x');
  }
  auto store = EventStore::Open(path, cameo_);
  ASSERT_FALSE(store.ok());
  EXPECT_NE(store.status().message().find("not.db"), std::string::npos);
}

TEST_F(EventStoreTest, WorksWithoutCameoTable) {
  auto store = EventStore::Open(":memory:", nullptr);
  ASSERT_TRUE(store.ok());
  std::vector<StoredDocument> docs = {
      MakeDoc("a", "a", {MakeEvent("USA", "CHN", "042", "2024-10-01")})};
  ASSERT_TRUE((*store)->StoreDocuments(docs, nullptr).ok());
  auto dyads = (*store)->CountByDyad(kNoDay, kNoDay);
  ASSERT_TRUE(dyads.ok());
  ASSERT_EQ(dyads->size(), 1u);
  EXPECT_EQ((*dyads)[0].goldstein_sum, 0.0);  // NULL goldstein sums to 0
}

// The version-1 schema exactly as dyad 0.1 shipped it: a store to upgrade.
constexpr const char* kVersionOneSchema = R"sql(
CREATE TABLE schema_version (version INTEGER NOT NULL);
INSERT INTO schema_version VALUES (1);
CREATE TABLE documents (id TEXT PRIMARY KEY, url TEXT, date TEXT, title TEXT,
  source TEXT, content_hash INTEGER NOT NULL, text TEXT NOT NULL,
  ingested_at TEXT NOT NULL);
CREATE TABLE events (id INTEGER PRIMARY KEY,
  doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  sentence_index INTEGER NOT NULL, sentence_start INTEGER NOT NULL,
  sentence_end INTEGER NOT NULL, date TEXT, date_precision TEXT NOT NULL,
  date_rule TEXT, source_code TEXT NOT NULL, source_country TEXT,
  source_sector TEXT, source_text TEXT, source_start INTEGER,
  source_end INTEGER, target_code TEXT, target_country TEXT,
  target_sector TEXT, target_text TEXT, target_start INTEGER,
  target_end INTEGER, partners TEXT NOT NULL, code TEXT NOT NULL, root TEXT,
  quad_class INTEGER, goldstein REAL, plover TEXT, modality TEXT NOT NULL,
  modality_cue TEXT, attribution_code TEXT, attribution_country TEXT,
  attribution_text TEXT, rule TEXT, trigger_start INTEGER,
  trigger_end INTEGER, confidence REAL);
CREATE INDEX events_date ON events(date);
CREATE INDEX events_dyad_date ON events(source_country, target_country, date);
CREATE INDEX events_doc ON events(doc_id);
INSERT INTO documents VALUES
  ('a', NULL, '2024-10-07', 'A', 'KCNA', 1,
   'Kim met Xi. Xi praised Kim.', '2024-10-07T00:00:00Z'),
  ('icews:42', NULL, '2024-10-07', 'B', 'Yonhap', 2,
   'Kim met Xi in Beijing.', '2024-10-07T00:00:00Z');
INSERT INTO events (doc_id, sentence_index, sentence_start, sentence_end,
  date, date_precision, source_code, source_country, target_code,
  target_country, partners, code, modality) VALUES
  ('a', 0, 0, 11, '2024-10-06', 'day', 'PRKGOV', 'PRK', 'CHNGOV', 'CHN',
   '[]', '040', 'asserted'),
  ('a', 1, 12, 27, '2024-10-06', 'day', 'CHNGOV', 'CHN', 'PRKGOV', 'PRK',
   '[]', '051', 'asserted'),
  ('icews:42', 0, 0, 21, '2024-10-06', 'day', 'PRKGOV', 'PRK', 'CHNGOV',
   'CHN', '[]', '040', 'asserted');
)sql";

TEST_F(EventStoreTest, UpgradesVersionOneStore) {
  TempDir dir;
  const std::string path = dir.File("v1.db");
  {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(db, kVersionOneSchema, nullptr, nullptr, nullptr),
              SQLITE_OK)
        << sqlite3_errmsg(db);
    sqlite3_close(db);
  }
  {
    auto store = EventStore::Open(path, cameo_);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    EXPECT_EQ(*(*store)->SchemaVersion(), EventStore::LatestSchemaVersion());
  }
  EXPECT_EQ(QueryText(path, "SELECT origin FROM documents WHERE id = 'a'"),
            "dyad");
  EXPECT_EQ(
      QueryText(path, "SELECT origin FROM documents WHERE id = 'icews:42'"),
      "icews");
  EXPECT_EQ(QueryInt(path,
                     "SELECT COUNT(*) FROM documents "
                     "WHERE cluster_id IS NULL"),
            0);
  EXPECT_EQ(QueryInt(path, "SELECT COUNT(*) FROM event_groups"), 2);
  EXPECT_EQ(QueryInt(path, "SELECT COUNT(*) FROM dyad_months"), 2);
  EXPECT_EQ(RollupMismatches(path), 0);
  EXPECT_EQ(QueryInt(path,
                     "SELECT COUNT(*) FROM events WHERE group_id IS "
                     "NULL"),
            0);
  EXPECT_EQ(QueryText(path,
                      "SELECT num_mentions || ',' || num_sources || ',' || "
                      "num_articles || ',' || first_event_id FROM "
                      "event_groups WHERE code = '040'"),
            "2,2,2,1");
  EXPECT_EQ(QueryText(path,
                      "SELECT merge_key FROM event_groups "
                      "WHERE code = '051'"),
            "2024-10-06|CHNGOV|PRKGOV|051|asserted");
  EXPECT_EQ(QueryText(path,
                      "SELECT sentence FROM events_fts "
                      "WHERE events_fts MATCH 'praised'"),
            "Xi praised Kim.");
  EXPECT_EQ(QueryInt(path,
                     "SELECT rowid FROM events_fts "
                     "WHERE events_fts MATCH 'beijing'"),
            3);
}

// "count,sources,articles" of the group of `code`, or "<none>".
std::string GroupCounts(const std::string& path, const std::string& code) {
  std::string sql =
      "SELECT num_mentions || ',' || num_sources || ',' || num_articles "
      "FROM event_groups WHERE code = '" +
      code + "'";
  return QueryText(path, sql.c_str());
}

TEST_F(EventStoreTest, GroupsFollowInsertReplaceAndReingest) {
  TempDir dir;
  const std::string path = dir.File("dyad.db");
  auto store = EventStore::Open(path, cameo_);
  ASSERT_TRUE(store.ok());
  StoredDocument a = MakeDoc("a", "Kim met Xi. Xi praised Kim.",
                             {MakeEvent("PRK", "CHN", "040", "2024-10-06"),
                              MakeEvent("CHN", "PRK", "051", "2024-10-06")});
  a.doc.source = "KCNA";
  a.events[1].sentence_begin = 12;
  a.events[1].sentence_end = 27;
  StoredDocument b = MakeDoc("b", "Kim and Xi met on Sunday.",
                             {MakeEvent("PRK", "CHN", "040", "2024-10-06")});
  b.doc.source = "Yonhap";
  StoredDocument c = MakeDoc("c", "Kim and Xi met, KCNA said.",
                             {MakeEvent("PRK", "CHN", "040", "2024-10-06")});
  c.doc.source = "KCNA";
  std::vector<StoredDocument> docs = {a, b, c};
  ASSERT_TRUE((*store)->StoreDocuments(docs, nullptr).ok());
  EXPECT_EQ(GroupCounts(path, "040"), "3,2,3");
  EXPECT_EQ(GroupCounts(path, "051"), "1,1,1");
  EXPECT_EQ(QueryInt(path, "SELECT COUNT(*) FROM dyad_months"), 2);
  EXPECT_EQ(QueryText(path,
                      "SELECT groups || ',' || mentions FROM dyad_months "
                      "WHERE source_country = 'PRK' AND month = '2024-10'"),
            "1,3");
  EXPECT_EQ(RollupMismatches(path), 0);
  EXPECT_EQ(QueryInt(path,
                     "SELECT first_event_id FROM event_groups "
                     "WHERE code = '040'"),
            1);
  EXPECT_EQ(QueryInt(path, "SELECT COUNT(*) FROM events_fts"), 4);
  EXPECT_EQ(QueryText(path,
                      "SELECT sentence FROM events_fts "
                      "WHERE events_fts MATCH 'praised'"),
            "Xi praised Kim.");

  // Re-ingesting the same documents changes nothing.
  const std::string before =
      QueryText(path,
                "SELECT group_concat(id || ':' || num_mentions || ':' || "
                "first_event_id, ' ') FROM event_groups");
  ASSERT_TRUE((*store)->StoreDocuments(docs, nullptr).ok());
  EXPECT_EQ(QueryText(path,
                      "SELECT group_concat(id || ':' || num_mentions || "
                      "':' || first_event_id, ' ') FROM event_groups"),
            before);

  // Replacing "a" drops its 051 event: that group goes, the 040 group
  // loses a mention and its representative moves to b's event.
  StoredDocument a2 = MakeDoc("a", "Kim met Xi.",
                              {MakeEvent("PRK", "CHN", "040", "2024-10-07")});
  a2.doc.source = "KCNA";
  std::vector<StoredDocument> replace = {a2};
  StoreCounts counts;
  ASSERT_TRUE((*store)->StoreDocuments(replace, &counts).ok());
  EXPECT_EQ(counts.replaced, 1);
  EXPECT_EQ(GroupCounts(path, "051"), "<none>");
  EXPECT_EQ(QueryInt(path, "SELECT COUNT(*) FROM event_groups"), 2);
  EXPECT_EQ(QueryText(path,
                      "SELECT num_mentions || ',' || num_sources || "
                      "',' || first_event_id FROM event_groups WHERE "
                      "date = '2024-10-06'"),
            "2,2,3");
  EXPECT_EQ(QueryText(path,
                      "SELECT num_mentions FROM event_groups WHERE "
                      "date = '2024-10-07'"),
            "1");
  EXPECT_EQ(QueryInt(path, "SELECT COUNT(*) FROM events_fts"), 3);
  EXPECT_EQ(QueryInt(path,
                     "SELECT COUNT(*) FROM events_fts "
                     "WHERE events_fts MATCH 'praised'"),
            0);
  EXPECT_EQ(QueryInt(path,
                     "SELECT COUNT(*) FROM events e JOIN event_groups "
                     "g ON g.id = e.group_id"),
            3);
  EXPECT_EQ(QueryInt(path, "SELECT SUM(num_mentions) FROM event_groups"), 3);
  // The 051 group's row went with it; the 040 groups of 6 and 7 October
  // share one month's row.
  EXPECT_EQ(QueryInt(path, "SELECT COUNT(*) FROM dyad_months"), 1);
  EXPECT_EQ(
      QueryText(path, "SELECT groups || ',' || mentions FROM dyad_months"),
      "2,3");
  EXPECT_EQ(RollupMismatches(path), 0);
}

// The articles of data/sample as the reader makes documents of them.
std::vector<StoredDocument> SampleDocuments() {
  std::vector<std::string> files;
  for (const auto& entry : fs::directory_iterator("data/sample")) {
    if (entry.path().extension() == ".txt") {
      files.push_back(entry.path().string());
    }
  }
  std::sort(files.begin(), files.end());
  std::vector<StoredDocument> docs;
  for (const std::string& f : files) {
    std::ifstream in(f, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    TextArticle a = ParseTextArticle(ss.str());
    StoredDocument sd;
    sd.doc.id = fs::path(f).stem().string();
    sd.doc.title = a.title;
    sd.doc.text = a.body;
    sd.doc.source = a.source;
    docs.push_back(std::move(sd));
  }
  return docs;
}

// Clusters of more than one document: "a b" strings, sorted.
std::set<std::string> SharedClusters(const std::string& path) {
  sqlite3* db = nullptr;
  EXPECT_EQ(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr),
            SQLITE_OK);
  sqlite3_stmt* st = nullptr;
  EXPECT_EQ(sqlite3_prepare_v2(
                db,
                "SELECT group_concat(id, ' ') FROM (SELECT id, cluster_id "
                "FROM documents ORDER BY id) GROUP BY cluster_id "
                "HAVING COUNT(*) > 1",
                -1, &st, nullptr),
            SQLITE_OK);
  std::set<std::string> out;
  while (sqlite3_step(st) == SQLITE_ROW) {
    out.insert(reinterpret_cast<const char*>(sqlite3_column_text(st, 0)));
  }
  sqlite3_finalize(st);
  sqlite3_close(db);
  return out;
}

const std::set<std::string> kSamplePairs = {
    "2024-06-19-prk-rus-treaty-signed 2024-06-20-prk-rus-treaty-wire",
    "2024-10-07-prk-chn-75th-anniversary 2024-10-07-prk-chn-anniversary-wire",
    "2025-05-16-rus-ukr-istanbul-talks "
    "2025-05-17-rus-ukr-istanbul-talks-wire",
};

TEST_F(EventStoreTest, SampleClustersExactlyItsKnownNearDuplicates) {
  TempDir dir;
  const std::string path = dir.File("dyad.db");
  std::vector<StoredDocument> docs = SampleDocuments();
  ASSERT_GE(docs.size(), 50u);
  {
    auto store = EventStore::Open(path, cameo_);
    ASSERT_TRUE(store.ok());
    // Two batches: the index carries over between transactions.
    const size_t half = docs.size() / 2;
    ASSERT_TRUE(
        (*store)->StoreDocuments(std::span(docs).first(half), nullptr).ok());
    ASSERT_TRUE(
        (*store)->StoreDocuments(std::span(docs).subspan(half), nullptr).ok());
  }
  EXPECT_EQ(SharedClusters(path), kSamplePairs);
  // The cluster is named after the first-stored document.
  EXPECT_EQ(QueryText(path,
                      "SELECT cluster_id FROM documents WHERE id = "
                      "'2024-06-20-prk-rus-treaty-wire'"),
            "2024-06-19-prk-rus-treaty-signed");
  EXPECT_EQ(QueryInt(path,
                     "SELECT COUNT(*) FROM documents WHERE minhash IS "
                     "NULL"),
            0);
  // Reopened, the index is rebuilt from the stored signatures: a further
  // copy joins its cluster.
  {
    auto store = EventStore::Open(path, cameo_);
    ASSERT_TRUE(store.ok());
    StoredDocument copy = docs[0];
    for (const StoredDocument& d : docs) {
      if (d.doc.id == "2024-06-20-prk-rus-treaty-wire") copy = d;
    }
    copy.doc.id = "third-copy";
    copy.doc.text += "\n\nOriginal Source: Another Outlet";
    std::vector<StoredDocument> more = {copy};
    ASSERT_TRUE((*store)->StoreDocuments(more, nullptr).ok());
  }
  EXPECT_EQ(QueryText(path,
                      "SELECT cluster_id FROM documents WHERE id = "
                      "'third-copy'"),
            "2024-06-19-prk-rus-treaty-signed");
}

TEST_F(EventStoreTest, UpgradeClustersExistingDocuments) {
  TempDir dir;
  const std::string path = dir.File("v1.db");
  std::vector<StoredDocument> docs = SampleDocuments();
  {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(db, kVersionOneSchema, nullptr, nullptr, nullptr),
              SQLITE_OK);
    sqlite3_stmt* st = nullptr;
    ASSERT_EQ(sqlite3_prepare_v2(db,
                                 "INSERT INTO documents VALUES (?1, NULL, "
                                 "NULL, ?2, ?3, 0, ?4, 'now')",
                                 -1, &st, nullptr),
              SQLITE_OK);
    for (const StoredDocument& d : docs) {
      sqlite3_bind_text(st, 1, d.doc.id.c_str(), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text(st, 2, d.doc.title.c_str(), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text(st, 3, d.doc.source.c_str(), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text(st, 4, d.doc.text.c_str(), -1, SQLITE_TRANSIENT);
      ASSERT_EQ(sqlite3_step(st), SQLITE_DONE);
      sqlite3_reset(st);
    }
    sqlite3_finalize(st);
    sqlite3_close(db);
  }
  {
    auto store = EventStore::Open(path, cameo_);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
  }
  EXPECT_EQ(SharedClusters(path), kSamplePairs);
}

// Event merging: each case stores a small table of documents and expects
// the groups "code:mentions,sources,articles" (sorted by code).
struct MergeCase {
  std::string name;
  struct Doc {
    std::string id, source, text;
    std::vector<Event> events;
  };
  std::vector<Doc> docs;
  std::vector<std::string> groups;
};

// Long enough for a signature; `variant` changes a few words only.
std::string WireStory(int variant) {
  std::string s =
      "Kim Jong Un received a Chinese delegation led by Zhao Leji in "
      "Pyongyang on Saturday, state media reported, as the two countries "
      "opened a year of friendship marking seventy five years of diplomatic "
      "ties. Zhao, the third ranking member of the Communist Party "
      "leadership, handed over a personal message from Xi Jinping and "
      "pledged closer cooperation in trade, tourism, agriculture and "
      "education. Kim thanked Beijing for its support and said relations "
      "would be strengthened under the new circumstances. ";
  if (variant == 1) s = "PYONGYANG (Agencies) - " + s + "Original Source: KCNA";
  if (variant == 2) s += "Related stories: subscribe to our Asia briefing.";
  return s;
}

TEST_F(EventStoreTest, MergesReportsOfOneEvent) {
  const Event meet = MakeEvent("PRKGOV", "CHNGOV", "040", "2024-04-13");
  Event meet_claimed = meet;
  meet_claimed.modality = Modality::kAlleged;
  const Event meet_next_day =
      MakeEvent("PRKGOV", "CHNGOV", "040", "2024-04-14");
  const Event praise = MakeEvent("CHNGOV", "PRKGOV", "051", "2024-04-13");
  const Event undated = MakeEvent("PRKGOV", "CHNGOV", "040", "");
  const std::vector<MergeCase> cases = {
      {"one mention", {{"a", "KCNA", "short a", {meet}}}, {"040:1,1,1"}},
      {"same event in two unrelated articles",
       {{"a", "KCNA", "short a", {meet}}, {"b", "Yonhap", "short b", {meet}}},
       {"040:2,2,2"}},
      {"two mentions in one article",
       {{"a", "KCNA", "short a", {meet, meet}}},
       {"040:2,1,1"}},
      {"same source twice",
       {{"a", "KCNA", "short a", {meet}}, {"b", "KCNA", "short b", {meet}}},
       {"040:2,1,2"}},
      {"near-duplicate copies count as one article",
       {{"a", "KCNA", WireStory(0), {meet}},
        {"b", "Yonhap", WireStory(1), {meet}},
        {"c", "Xinhua", WireStory(2), {meet}},
        {"d", "NK News", "an unrelated short note", {meet}}},
       {"040:4,4,2"}},
      {"different day, modality or code are different events",
       {{"a", "KCNA", "short a", {meet, meet_next_day, praise}},
        {"b", "Yonhap", "short b", {meet_claimed}}},
       {"040:1,1,1", "040:1,1,1", "040:1,1,1", "051:1,1,1"}},
      {"undated events merge among themselves",
       {{"a", "", "short a", {undated}}, {"b", "", "short b", {undated}}},
       {"040:2,1,2"}},
  };
  for (const MergeCase& c : cases) {
    SCOPED_TRACE(c.name);
    TempDir dir;
    const std::string path = dir.File("dyad.db");
    auto store = EventStore::Open(path, cameo_);
    ASSERT_TRUE(store.ok());
    std::vector<StoredDocument> docs;
    for (const MergeCase::Doc& d : c.docs) {
      docs.push_back(MakeDoc(d.id, d.text, d.events));
      docs.back().doc.source = d.source;
    }
    ASSERT_TRUE((*store)->StoreDocuments(docs, nullptr).ok());
    std::vector<std::string> groups;
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
    sqlite3_stmt* st = nullptr;
    ASSERT_EQ(sqlite3_prepare_v2(db,
                                 "SELECT code || ':' || num_mentions || ',' "
                                 "|| num_sources || ',' || num_articles "
                                 "FROM event_groups ORDER BY 1",
                                 -1, &st, nullptr),
              SQLITE_OK);
    while (sqlite3_step(st) == SQLITE_ROW) {
      groups.push_back(
          reinterpret_cast<const char*>(sqlite3_column_text(st, 0)));
    }
    sqlite3_finalize(st);
    sqlite3_close(db);
    EXPECT_EQ(groups, c.groups);
    // Every mention points at its group, and the group's representative is
    // its first mention.
    EXPECT_EQ(QueryInt(path,
                       "SELECT COUNT(*) FROM events e LEFT JOIN "
                       "event_groups g ON g.id = e.group_id WHERE "
                       "g.id IS NULL"),
              0);
    EXPECT_EQ(QueryInt(path,
                       "SELECT COUNT(*) FROM event_groups g WHERE "
                       "first_event_id != (SELECT MIN(id) FROM events "
                       "WHERE group_id = g.id)"),
              0);
  }
}

}  // namespace
}  // namespace dyad
