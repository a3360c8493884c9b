// End-to-end: the real `dyad ingest` stores data/sample, then the real
// `dyad relations` reads it: a dyad's series (text and JSON), partners with
// their lean, the shifts ranking, and the usage errors.
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <sys/wait.h>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "util/testing.h"

namespace {

namespace fs = std::filesystem;

struct RunResult {
  int exit_code = -1;
  std::string out, err;
};

std::string Slurp(const std::string& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

class RelationsCliTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    std::string tmpl =
        (fs::temp_directory_path() / "dyad_relations_cli_XXXXXX").string();
    ASSERT_NE(mkdtemp(tmpl.data()), nullptr);
    dir_ = new std::string(tmpl);
    RunResult r = Run("ingest -q data/sample --db " + Db() + " -j2");
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  static void TearDownTestSuite() {
    std::error_code ec;
    fs::remove_all(*dir_, ec);
    delete dir_;
  }

  static std::string Db() { return *dir_ + "/dyad.db"; }

  static RunResult Run(const std::string& args) {
    const std::string out = *dir_ + "/out.txt", err = *dir_ + "/err.txt";
    std::string cmd =
        std::string(DYAD_BINARY) + " " + args + " >" + out + " 2>" + err;
    int status = std::system(cmd.c_str());
    RunResult r;
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.out = Slurp(out);
    r.err = Slurp(err);
    return r;
  }

  static int64_t QueryInt(const std::string& sql) {
    sqlite3* db = nullptr;
    EXPECT_EQ(sqlite3_open_v2(Db().c_str(), &db, SQLITE_OPEN_READONLY, nullptr),
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

  static std::string* dir_;
};

std::string* RelationsCliTest::dir_ = nullptr;

// The undirected series counts every asserted or alleged group of the dyad
// once, in one bucket.
TEST_F(RelationsCliTest, SeriesBucketsSumToTheStoredGroups) {
  const int64_t groups = QueryInt(
      "SELECT COUNT(*) FROM event_groups WHERE "
      "((source_country = 'PRK' AND target_country = 'RUS') OR "
      "(source_country = 'RUS' AND target_country = 'PRK')) AND date IS NOT "
      "NULL AND modality IN ('asserted', 'alleged')");
  ASSERT_GT(groups, 5);
  for (const char* by : {"day", "week", "month", "year"}) {
    RunResult r = Run(std::string("relations prk rus --json --by ") + by +
                      " --db " + Db());
    ASSERT_EQ(r.exit_code, 0) << r.err;
    auto j = nlohmann::json::parse(r.out);
    EXPECT_EQ(j["a"], "PRK");
    EXPECT_EQ(j["by"], by);
    EXPECT_EQ(j["directed"], false);
    int64_t sum = 0;
    for (const auto& b : j["buckets"]) {
      sum += b["events"].get<int64_t>();
      EXPECT_LE(b["index"].get<double>(), 1.0);
      EXPECT_GE(b["index"].get<double>(), -1.0);
      EXPECT_EQ(b["quad"].size(), 4u);
    }
    EXPECT_EQ(sum, groups) << by;
    EXPECT_TRUE(j.contains("trend"));
    EXPECT_TRUE(j["shifts"].is_array());
  }
}

TEST_F(RelationsCliTest, SeriesTablePrintsSparklineAndShifts) {
  RunResult r = Run("relations PRK RUS --from 2023-01-01 --to 2024-12-31 --db " +
                    Db());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("PRK–RUS (both directions), by month, 2023-01 to "
                       "2024-12"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("\n2023-01 "), std::string::npos);  // empty bucket row
  EXPECT_NE(r.out.find("\n2024-12 "), std::string::npos);
  EXPECT_NE(r.out.find("index  "), std::string::npos);
  EXPECT_NE(r.out.find("█"), std::string::npos);  // the sparkline's top
  EXPECT_NE(r.out.find("trend "), std::string::npos);
  EXPECT_NE(r.out.find("shifts"), std::string::npos);
}

TEST_F(RelationsCliTest, PartnersAgreeWithTheSeries) {
  RunResult r = Run("relations PRK --partners --json --limit 3 --db " + Db());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  ASSERT_EQ(j["partners"].size(), 3u);
  const auto& top = j["partners"][0];
  EXPECT_GE(top["events"].get<int64_t>(),
            j["partners"][1]["events"].get<int64_t>());
  // The top partner's events are those of the dyad's whole series.
  RunResult s = Run("relations PRK " + top["country"].get<std::string>() +
                    " --json --by year --db " + Db());
  ASSERT_EQ(s.exit_code, 0) << s.err;
  auto series = nlohmann::json::parse(s.out);
  int64_t sum = 0;
  for (const auto& b : series["buckets"]) sum += b["events"].get<int64_t>();
  EXPECT_EQ(sum, top["events"].get<int64_t>());
  // The lean compares the top two partners.
  ASSERT_TRUE(j["lean"].is_object());
  EXPECT_EQ(j["lean"]["a"], top["country"]);
  EXPECT_EQ(j["lean"]["b"], j["partners"][1]["country"]);
  EXPECT_EQ(j["lean"]["events_a"], top["events"]);

  RunResult text = Run("relations PRK --partners --db " + Db());
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_NE(text.out.find("Partners of PRK"), std::string::npos);
  EXPECT_NE(text.out.find("Lean of PRK between"), std::string::npos);
}

TEST_F(RelationsCliTest, ShiftsRankByDelta) {
  RunResult r = Run(
      "relations --shifts --json --from 2023-01-01 --to 2024-12-31 --by year "
      "--min-events 1 --db " + Db());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["last_bucket"], "2024-01-01");
  ASSERT_FALSE(j["dyads"].empty());
  double previous = 3;
  for (const auto& d : j["dyads"]) {
    EXPECT_LT(d["a"].get<std::string>(), d["b"].get<std::string>());
    const double delta = d["delta"].get<double>();
    EXPECT_NEAR(delta, d["after"].get<double>() - d["before"].get<double>(),
                1e-9);
    EXPECT_LE(std::abs(delta), previous);
    previous = std::abs(delta);
  }
}

TEST_F(RelationsCliTest, UsageAndStoreErrors) {
  struct Case {
    std::string args;
    int exit_code;
    const char* message;
  };
  const Case cases[] = {
      {"relations PRK --db " + Db(), 2, "two countries"},
      {"relations PRK CHN --partners --db " + Db(), 2, "one country"},
      {"relations PRK --shifts --db " + Db(), 2, "no country"},
      {"relations PRK CHN --by quarter --db " + Db(), 2, "quarter"},
      {"relations PRK CHN --from 2024-13-01 --db " + Db(), 2, "--from"},
      {"relations PRK CHN --from 2024-05-01 --to 2024-01-01 --db " + Db(), 2,
       "after it ends"},
      {"relations --shifts --from 2024-05-02 --to 2024-05-20 --db " + Db(), 2,
       "within one month"},
      {"relations PRK CHN --db " + *dir_ + "/missing.db", 3, "missing.db"},
  };
  for (const Case& c : cases) {
    RunResult r = Run(c.args);
    EXPECT_EQ(r.exit_code, c.exit_code) << c.args << "\n" << r.err;
    EXPECT_NE(r.err.find(c.message), std::string::npos) << c.args << "\n"
                                                        << r.err;
  }
}

// The real ICEWS sample (3,705 events of 2018-06-01/02) imported by the real
// `dyad import icews`: partners and series agree with the stored groups.
TEST_F(RelationsCliTest, IcewsSamplePartnersAndSeries) {
  DYAD_REQUIRE_SHARED(tab, "data/events/icews_sample/events.2018.sample.tab");
  const std::string db = *dir_ + "/icews.db";
  RunResult imported = Run("import icews " + tab + " --db " + db);
  // Exit 1: a few rows name actors without a country (reported, skipped).
  ASSERT_LE(imported.exit_code, 1) << imported.err;
  sqlite3* conn = nullptr;
  ASSERT_EQ(sqlite3_open_v2(db.c_str(), &conn, SQLITE_OPEN_READONLY, nullptr),
            SQLITE_OK);
  auto query = [&](const std::string& sql) {
    sqlite3_stmt* st = nullptr;
    EXPECT_EQ(sqlite3_prepare_v2(conn, sql.c_str(), -1, &st, nullptr),
              SQLITE_OK);
    std::string v;
    if (sqlite3_step(st) == SQLITE_ROW) {
      const unsigned char* t = sqlite3_column_text(st, 0);
      v = t != nullptr ? reinterpret_cast<const char*>(t) : "";
    }
    sqlite3_finalize(st);
    return v;
  };
  // USA's busiest partner and its group count, straight from the table.
  const std::string counted =
      "FROM event_groups WHERE modality IN ('asserted', 'alleged') AND date "
      "IS NOT NULL AND source_country <> target_country AND ";
  const std::string top = query(
      "SELECT p FROM (SELECT CASE WHEN source_country = 'USA' THEN "
      "target_country ELSE source_country END AS p, COUNT(*) AS n " +
      counted + "(source_country = 'USA' OR target_country = 'USA') "
      "GROUP BY p) ORDER BY n DESC, p LIMIT 1");
  const int64_t top_groups = std::stoll(query(
      "SELECT COUNT(*) " + counted + "((source_country = 'USA' AND "
      "target_country = '" + top + "') OR (source_country = '" + top +
      "' AND target_country = 'USA'))"));
  const int64_t all_groups = std::stoll(query(
      "SELECT COUNT(*) FROM event_groups WHERE date IS NOT NULL"));
  sqlite3_close(conn);
  ASSERT_FALSE(top.empty());
  ASSERT_GT(top_groups, 10);

  RunResult p = Run("relations usa --partners --json --db " + db);
  ASSERT_EQ(p.exit_code, 0) << p.err;
  auto partners = nlohmann::json::parse(p.out);
  ASSERT_FALSE(partners["partners"].empty());
  EXPECT_EQ(partners["partners"][0]["country"], top);
  EXPECT_EQ(partners["partners"][0]["events"], top_groups);

  RunResult s = Run("relations USA " + top + " --by day --json --db " + db);
  ASSERT_EQ(s.exit_code, 0) << s.err;
  auto series = nlohmann::json::parse(s.out);
  ASSERT_EQ(series["buckets"].size(), 2u);  // the sample's two days
  EXPECT_EQ(series["buckets"][0]["start"], "2018-06-01");
  int64_t sum = 0, mentions = 0;
  for (const auto& b : series["buckets"]) {
    sum += b["events"].get<int64_t>();
    mentions += b["mentions"].get<int64_t>();
  }
  EXPECT_EQ(sum, top_groups);
  EXPECT_EQ(mentions, partners["partners"][0]["mentions"].get<int64_t>());

  // Every dated group of the store lands in one bucket of its own dyad:
  // the shifts over the two days count each undirected dyad's groups.
  RunResult sh = Run("relations --shifts --by day --min-events 1 --limit "
                     "100000 --json --db " + db);
  ASSERT_EQ(sh.exit_code, 0) << sh.err;
  auto shifts = nlohmann::json::parse(sh.out);
  EXPECT_EQ(shifts["last_bucket"], "2018-06-02");
  int64_t ranked = 0;
  for (const auto& d : shifts["dyads"]) ranked += d["events"].get<int64_t>();
  EXPECT_GT(ranked, 0);
  EXPECT_LE(ranked, all_groups);
}

}  // namespace
