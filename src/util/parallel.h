// Ordered parallel processing of a stream: one reader, N workers, one writer
// that sees the results in input order. Built on oneTBB's parallel_pipeline.
#ifndef DYAD_UTIL_PARALLEL_H_
#define DYAD_UTIL_PARALLEL_H_

#include <tbb/global_control.h>
#include <tbb/parallel_pipeline.h>

#include <algorithm>
#include <memory>
#include <mutex>
#include <vector>

namespace dyad {

// Runs produce → process → consume over items of type T.
//  - produce(T*) fills the next item and returns true, or returns false at
//    the end; called serially, in order.
//  - process(T&) runs on up to `threads` threads at once; it must be
//    thread-safe with respect to shared state.
//  - consume(T&) is called serially, in input order.
// Items travel in batches of `batch` so that the pipeline's per-token cost
// is paid once per batch, not per document; at most `threads * 4` batches
// are in flight, bounding memory.
template <typename T, typename Produce, typename Process, typename Consume>
void RunOrdered(int threads, Produce produce, Process process,
                Consume consume, size_t batch = 1) {
  threads = std::max(1, threads);
  batch = std::max<size_t>(1, batch);
  tbb::global_control limit(tbb::global_control::max_allowed_parallelism,
                            static_cast<size_t>(threads));
  using Batch = std::vector<T>;
  const size_t tokens = static_cast<size_t>(threads) * 4;
  bool done = false;
  // Batches are recycled: their items keep the capacity of their buffers
  // (token vectors, strings), so a long run allocates almost nothing after
  // the first few documents. produce() must overwrite what it reuses.
  std::mutex pool_mutex;
  std::vector<std::unique_ptr<Batch>> pool;
  tbb::parallel_pipeline(
      tokens,
      tbb::make_filter<void, Batch*>(
          tbb::filter_mode::serial_in_order,
          [&](tbb::flow_control& fc) -> Batch* {
            if (done) {
              fc.stop();
              return nullptr;
            }
            std::unique_ptr<Batch> items;
            {
              std::lock_guard<std::mutex> lock(pool_mutex);
              if (!pool.empty()) {
                items = std::move(pool.back());
                pool.pop_back();
              }
            }
            if (items == nullptr) items = std::make_unique<Batch>(batch);
            items->resize(batch);
            size_t n = 0;
            while (n < batch && produce(&(*items)[n])) ++n;
            if (n < batch) done = true;
            if (n == 0) {
              fc.stop();
              return nullptr;
            }
            items->resize(n);  // keeps the first n items' buffers
            return items.release();
          }) &
          tbb::make_filter<Batch*, Batch*>(tbb::filter_mode::parallel,
                                           [&](Batch* items) -> Batch* {
                                             for (T& item : *items) process(item);
                                             return items;
                                           }) &
          tbb::make_filter<Batch*, void>(tbb::filter_mode::serial_in_order,
                                         [&](Batch* items) {
                                           std::unique_ptr<Batch> owned(items);
                                           for (T& item : *owned) consume(item);
                                           std::lock_guard<std::mutex> lock(
                                               pool_mutex);
                                           pool.push_back(std::move(owned));
                                         }));
}

}  // namespace dyad

#endif  // DYAD_UTIL_PARALLEL_H_
