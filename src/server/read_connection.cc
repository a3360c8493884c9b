#include "server/read_connection.h"

#include <sqlite3.h>

namespace dyad {
namespace {

constexpr int kBusyTimeoutMs = 5000;

}  // namespace

Query::~Query() {
  if (st_ != nullptr) {
    sqlite3_reset(st_);
    sqlite3_clear_bindings(st_);
  }
}

void Query::BindText(int i, std::string_view s) {
  sqlite3_bind_text(st_, i, s.data(), static_cast<int>(s.size()),
                    SQLITE_TRANSIENT);
}

void Query::BindInt(int i, int64_t v) { sqlite3_bind_int64(st_, i, v); }

void Query::BindNull(int i) { sqlite3_bind_null(st_, i); }

bool Query::Step() {
  int rc = sqlite3_step(st_);
  if (rc == SQLITE_ROW) return true;
  if (rc != SQLITE_DONE) {
    status_ = IoError(*path_ + ": query failed: " + sqlite3_errmsg(db_));
  }
  return false;
}

bool Query::IsNull(int col) const {
  return sqlite3_column_type(st_, col) == SQLITE_NULL;
}

int64_t Query::Int(int col) const { return sqlite3_column_int64(st_, col); }

double Query::Real(int col) const { return sqlite3_column_double(st_, col); }

std::string Query::Text(int col) const {
  const unsigned char* t = sqlite3_column_text(st_, col);
  if (t == nullptr) return std::string();
  return std::string(reinterpret_cast<const char*>(t),
                     static_cast<size_t>(sqlite3_column_bytes(st_, col)));
}

std::optional<std::string> Query::TextOrNull(int col) const {
  if (IsNull(col)) return std::nullopt;
  return Text(col);
}

Result<std::unique_ptr<ReadConnection>> ReadConnection::Open(
    const std::string& path) {
  std::unique_ptr<ReadConnection> c(new ReadConnection(path));
  int rc = sqlite3_open_v2(path.c_str(), &c->db_,
                           SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    return IoError(path + ": cannot open store: " +
                   (c->db_ != nullptr ? sqlite3_errmsg(c->db_)
                                      : "out of memory"));
  }
  sqlite3_extended_result_codes(c->db_, 1);
  sqlite3_busy_timeout(c->db_, kBusyTimeoutMs);
  return c;
}

ReadConnection::~ReadConnection() {
  for (auto& [sql, st] : statements_) sqlite3_finalize(st);
  if (db_ != nullptr) sqlite3_close_v2(db_);
}

Result<bool> ReadConnection::DataVersionChanged() {
  DYAD_ASSIGN_OR_RETURN(Query q, Prepare("PRAGMA data_version"));
  if (!q.Step()) {
    DYAD_RETURN_IF_ERROR(q.status());
    return InternalError("PRAGMA data_version returned no row");
  }
  int64_t v = q.Int(0);
  bool changed = v != data_version_;
  data_version_ = v;
  return changed;
}

Status ReadConnection::BeginSnapshot() {
  DYAD_ASSIGN_OR_RETURN(Query begin, Prepare("BEGIN"));
  begin.Step();
  return begin.status();
}

void ReadConnection::EndSnapshot() {
  if (sqlite3_get_autocommit(db_) != 0) return;
  auto end = Prepare("COMMIT");
  if (end.ok()) end->Step();
}

Result<Query> ReadConnection::Prepare(const std::string& sql) {
  auto it = statements_.find(sql);
  if (it == statements_.end()) {
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v3(db_, sql.c_str(), -1, SQLITE_PREPARE_PERSISTENT,
                           &st, nullptr) != SQLITE_OK) {
      return InternalError(path_ + ": cannot prepare query: " +
                           sqlite3_errmsg(db_));
    }
    it = statements_.emplace(sql, st).first;
  }
  return Query(db_, it->second, &path_);
}

}  // namespace dyad
