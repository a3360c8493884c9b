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

}  // namespace
