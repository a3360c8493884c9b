// ResponseCache: JSON bodies of GET responses, reused until the store
// changes.
//
// The store can change under the server (its own ingestion, or another
// process such as `dyad ingest`), so entries are tied to a generation that
// is bumped whenever the server's watching connection sees that a commit
// happened since the previous request (ReadConnection::DataVersionChanged). A request reads the
// generation *before* its read snapshot starts, so an entry stored under
// generation g holds data at least as new as every commit detected by the
// time g was current. Bounded by bytes; when full, the oldest entries go.
#ifndef DYAD_SERVER_RESPONSE_CACHE_H_
#define DYAD_SERVER_RESPONSE_CACHE_H_

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

namespace dyad {

class ResponseCache {
 public:
  // `max_bytes` 0 disables the cache.
  explicit ResponseCache(size_t max_bytes) : max_bytes_(max_bytes) {}

  bool enabled() const { return max_bytes_ > 0; }
  uint64_t generation() const { return generation_.load(); }
  // Forgets every entry: the store changed. Thread-safe.
  void Bump();

  // The body stored for `key` under `generation`, or null. Thread-safe.
  std::shared_ptr<const std::string> Find(uint64_t generation,
                                          const std::string& key);
  // Held while computing the response for a key: concurrent requests for
  // the same key wait for the first and then find its entry, instead of
  // all computing it (a cold cache under load). Thread-safe.
  class Computing {
   public:
    Computing(ResponseCache* cache, std::string key);
    ~Computing();
    Computing(const Computing&) = delete;
    Computing& operator=(const Computing&) = delete;

   private:
    ResponseCache* cache_;
    std::string key_;
    std::shared_ptr<std::mutex> mu_;
  };

  // Stores `body` unless the generation moved on meanwhile. Thread-safe.
  void Put(uint64_t generation, const std::string& key,
           std::shared_ptr<const std::string> body);

 private:
  const size_t max_bytes_;
  std::atomic<uint64_t> generation_{0};
  std::mutex mu_;
  std::unordered_map<std::string, std::shared_ptr<const std::string>> entries_;
  std::unordered_map<std::string, std::shared_ptr<std::mutex>> computing_;
  std::deque<std::string> order_;  // insertion order, for eviction
  size_t bytes_ = 0;
};

}  // namespace dyad

#endif  // DYAD_SERVER_RESPONSE_CACHE_H_
