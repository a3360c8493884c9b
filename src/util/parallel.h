// Ordered parallel processing of a stream: one reader, N workers, one writer
// that sees the results in input order. Built on oneTBB's parallel_pipeline.
#ifndef DYAD_UTIL_PARALLEL_H_
#define DYAD_UTIL_PARALLEL_H_

#include <tbb/global_control.h>
#include <tbb/parallel_pipeline.h>

#include <algorithm>
#include <memory>

namespace dyad {

// Runs produce → process → consume over items of type T.
//  - produce(T*) fills the next item and returns true, or returns false at
//    the end; called serially, in order.
//  - process(T&) runs on up to `threads` threads at once; it must be
//    thread-safe with respect to shared state.
//  - consume(T&) is called serially, in input order.
// At most `threads * 4` items are in flight, bounding memory. With threads
// == 1 everything runs on the calling thread's arena with one worker.
template <typename T, typename Produce, typename Process, typename Consume>
void RunOrdered(int threads, Produce produce, Process process,
                Consume consume) {
  threads = std::max(1, threads);
  tbb::global_control limit(tbb::global_control::max_allowed_parallelism,
                            static_cast<size_t>(threads));
  const size_t tokens = static_cast<size_t>(threads) * 4;
  tbb::parallel_pipeline(
      tokens,
      tbb::make_filter<void, T*>(
          tbb::filter_mode::serial_in_order,
          [&](tbb::flow_control& fc) -> T* {
            auto item = std::make_unique<T>();
            if (!produce(item.get())) {
              fc.stop();
              return nullptr;
            }
            return item.release();
          }) &
          tbb::make_filter<T*, T*>(tbb::filter_mode::parallel,
                                   [&](T* item) -> T* {
                                     process(*item);
                                     return item;
                                   }) &
          tbb::make_filter<T*, void>(tbb::filter_mode::serial_in_order,
                                     [&](T* item) {
                                       std::unique_ptr<T> owned(item);
                                       consume(*owned);
                                     }));
}

}  // namespace dyad

#endif  // DYAD_UTIL_PARALLEL_H_
