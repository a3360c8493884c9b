#include "server/api_server.h"

#include <gtest/gtest.h>
#include <httplib.h>
#include <sqlite3.h>
#include <stdlib.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "ingest/reader.h"
#include "store/event_store.h"
#include "util/paths.h"

namespace dyad {
namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;

constexpr const char* kToken = "test-token-1234";
constexpr size_t kMaxBody = 64 << 10;

// One integer from `sql` on a separate read-only connection to `path`.
int64_t QueryInt(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  EXPECT_EQ(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr),
            SQLITE_OK);
  sqlite3_stmt* st = nullptr;
  EXPECT_EQ(sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr), SQLITE_OK)
      << sql;
  int64_t v = -1;
  if (sqlite3_step(st) == SQLITE_ROW) v = sqlite3_column_int64(st, 0);
  sqlite3_finalize(st);
  sqlite3_close(db);
  return v;
}

// A store filled with the sample articles coded by the real coder, a web
// root, and a real server on a free loopback port, shared by the tests.
class ApiServerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    std::string tmpl = (fs::temp_directory_path() / "dyad_server_XXXXXX").string();
    ASSERT_NE(mkdtemp(tmpl.data()), nullptr);
    dir_ = tmpl;
    db_ = dir_ + "/dyad.db";
    auto coder = EventCoder::Create(EventCoderOptions{}, nullptr);
    ASSERT_TRUE(coder.ok()) << coder.status().ToString();
    coder_ = std::move(coder).value().release();
    {
      auto store = EventStore::Open(db_, &coder_->cameo());
      ASSERT_TRUE(store.ok()) << store.status().ToString();
      ReaderOptions ro;
      std::vector<Document> docs =
          ReadAllDocuments({DataPath("sample")}, ro);
      ASSERT_GT(docs.size(), 10u);
      std::vector<StoredDocument> stored;
      CodedDocument coded;
      for (Document& d : docs) {
        coder_->Code(d, &coded);
        stored.push_back(StoredDocument{std::move(d), coded.events});
      }
      ASSERT_TRUE((*store)->StoreDocuments(stored, nullptr).ok());
    }
    // The dashboard files, and a secret beside (outside) the web root.
    fs::create_directories(dir_ + "/web/assets");
    std::ofstream(dir_ + "/web/index.html") << "<!doctype html><title>dash</title>";
    std::ofstream(dir_ + "/web/assets/app.js") << "console.log('dyad');";
    std::ofstream(dir_ + "/secret.txt") << "TOP-SECRET-CONTENT";
    fs::create_symlink(dir_ + "/secret.txt", dir_ + "/web/assets/link.txt");

    ApiServerOptions o;
    o.db_path = db_;
    o.port = 0;
    o.token = kToken;
    o.web_root = dir_ + "/web";
    o.threads = 16;
    o.max_body = kMaxBody;
    auto server = ApiServer::Create(o, *coder_);
    ASSERT_TRUE(server.ok()) << server.status().ToString();
    server_ = std::move(server).value().release();
    thread_ = new std::thread([] { (void)server_->Run(); });
  }

  static void TearDownTestSuite() {
    if (server_ != nullptr) server_->Stop();
    if (thread_ != nullptr) thread_->join();
    delete thread_;
    delete server_;
    delete coder_;
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }

  static httplib::Client Client() {
    httplib::Client c("127.0.0.1", server_->port());
    c.set_read_timeout(30);
    return c;
  }

  // GET `path`; expects `status` and a JSON body.
  static json Get(const std::string& path, int status = 200) {
    auto res = Client().Get(path);
    EXPECT_TRUE(res) << path;
    if (!res) return json();
    EXPECT_EQ(res->status, status) << path << ": " << res->body;
    EXPECT_EQ(res->get_header_value("Content-Type"), "application/json") << path;
    return json::parse(res->body);
  }

  static httplib::Result PostIngest(const std::string& body,
                                    const std::string& token = kToken) {
    httplib::Headers h;
    if (!token.empty()) h.emplace("Authorization", "Bearer " + token);
    return Client().Post("/api/ingest", h, body, "application/x-ndjson");
  }

  static std::string dir_, db_;
  static EventCoder* coder_;
  static ApiServer* server_;
  static std::thread* thread_;
};

std::string ApiServerTest::dir_, ApiServerTest::db_;
EventCoder* ApiServerTest::coder_ = nullptr;
ApiServer* ApiServerTest::server_ = nullptr;
std::thread* ApiServerTest::thread_ = nullptr;

TEST_F(ApiServerTest, HealthAndStatsDescribeTheStore) {
  json h = Get("/api/health");
  EXPECT_EQ(h["status"], "ok");
  EXPECT_EQ(h["schema_version"], EventStore::LatestSchemaVersion());
  json s = Get("/api/stats");
  EXPECT_EQ(s["documents"], QueryInt(db_, "SELECT COUNT(*) FROM documents"));
  EXPECT_EQ(s["events"], QueryInt(db_, "SELECT COUNT(*) FROM events"));
  EXPECT_EQ(s["event_groups"], QueryInt(db_, "SELECT COUNT(*) FROM event_groups"));
  EXPECT_GT(s["countries"].get<int>(), 5);
  EXPECT_LE(s["first_date"].get<std::string>(), s["last_date"].get<std::string>());
}

TEST_F(ApiServerTest, EventFiltersMatchTheStore) {
  struct Case {
    std::string query;
    std::string where;  // the same filter in SQL over events
  };
  const Case cases[] = {
      {"", "1"},
      {"a=PRK&b=CHN",
       "(source_country='PRK' AND target_country='CHN') OR "
       "(source_country='CHN' AND target_country='PRK')"},
      {"a=PRK&b=CHN&directed=1", "source_country='PRK' AND target_country='CHN'"},
      {"country=RUS", "source_country='RUS' OR target_country='RUS'"},
      {"actor=PRKGOV", "source_code='PRKGOV' OR target_code='PRKGOV'"},
      {"root=05", "root='05'"},
      {"quad=4", "quad_class=4"},
      {"modality=asserted,alleged", "modality IN ('asserted','alleged')"},
      {"from=2024-01-01&to=2024-12-31",
       "date >= '2024-01-01' AND date <= '2024-12-31'"},
      {"code=057&from=", "code='057'"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.query);
    json r = Get("/api/events?limit=500&" + c.query);
    int64_t expected =
        QueryInt(db_, "SELECT COUNT(*) FROM events WHERE " + c.where);
    EXPECT_EQ(r["total"], expected);
    EXPECT_EQ(r["events"].size(), std::min<int64_t>(expected, 500));
    for (const json& e : r["events"]) {
      int64_t id = e["id"];
      EXPECT_EQ(QueryInt(db_, "SELECT COUNT(*) FROM events WHERE id = " +
                                  std::to_string(id) + " AND (" + c.where + ")"),
                1);
      EXPECT_FALSE(e["sentence"].get<std::string>().empty());
      EXPECT_FALSE(e["group_id"].is_null());
      EXPECT_GE(e["num_mentions"].get<int>(), 1);
    }
  }
}

TEST_F(ApiServerTest, EventsSortAndPage) {
  json all = Get("/api/events?sort=date&limit=500&from=1900-01-01");
  ASSERT_GT(all["events"].size(), 20u);
  for (size_t i = 1; i < all["events"].size(); ++i) {
    EXPECT_LE(all["events"][i - 1]["date"].get<std::string>(),
              all["events"][i]["date"].get<std::string>());
  }
  json page = Get("/api/events?sort=date&limit=7&offset=10&from=1900-01-01");
  ASSERT_EQ(page["events"].size(), 7u);
  for (size_t i = 0; i < 7; ++i) {
    EXPECT_EQ(page["events"][i]["id"], all["events"][10 + i]["id"]);
  }
  json g = Get("/api/events?sort=-goldstein&limit=500");
  for (size_t i = 1; i < g["events"].size(); ++i) {
    if (g["events"][i]["goldstein"].is_null()) continue;
    EXPECT_GE(g["events"][i - 1]["goldstein"].get<double>(),
              g["events"][i]["goldstein"].get<double>());
  }
}

TEST_F(ApiServerTest, FullTextSearchFindsSentencesWithTheWord) {
  for (std::string word : {"missile", "summit", "sanctions"}) {
    SCOPED_TRACE(word);
    json r = Get("/api/events?limit=500&q=" + word);
    EXPECT_GT(r["total"].get<int>(), 0);
    for (const json& e : r["events"]) {
      std::string s = e["sentence"];
      std::transform(s.begin(), s.end(), s.begin(), ::tolower);
      EXPECT_NE(s.find(word), std::string::npos) << s;
    }
  }
  // FTS5 syntax in user text is taken as words, never as an error.
  Get("/api/events?q=%22NEAR(%20AND%20*");
  json prefix = Get("/api/events?q=missil*&limit=500");
  EXPECT_GE(prefix["total"].get<int>(),
            Get("/api/events?q=missile")["total"].get<int>());
  EXPECT_GT(prefix["total"].get<int>(), 0);
}

TEST_F(ApiServerTest, BadParametersAreNamed) {
  struct Case {
    std::string path;
    std::string named;
  };
  const Case cases[] = {
      {"/api/events?from=2024-02-30", "'from'"},
      {"/api/events?to=yesterday", "'to'"},
      {"/api/events?from=2024-05-01&to=2024-01-01", "'to'"},
      {"/api/events?a=prk", "'a'"},
      {"/api/events?code=0571234567890123", "'code'"},
      {"/api/events?actor=PRK%27%20OR%201", "'actor'"},
      {"/api/events?quad=5", "'quad'"},
      {"/api/events?limit=501", "'limit'"},
      {"/api/events?limit=ten", "'limit'"},
      {"/api/events?offset=-1", "'offset'"},
      {"/api/events?sort=id", "'sort'"},
      {"/api/events?modality=certain", "'modality'"},
      {"/api/events?directed=maybe", "'directed'"},
      {"/api/events?form=2024-01-01", "'form'"},
      {"/api/events?limit=1&limit=2", "'limit'"},
      {"/api/relations?a=PRK", "'b'"},
      {"/api/relations?a=PRK&b=CHN&by=decade", "'by'"},
      {"/api/partners?limit=3", "'country'"},
      {"/api/dyads?sort=random", "'sort'"},
      {"/api/network?min_events=0", "'min_events'"},
  };
  for (const Case& c : cases) {
    json r = Get(c.path, 400);
    EXPECT_EQ(r["error"]["status"], 400) << c.path;
    EXPECT_NE(r["error"]["message"].get<std::string>().find(c.named),
              std::string::npos)
        << c.path << ": " << r;
  }
}

TEST_F(ApiServerTest, DyadsAndNetworkAreUndirectedAndRanked) {
  json d = Get("/api/dyads?limit=10");
  ASSERT_FALSE(d["dyads"].empty());
  int64_t previous = INT64_MAX;
  for (const json& x : d["dyads"]) {
    EXPECT_LT(x["a"].get<std::string>(), x["b"].get<std::string>());
    EXPECT_LE(x["events"].get<int64_t>(), previous);
    previous = x["events"];
    EXPECT_GE(x["index"].get<double>(), -1);
    EXPECT_LE(x["index"].get<double>(), 1);
  }
  const json& top = d["dyads"][0];
  EXPECT_EQ(top["events"],
            QueryInt(db_, "SELECT COUNT(*) FROM event_groups WHERE modality IN "
                          "('asserted','alleged') AND date IS NOT NULL AND "
                          "((source_country='" + top["a"].get<std::string>() +
                              "' AND target_country='" + top["b"].get<std::string>() +
                              "') OR (source_country='" + top["b"].get<std::string>() +
                              "' AND target_country='" + top["a"].get<std::string>() +
                              "'))"));
  json shift = Get("/api/dyads?sort=shift&by=year&limit=5");
  EXPECT_TRUE(shift["dyads"].is_array());
  json n = Get("/api/network?limit=5");
  ASSERT_EQ(n["edges"].size(), 5u);
  std::vector<std::string> ids;
  for (const json& node : n["nodes"]) ids.push_back(node["id"]);
  for (const json& e : n["edges"]) {
    EXPECT_NE(std::find(ids.begin(), ids.end(), e["a"]), ids.end());
    EXPECT_NE(std::find(ids.begin(), ids.end(), e["b"]), ids.end());
  }
}

TEST_F(ApiServerTest, RelationsAndPartners) {
  json r = Get("/api/relations?a=PRK&b=CHN&by=year&from=2023-01-01&to=2025-12-31");
  EXPECT_EQ(r["a"], "PRK");
  EXPECT_EQ(r["by"], "year");
  ASSERT_EQ(r["buckets"].size(), 3u);
  EXPECT_EQ(r["buckets"][0]["start"], "2023-01-01");
  int64_t events = 0;
  for (const json& b : r["buckets"]) {
    events += b["events"].get<int64_t>();
    int64_t quads = 0;
    for (const json& q : b["quad"]) quads += q.get<int64_t>();
    EXPECT_LE(quads, b["events"].get<int64_t>());
  }
  EXPECT_EQ(events,
            QueryInt(db_, "SELECT COUNT(*) FROM event_groups WHERE modality IN "
                          "('asserted','alleged') AND date BETWEEN '2023-01-01' "
                          "AND '2025-12-31' AND ((source_country='PRK' AND "
                          "target_country='CHN') OR (source_country='CHN' AND "
                          "target_country='PRK'))"));
  json p = Get("/api/partners?country=PRK&limit=3");
  EXPECT_EQ(p["country"], "PRK");
  ASSERT_EQ(p["partners"].size(), 3u);
  EXPECT_GE(p["partners"][0]["events"].get<int>(),
            p["partners"][1]["events"].get<int>());
}

TEST_F(ApiServerTest, DocumentHasTextSentencesActorsAndEvents) {
  std::string id = Get("/api/events?a=PRK&b=CHN&limit=1")["events"][0]["doc_id"];
  json d = Get("/api/documents/" + id);
  EXPECT_EQ(d["id"], id);
  const std::string text = d["text"];
  ASSERT_FALSE(d["sentences"].empty());
  for (const json& s : d["sentences"]) {
    EXPECT_LT(s["start"].get<size_t>(), s["end"].get<size_t>());
    EXPECT_LE(s["end"].get<size_t>(), text.size());
  }
  ASSERT_FALSE(d["actors"].empty());
  EXPECT_EQ(d["events"].size(),
            QueryInt(db_, "SELECT COUNT(*) FROM events WHERE doc_id='" + id + "'"));
  for (const json& e : d["events"]) {
    size_t start = e["source"]["start"], end = e["source"]["end"];
    EXPECT_EQ(text.substr(start, end - start), e["source"]["text"]);
  }
  json missing = Get("/api/documents/no-such-document", 404);
  EXPECT_EQ(missing["error"]["status"], 404);
}

TEST_F(ApiServerTest, ExplainCodesASentence) {
  auto res = Client().Post(
      "/api/explain",
      R"({"sentence":"China condemned the missile launch by North Korea.","date":"2024-05-01"})",
      "application/json");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  json r = json::parse(res->body);
  ASSERT_FALSE(r["events"].empty());
  EXPECT_EQ(r["events"][0]["source"]["country"], "CHN");
  EXPECT_NE(r["explanation"].get<std::string>().find("EVENT"), std::string::npos);
  for (std::string bad : {"not json", "[1]", R"({"sentence":""})",
                          R"({"sentence":"x","date":"May 1"})",
                          R"({"sentence":"x","extra":1})"}) {
    auto b = Client().Post("/api/explain", bad, "application/json");
    ASSERT_TRUE(b);
    EXPECT_EQ(b->status, 400) << bad;
  }
}

TEST_F(ApiServerTest, IngestNeedsTheTokenAndBoundsTheBody) {
  const std::string line =
      R"({"id":"t-auth","date":"2024-03-01","text":"Japan praised South Korea for the agreement."})";
  auto none = PostIngest(line, "");
  ASSERT_TRUE(none);
  EXPECT_EQ(none->status, 401);
  auto wrong = PostIngest(line, "wrong-token-123");
  ASSERT_TRUE(wrong);
  EXPECT_EQ(wrong->status, 401);
  EXPECT_EQ(json::parse(wrong->body)["error"]["status"], 401);
  auto big = PostIngest(std::string(kMaxBody + 1, ' '));
  ASSERT_TRUE(big);
  EXPECT_EQ(big->status, 413);
  EXPECT_EQ(json::parse(big->body)["error"]["status"], 413);
  auto bad = PostIngest(line + "\n{\"id\": \"t-broken\",\n");
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->status, 400);
  EXPECT_NE(json::parse(bad->body)["error"]["message"].get<std::string>().find(
                "line 2"),
            std::string::npos);
  // Nothing of a rejected body is stored.
  EXPECT_EQ(QueryInt(db_, "SELECT COUNT(*) FROM documents WHERE id='t-auth'"), 0);
}

TEST_F(ApiServerTest, IngestStoresCodedDocumentsIdempotently) {
  const std::string body =
      R"({"id":"t-ingest","date":"2024-03-01","title":"Pact","text":"Japan and South Korea signed a defence agreement on Friday."})"
      "\n\n"
      R"({"id":"t-empty","text":""})"
      "\n";
  auto first = PostIngest(body);
  ASSERT_TRUE(first);
  ASSERT_EQ(first->status, 200) << first->body;
  json r = json::parse(first->body);
  EXPECT_EQ(r["inserted"], 1);
  EXPECT_EQ(r["events"], QueryInt(db_, "SELECT COUNT(*) FROM events WHERE doc_id='t-ingest'"));
  ASSERT_EQ(r["errors"].size(), 1u);
  EXPECT_EQ(r["errors"][0]["line"], 3);
  auto again = PostIngest(body);
  ASSERT_TRUE(again);
  EXPECT_EQ(json::parse(again->body)["unchanged"], 1);
  EXPECT_EQ(Get("/api/documents/t-ingest")["title"], "Pact");
}

TEST_F(ApiServerTest, UnknownPathsMethodsAndStaticFiles) {
  json u = Get("/api/unknown", 404);
  EXPECT_EQ(u["error"]["status"], 404);
  auto post = Client().Post("/api/events", "", "text/plain");
  ASSERT_TRUE(post);
  EXPECT_EQ(post->status, 405);
  auto get_ingest = Client().Get("/api/ingest");
  ASSERT_TRUE(get_ingest);
  EXPECT_EQ(get_ingest->status, 405);
  struct Case {
    std::string path;
    int status;
    std::string body_has;
  };
  const Case cases[] = {
      {"/", 200, "<title>dash</title>"},
      {"/assets/app.js", 200, "console.log"},
      {"/dyads/PRK-CHN", 200, "<title>dash</title>"},  // app route
      {"/assets/missing.js", 404, "\"status\":404"},
      {"/assets/link.txt", 404, "\"status\":404"},      // symlink out of root
      {"/../secret.txt", 404, ""},
      {"/assets/..%2f..%2fsecret.txt", 404, ""},
      {"/%2e%2e/secret.txt", 404, ""},
  };
  for (const Case& c : cases) {
    auto res = Client().Get(c.path);
    ASSERT_TRUE(res) << c.path;
    EXPECT_EQ(res->status, c.status) << c.path;
    EXPECT_EQ(res->body.find("TOP-SECRET"), std::string::npos) << c.path;
    EXPECT_NE(res->body.find(c.body_has), std::string::npos) << c.path;
  }
  auto js = Client().Get("/assets/app.js");
  ASSERT_TRUE(js);
  EXPECT_EQ(js->get_header_value("Content-Type"), "text/javascript; charset=utf-8");
  // Hashed build assets are cached for good; the page itself is revalidated.
  EXPECT_EQ(js->get_header_value("Cache-Control"),
            "public, max-age=31536000, immutable");
  auto page = Client().Get("/");
  ASSERT_TRUE(page);
  EXPECT_EQ(page->get_header_value("Cache-Control"), "no-cache");
}

TEST_F(ApiServerTest, ReadsStayConsistentWhileIngesting) {
  std::atomic<bool> done{false};
  std::atomic<int> failures{0}, reads{0};
  auto reader = [&](int n) {
    httplib::Client c = Client();
    int64_t last_total = 0;
    while (!done || reads < 40) {
      auto ev = c.Get("/api/events?a=JPN&b=KOR&limit=500");
      auto rel = c.Get("/api/relations?a=JPN&b=KOR&by=month&from=2024-01-01&to=2024-12-31");
      ++reads;
      if (!ev || ev->status != 200 || !rel || rel->status != 200) {
        ++failures;
        continue;
      }
      json e = json::parse(ev->body);
      int64_t total = e["total"];
      // One snapshot per response, and ingestion only adds.
      if (static_cast<int64_t>(e["events"].size()) != total || total < last_total) {
        ++failures;
      }
      last_total = total;
      if (json::parse(rel->body)["buckets"].size() != 12u) ++failures;
      if (done && reads >= 40) break;
    }
  };
  std::vector<std::thread> readers;
  for (int i = 0; i < 4; ++i) readers.emplace_back(reader, i);
  int ingested = 0;
  for (int i = 0; i < 8; ++i) {
    std::string body;
    for (int j = 0; j < 5; ++j) {
      body += R"({"id":"t-concurrent-)" + std::to_string(i * 5 + j) +
              R"(","date":"2024-0)" + std::to_string(1 + i % 9) +
              R"(-10","text":"Japan praised South Korea for the agreement. South Korea thanked Japan."})"
              "\n";
    }
    auto res = PostIngest(body);
    ASSERT_TRUE(res);
    ASSERT_EQ(res->status, 200) << res->body;
    ingested += json::parse(res->body)["inserted"].get<int>();
  }
  done = true;
  for (auto& t : readers) t.join();
  EXPECT_EQ(ingested, 40);
  EXPECT_EQ(failures, 0);
  EXPECT_GE(reads, 40);
  json after = Get("/api/events?a=JPN&b=KOR&limit=500");
  EXPECT_EQ(after["total"], QueryInt(db_,
      "SELECT COUNT(*) FROM events WHERE (source_country='JPN' AND target_country='KOR') "
      "OR (source_country='KOR' AND target_country='JPN')"));
}

}  // namespace
}  // namespace dyad

namespace dyad {
namespace {

TEST_F(ApiServerTest, CachedResponsesFollowWritesByOtherConnections) {
  const int64_t before = Get("/api/stats")["documents"];
  EXPECT_EQ(Get("/api/stats")["documents"], before);  // served from the cache
  {
    // Another writer, as `dyad ingest` in another process would be.
    auto store = EventStore::Open(db_, &coder_->cameo());
    ASSERT_TRUE(store.ok());
    Document d;
    d.id = "t-other-writer";
    d.text = "Peru praised Chile.";
    StoredDocument sd{d, {}};
    ASSERT_TRUE((*store)->StoreDocuments({&sd, 1}, nullptr).ok());
  }
  EXPECT_EQ(Get("/api/stats")["documents"], before + 1);
}

}  // namespace
}  // namespace dyad
