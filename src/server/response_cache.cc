#include "server/response_cache.h"

namespace dyad {

ResponseCache::Computing::Computing(ResponseCache* cache, std::string key)
    : cache_(cache), key_(std::move(key)) {
  {
    std::lock_guard<std::mutex> lock(cache_->mu_);
    auto& mu = cache_->computing_[key_];
    if (mu == nullptr) mu = std::make_shared<std::mutex>();
    mu_ = mu;
  }
  mu_->lock();
}

ResponseCache::Computing::~Computing() {
  {
    // Later arrivals find the entry; waiters holding mu_ still get it.
    std::lock_guard<std::mutex> lock(cache_->mu_);
    auto it = cache_->computing_.find(key_);
    if (it != cache_->computing_.end() && it->second == mu_) {
      cache_->computing_.erase(it);
    }
  }
  mu_->unlock();
}

void ResponseCache::Bump() {
  std::lock_guard<std::mutex> lock(mu_);
  ++generation_;
  entries_.clear();
  order_.clear();
  bytes_ = 0;
}

std::shared_ptr<const std::string> ResponseCache::Find(uint64_t generation,
                                                       const std::string& key) {
  if (max_bytes_ == 0) return nullptr;
  std::lock_guard<std::mutex> lock(mu_);
  if (generation != generation_.load()) return nullptr;
  auto it = entries_.find(key);
  return it == entries_.end() ? nullptr : it->second;
}

void ResponseCache::Put(uint64_t generation, const std::string& key,
                        std::shared_ptr<const std::string> body) {
  const size_t size = key.size() + body->size();
  if (max_bytes_ == 0 || size > max_bytes_ / 4) return;
  std::lock_guard<std::mutex> lock(mu_);
  if (generation != generation_.load() || entries_.count(key) > 0) return;
  while (bytes_ + size > max_bytes_ && !order_.empty()) {
    auto it = entries_.find(order_.front());
    bytes_ -= order_.front().size() + it->second->size();
    entries_.erase(it);
    order_.pop_front();
  }
  entries_.emplace(key, std::move(body));
  order_.push_back(key);
  bytes_ += size;
}

}  // namespace dyad
