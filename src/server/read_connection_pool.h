// ReadConnectionPool: read-only store connections for the server's worker
// threads. A request borrows one for its duration and gives it back; the
// pool grows to the number of requests served at once (bounded by the
// server's thread count), so every thread effectively has its own
// connection and its own cached statements.
#ifndef DYAD_SERVER_READ_CONNECTION_POOL_H_
#define DYAD_SERVER_READ_CONNECTION_POOL_H_

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "server/read_connection.h"
#include "util/status.h"

namespace dyad {

class ReadConnectionPool {
 public:
  struct Returner {
    ReadConnectionPool* pool;
    void operator()(ReadConnection* c) const { pool->Return(c); }
  };
  // A borrowed connection; returned to the pool when destroyed.
  using Lease = std::unique_ptr<ReadConnection, Returner>;

  explicit ReadConnectionPool(std::string db_path)
      : db_path_(std::move(db_path)) {}

  // An idle connection, or a new one. IoError when the store cannot be
  // opened. Thread-safe. The pool must outlive the lease.
  Result<Lease> Acquire();

 private:
  void Return(ReadConnection* c);

  std::string db_path_;
  std::mutex mu_;
  std::vector<std::unique_ptr<ReadConnection>> idle_;
};

}  // namespace dyad

#endif  // DYAD_SERVER_READ_CONNECTION_POOL_H_
