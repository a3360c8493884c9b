// End-to-end: the real `dyad ingest` binary stores data/sample in a SQLite
// store; a second run finds every document unchanged and leaves the store
// as it was.
#include <gtest/gtest.h>
#include <stdlib.h>
#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>

namespace {

namespace fs = std::filesystem;

struct RunResult {
  int exit_code = -1;
  std::string err;  // stderr
};

RunResult RunIngest(const std::string& args, const std::string& err_file) {
  std::string cmd = std::string(DYAD_BINARY) + " ingest -q " + args + " 2>" +
                    err_file + " >/dev/null";
  RunResult r;
  int status = std::system(cmd.c_str());
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  std::ifstream in(err_file);
  std::stringstream ss;
  ss << in.rdbuf();
  r.err = ss.str();
  return r;
}

// The numbers of the summary line: documents, inserted, replaced, unchanged,
// sentences, events stored, total documents, total events.
std::vector<long long> Summary(const std::string& err) {
  std::regex re(
      R"(dyad ingest: (\d+) documents \((\d+) inserted, (\d+) replaced, (\d+) )"
      R"(unchanged\), (\d+) sentences coded, (\d+) events stored; .* holds (\d+) )"
      R"(documents, (\d+) events)");
  std::smatch m;
  std::vector<long long> out;
  if (!std::regex_search(err, m, re)) return out;
  for (size_t i = 1; i < m.size(); ++i) out.push_back(std::stoll(m[i]));
  return out;
}

class IngestTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string tmpl =
        (fs::temp_directory_path() / "dyad_ingest_XXXXXX").string();
    ASSERT_NE(mkdtemp(tmpl.data()), nullptr);
    dir_ = tmpl;
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
  std::string dir_;
};

TEST_F(IngestTest, SecondRunOnSampleFindsEverythingUnchanged) {
  const std::string db = dir_ + "/dyad.db";
  const std::string err = dir_ + "/stderr.txt";
  RunResult first = RunIngest("data/sample --db " + db + " -j2 --batch 7", err);
  ASSERT_EQ(first.exit_code, 0) << first.err;
  auto s1 = Summary(first.err);
  ASSERT_EQ(s1.size(), 8u) << first.err;
  EXPECT_GT(s1[0], 50);     // documents read
  EXPECT_EQ(s1[1], s1[0]);  // all inserted
  EXPECT_EQ(s1[3], 0);      // none unchanged
  EXPECT_GT(s1[5], 50);     // events stored
  EXPECT_EQ(s1[6], s1[0]);  // the store holds every document
  EXPECT_EQ(s1[7], s1[5]);  // and every event

  RunResult second = RunIngest("data/sample --db " + db + " -j1", err);
  ASSERT_EQ(second.exit_code, 0) << second.err;
  auto s2 = Summary(second.err);
  ASSERT_EQ(s2.size(), 8u) << second.err;
  EXPECT_EQ(s2[0], s1[0]);
  EXPECT_EQ(s2[1], 0);
  EXPECT_EQ(s2[2], 0);
  EXPECT_EQ(s2[3], s1[0]);  // all unchanged
  EXPECT_EQ(s2[4], 0);      // nothing was coded again
  EXPECT_EQ(s2[5], 0);
  EXPECT_EQ(s2[6], s1[6]);  // counts equal
  EXPECT_EQ(s2[7], s1[7]);
}

TEST_F(IngestTest, ChangedArticleIsReplaced) {
  const std::string corpus = dir_ + "/corpus";
  fs::copy("data/sample", corpus, fs::copy_options::recursive);
  const std::string db = dir_ + "/dyad.db";
  const std::string err = dir_ + "/stderr.txt";
  RunResult first = RunIngest(corpus + " --db " + db + " -j2", err);
  ASSERT_EQ(first.exit_code, 0) << first.err;
  auto s1 = Summary(first.err);
  ASSERT_EQ(s1.size(), 8u) << first.err;

  {
    std::ofstream out(corpus + "/2024-10-07-prk-chn-75th-anniversary.txt",
                      std::ios::app);
    out << "\n\nChina condemned Japan on Monday.\n";
  }
  RunResult second = RunIngest(corpus + " --db " + db + " -j2", err);
  ASSERT_EQ(second.exit_code, 0) << second.err;
  auto s2 = Summary(second.err);
  ASSERT_EQ(s2.size(), 8u) << second.err;
  EXPECT_EQ(s2[1], 0);          // inserted
  EXPECT_EQ(s2[2], 1);          // replaced
  EXPECT_EQ(s2[3], s1[0] - 1);  // unchanged
  EXPECT_EQ(s2[6], s1[6]);      // same documents
  EXPECT_GT(s2[5], 0);          // the changed article's events, rewritten
}

TEST_F(IngestTest, UnwritableDatabaseFailsCleanly) {
  RunResult r = RunIngest("data/sample --db /nonexistent-dyad-dir/x.db",
                          dir_ + "/stderr.txt");
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_NE(r.err.find("/nonexistent-dyad-dir/x.db"), std::string::npos)
      << r.err;
}

}  // namespace
