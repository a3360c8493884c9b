// End-to-end: the real `dyad import` and `dyad export` binaries. An ICEWS
// file with one bad row is imported (exit 1, the row reported at its line),
// re-imported (nothing changes), exported as GDELT and imported into a fresh
// store, and exported as CSV and JSON Lines.
#include <gtest/gtest.h>
#include <stdlib.h>
#include <sys/wait.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;

struct RunResult {
  int exit_code = -1;
  std::string out, err;
};

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

class ImportExportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string tmpl =
        (fs::temp_directory_path() / "dyad_impex_XXXXXX").string();
    ASSERT_NE(mkdtemp(tmpl.data()), nullptr);
    dir_ = tmpl;
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
  RunResult Run(const std::string& args) {
    std::string cmd = std::string(DYAD_BINARY) + " " + args + " >" + dir_ +
                      "/out.txt 2>" + dir_ + "/err.txt";
    RunResult r;
    int status = std::system(cmd.c_str());
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.out = ReadFile(dir_ + "/out.txt");
    r.err = ReadFile(dir_ + "/err.txt");
    return r;
  }
  std::string dir_;
};

// "N events written" and "N unchanged" of the import summary.
long long Number(const std::string& err, const std::string& what) {
  std::smatch m;
  if (!std::regex_search(err, m, std::regex("(\\d+) " + what))) return -1;
  return std::stoll(m[1]);
}

std::string IcewsRow(const std::string& id, const std::string& story,
                     const std::string& src, const std::string& code,
                     const std::string& tgt) {
  return id + "\t2018-06-01\tGovernment (" + src + ")\tGovernment\t" + src +
         "\tConsult\t" + code + "\t1\tGovernment (" + tgt + ")\tGovernment\t" +
         tgt + "\t" + story + "\t1\tReuters News\tNA\tNA\tNA\tNA\tNA\tNA\n";
}

TEST_F(ImportExportTest, IcewsInGdeltOutAndBackAgain) {
  const std::string icews = dir_ + "/events.tab";
  {
    std::ofstream f(icews);
    f << "Event ID\tEvent Date\tSource Name\tSource Sectors\tSource Country\t"
         "Event Text\tCAMEO Code\tIntensity\tTarget Name\tTarget Sectors\t"
         "Target Country\tStory ID\tSentence Number\tPublisher\tCity\t"
         "District\tProvince\tCountry\tLatitude\tLongitude\n"
      << IcewsRow("1", "10", "Japan", "040", "China")
      << IcewsRow("2", "10", "China", "036", "Japan")
      << IcewsRow("3", "11", "Atlantis", "036", "Japan")  // line 4: bad
      << IcewsRow("4", "12", "Russian Federation", "0251", "Ukraine");
  }
  const std::string db = dir_ + "/a.db";
  RunResult first = Run("import icews " + icews + " --db " + db);
  EXPECT_EQ(first.exit_code, 1) << first.err;
  EXPECT_NE(first.err.find(icews + ":4: source: unknown country 'Atlantis'"),
            std::string::npos)
      << first.err;
  EXPECT_EQ(Number(first.err, "events written"), 3) << first.err;
  EXPECT_EQ(Number(first.err, "bad rows"), 1);

  RunResult again = Run("import icews " + icews + " --db " + db);
  EXPECT_EQ(Number(again.err, "events written"), 0) << again.err;
  EXPECT_EQ(Number(again.err, "unchanged"), 2) << again.err;

  const std::string tsv = dir_ + "/export.tsv";
  RunResult gdelt = Run("export --db " + db + " --format gdelt -o " + tsv);
  ASSERT_EQ(gdelt.exit_code, 0) << gdelt.err;
  std::istringstream rows(ReadFile(tsv));
  std::string line;
  int n = 0;
  while (std::getline(rows, line)) {
    ++n;
    EXPECT_EQ(std::count(line.begin(), line.end(), '\t'), 60) << line;
  }
  EXPECT_EQ(n, 3);

  // GDELT back in, from a gzip file: the same events.
  ASSERT_EQ(std::system(("gzip -k " + tsv).c_str()), 0);
  const std::string db2 = dir_ + "/b.db";
  RunResult back = Run("import gdelt " + tsv + ".gz --db " + db2);
  EXPECT_EQ(back.exit_code, 0) << back.err;
  EXPECT_EQ(Number(back.err, "events written"), 3) << back.err;
  RunResult j1 = Run("export --db " + db + " --format jsonl");
  RunResult j2 = Run("export --db " + db2 + " --format jsonl");
  ASSERT_EQ(j1.exit_code, 0);
  ASSERT_EQ(j2.exit_code, 0);
  for (const char* field :
       {"\"code\":\"0251\"", "\"source\":{\"code\":\"RUSGOV\"",
        "\"country\":\"UKR\"", "\"date\":\"2018-06-01\""}) {
    EXPECT_NE(j1.out.find(field), std::string::npos) << field;
    EXPECT_NE(j2.out.find(field), std::string::npos) << field;
  }

  RunResult csv = Run("export --db " + db + " --format csv --raw --country JPN");
  ASSERT_EQ(csv.exit_code, 0) << csv.err;
  EXPECT_EQ(csv.out.rfind("id,doc_id,sentence_index,sentence,", 0), 0u);
  // Header and the two events with Japan.
  EXPECT_EQ(std::count(csv.out.begin(), csv.out.end(), '\n'), 3) << csv.out;

  EXPECT_EQ(Run("export --db " + db + " --format xml").exit_code, 2);
  EXPECT_EQ(Run("export --db " + db + " --from 2018-13-01").exit_code, 2);
  EXPECT_EQ(Run("export --db " + dir_ + "/missing.db").exit_code, 3);
}

}  // namespace
