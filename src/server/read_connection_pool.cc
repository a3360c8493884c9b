#include "server/read_connection_pool.h"

namespace dyad {

Result<ReadConnectionPool::Lease> ReadConnectionPool::Acquire() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (!idle_.empty()) {
      ReadConnection* c = idle_.back().release();
      idle_.pop_back();
      return Lease(c, Returner{this});
    }
  }
  // Opened outside the lock: opening touches the file system.
  DYAD_ASSIGN_OR_RETURN(std::unique_ptr<ReadConnection> c,
                        ReadConnection::Open(db_path_));
  return Lease(c.release(), Returner{this});
}

void ReadConnectionPool::Return(ReadConnection* c) {
  std::lock_guard<std::mutex> lock(mu_);
  idle_.emplace_back(c);
}

}  // namespace dyad
