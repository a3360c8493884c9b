// End-to-end crash safety: the real `dyad ingest` is SIGKILLed at several
// moments (before its first commit and after some batches), the store is
// checked (integrity, foreign keys, groups and full-text index consistent
// with the events), and rerunning ingest to completion gives exactly the
// database of a clean, uninterrupted run: same documents with hashes and
// clusters, same events, same groups and counts.
#include <gtest/gtest.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "ingest/text_article.h"

namespace {

namespace fs = std::filesystem;

// Copies of each data/sample article per input: 58 × 18 = 1,044 documents.
constexpr int kCopies = 18;
constexpr const char* kBatch = "20";

// Writes the JSONL input: every sample article kCopies times with distinct
// ids and dates (so their events fall into different groups); odd copies
// carry an "Original Source" line (another content hash, same cluster).
int WriteCorpus(const std::string& path) {
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator("data/sample")) {
    if (e.path().extension() == ".txt") files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  std::ofstream out(path);
  int n = 0;
  for (int copy = 0; copy < kCopies; ++copy) {
    for (const fs::path& f : files) {
      std::ifstream in(f, std::ios::binary);
      std::stringstream ss;
      ss << in.rdbuf();
      dyad::TextArticle a = dyad::ParseTextArticle(ss.str());
      std::string text = a.body;
      if (copy % 2 == 1) {
        text += "\n\nOriginal Source: Outlet " + std::to_string(copy);
      }
      // Shift the day of month within the article's month.
      std::string date = a.date;
      if (date.size() == 10) {
        const int day = 1 + (std::stoi(date.substr(8, 2)) + copy) % 28;
        date = date.substr(0, 8) + (day < 10 ? "0" : "") + std::to_string(day);
      }
      nlohmann::json j = {{"id", "copy" + std::to_string(copy) + "-" +
                                     f.stem().string()},
                          {"title", a.title},
                          {"date", date},
                          {"source", "Outlet " + std::to_string(copy % 7)},
                          {"text", text}};
      out << j.dump() << "\n";
      ++n;
    }
  }
  return n;
}

pid_t StartIngest(const std::string& input, const std::string& db,
                  const std::string& log) {
  pid_t pid = fork();
  if (pid == 0) {
    FILE* f = std::freopen(log.c_str(), "w", stderr);
    (void)f;
    execl(DYAD_BINARY, DYAD_BINARY, "ingest", "-q", input.c_str(), "--db",
          db.c_str(), "-j2", "--batch", kBatch, static_cast<char*>(nullptr));
    _exit(127);
  }
  return pid;
}

int Wait(pid_t pid) {
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -WTERMSIG(status);
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Rows of `sql` as text lines, '|'-separated columns; "" when the store
// cannot be read (yet).
std::string Dump(const std::string& db_path, const char* sql) {
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) !=
      SQLITE_OK) {
    sqlite3_close(db);
    return "";
  }
  sqlite3_busy_timeout(db, 5000);
  sqlite3_stmt* st = nullptr;
  std::string out;
  if (sqlite3_prepare_v2(db, sql, -1, &st, nullptr) == SQLITE_OK) {
    while (sqlite3_step(st) == SQLITE_ROW) {
      for (int c = 0; c < sqlite3_column_count(st); ++c) {
        if (c > 0) out += '|';
        const unsigned char* t = sqlite3_column_text(st, c);
        out += t != nullptr ? reinterpret_cast<const char*>(t) : "NULL";
      }
      out += '\n';
    }
  }
  sqlite3_finalize(st);
  sqlite3_close(db);
  return out;
}

int64_t CountDocuments(const std::string& db) {
  std::string s = Dump(db, "SELECT COUNT(*) FROM documents");
  return s.empty() ? 0 : std::stoll(s);
}

// The store after a crash: intact and internally consistent.
void ExpectConsistent(const std::string& db, const std::string& when) {
  SCOPED_TRACE(when);
  if (!fs::exists(db)) return;  // killed before the store was created
  EXPECT_EQ(Dump(db, "PRAGMA integrity_check"), "ok\n");
  EXPECT_EQ(Dump(db, "PRAGMA foreign_key_check"), "");
  if (Dump(db, "SELECT MAX(version) FROM schema_version") != "2\n") return;
  EXPECT_EQ(Dump(db, "SELECT (SELECT COUNT(*) FROM events) = (SELECT "
                     "COALESCE(SUM(num_mentions), 0) FROM event_groups)"),
            "1\n");
  EXPECT_EQ(Dump(db, "SELECT COUNT(*) FROM events WHERE group_id IS NULL OR "
                     "group_id NOT IN (SELECT id FROM event_groups)"),
            "0\n");
  EXPECT_EQ(Dump(db, "SELECT (SELECT COUNT(*) FROM events) = (SELECT "
                     "COUNT(*) FROM events_fts)"),
            "1\n");
}

// Everything a run stores, independent of timing.
std::string Snapshot(const std::string& db) {
  return Dump(db,
              "SELECT id, content_hash, origin, cluster_id, hex(minhash), "
              "title, date, source FROM documents ORDER BY id") +
         Dump(db,
              "SELECT id, doc_id, sentence_index, sentence_start, date, "
              "source_code, target_code, code, modality, goldstein, group_id "
              "FROM events ORDER BY id") +
         Dump(db,
              "SELECT id, merge_key, num_mentions, num_sources, num_articles, "
              "first_event_id, quad_class FROM event_groups ORDER BY id") +
         Dump(db, "SELECT rowid, sentence FROM events_fts ORDER BY rowid");
}

class IngestKillTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string tmpl =
        (fs::temp_directory_path() / "dyad_kill_XXXXXX").string();
    ASSERT_NE(mkdtemp(tmpl.data()), nullptr);
    dir_ = tmpl;
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
  std::string dir_;
};

TEST_F(IngestKillTest, KilledIngestResumesToTheCleanResult) {
  const std::string input = dir_ + "/corpus.jsonl";
  const int total = WriteCorpus(input);
  ASSERT_GT(total, 1000);

  const std::string clean = dir_ + "/clean.db";
  ASSERT_EQ(Wait(StartIngest(input, clean, dir_ + "/clean.log")), 0)
      << ReadFile(dir_ + "/clean.log");
  ASSERT_EQ(CountDocuments(clean), total);

  // Kill moments on one store: right after start (before any commit,
  // maybe while the schema is created), then once some batches and once
  // most batches are committed.
  const std::string db = dir_ + "/killed.db";
  const std::string log = dir_ + "/killed.log";
  const int64_t kill_after[] = {-1, 1, total / 3, (2 * total) / 3};
  int64_t before = 0;
  for (int64_t threshold : kill_after) {
    pid_t pid = StartIngest(input, db, log);
    if (threshold < 0) {
      std::this_thread::sleep_for(std::chrono::milliseconds(30));
    } else {
      // Poll the committed document count until past the threshold (the
      // process finishing first would make the kill meaningless).
      const auto deadline =
          std::chrono::steady_clock::now() + std::chrono::seconds(60);
      const int64_t target = std::max(before + 1, threshold);
      while (CountDocuments(db) < target &&
             std::chrono::steady_clock::now() < deadline) {
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
      }
    }
    ASSERT_EQ(kill(pid, SIGKILL), 0);
    const int rc = Wait(pid);
    EXPECT_EQ(rc, -SIGKILL) << "ingest ended before the kill: "
                            << ReadFile(log);
    ExpectConsistent(db, "after kill at " + std::to_string(threshold));
    const int64_t now = CountDocuments(db);
    EXPECT_LT(now, total);
    EXPECT_GE(now, before);
    before = now;
  }

  ASSERT_EQ(Wait(StartIngest(input, db, log)), 0) << ReadFile(log);
  ExpectConsistent(db, "after completion");
  const std::string want = Snapshot(clean);
  const std::string got = Snapshot(db);
  EXPECT_GT(want.size(), 10000u);
  EXPECT_TRUE(got == want) << "the resumed store differs from a clean run";
  if (got != want) {
    std::istringstream w(want), g(got);
    std::string wl, gl;
    while (std::getline(w, wl) && std::getline(g, gl)) {
      if (wl != gl) {
        ADD_FAILURE() << "first difference:\n clean:   " << wl
                      << "\n resumed: " << gl;
        break;
      }
    }
  }
}

}  // namespace
