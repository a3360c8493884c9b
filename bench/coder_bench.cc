// The whole coder per document (text stage included).
#include <benchmark/benchmark.h>

#include <cstdlib>

#include "coder/event_coder.h"
#include "ingest/reader.h"
#include "util/paths.h"

namespace dyad {
namespace {

void BM_CodeDocuments(benchmark::State& state) {
  static const auto* coder = EventCoder::Create({}, nullptr)->release();
  ReaderOptions ro;
  std::vector<std::string> inputs = {DataPath("sample")};
  if (const char* env = std::getenv("DYAD_BENCH_CORPUS"); env && *env) {
    inputs = {env};
  }
  std::vector<Document> docs = ReadAllDocuments(inputs, ro);
  CodedDocument out;
  int64_t sentences = 0, events = 0;
  for (auto _ : state) {
    for (const Document& d : docs) {
      coder->Code(d, &out);
      sentences += static_cast<int64_t>(out.text.sentences.size());
      events += static_cast<int64_t>(out.events.size());
    }
  }
  state.counters["sentences/s"] = benchmark::Counter(
      static_cast<double>(sentences), benchmark::Counter::kIsRate);
  state.counters["events/s"] =
      benchmark::Counter(static_cast<double>(events), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_CodeDocuments)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace dyad
