// ReadConnection: one read-only SQLite connection to the event store with
// its prepared statements cached by SQL text.
//
// The HTTP server keeps one per worker thread (ReadConnectionPool): SQLite
// connections are not shared between threads, and in WAL mode each reader
// sees a consistent snapshot per statement while the single writer commits.
#ifndef DYAD_SERVER_READ_CONNECTION_H_
#define DYAD_SERVER_READ_CONNECTION_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "util/status.h"

struct sqlite3;
struct sqlite3_stmt;

namespace dyad {

// A prepared statement borrowed from a ReadConnection. Bind with 1-based
// indexes, Step() until it returns false; the statement is reset (and its
// bindings cleared) when the Query is destroyed, so it can be reused.
class Query {
 public:
  Query(sqlite3* db, sqlite3_stmt* st, const std::string* path)
      : db_(db), st_(st), path_(path) {}
  ~Query();
  Query(const Query&) = delete;
  Query& operator=(const Query&) = delete;
  Query(Query&& o) noexcept : db_(o.db_), st_(o.st_), path_(o.path_) {
    o.st_ = nullptr;
  }

  void BindText(int i, std::string_view s);
  void BindInt(int i, int64_t v);
  void BindNull(int i);

  // Advances to the next row: true on a row, false when done or on an error
  // (then status() is not OK).
  bool Step();
  const Status& status() const { return status_; }

  bool IsNull(int col) const;
  int64_t Int(int col) const;
  double Real(int col) const;
  std::string Text(int col) const;  // "" for NULL
  std::optional<std::string> TextOrNull(int col) const;

 private:
  sqlite3* db_;
  sqlite3_stmt* st_;
  const std::string* path_;
  Status status_;
};

class ReadConnection {
 public:
  // Opens `path` read-only (it must exist: the server's writer creates it).
  // IoError naming the path on failure.
  static Result<std::unique_ptr<ReadConnection>> Open(const std::string& path);
  ~ReadConnection();
  ReadConnection(const ReadConnection&) = delete;
  ReadConnection& operator=(const ReadConnection&) = delete;

  // The cached statement for `sql` (prepared on first use). Only one Query
  // per SQL text may be alive at a time. Internal on a bad statement (a
  // programming error or a schema older than expected).
  Result<Query> Prepare(const std::string& sql);

  // Starts a read transaction: every query until EndSnapshot() sees the
  // same committed state of the store, even while a writer commits.
  Status BeginSnapshot();
  // Ends it (a no-op when none is open).
  void EndSnapshot();

  // True when a commit (by any connection or process) happened since the
  // previous call on this connection (the first call only records the
  // state and returns true).
  Result<bool> DataVersionChanged();

  const std::string& path() const { return path_; }
  sqlite3* db() const { return db_; }

 private:
  explicit ReadConnection(std::string path) : path_(std::move(path)) {}

  std::string path_;
  sqlite3* db_ = nullptr;
  int64_t data_version_ = -1;
  std::unordered_map<std::string, sqlite3_stmt*> statements_;
};

}  // namespace dyad

#endif  // DYAD_SERVER_READ_CONNECTION_H_
