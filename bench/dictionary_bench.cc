// Actor dictionaries: load + compile time, and recognition cost relative to
// tokenising and tagging the same text.
#include <benchmark/benchmark.h>

#include <cstdlib>

#include "dictionary/actor_dictionary_loader.h"
#include "dictionary/actor_recognizer.h"
#include "ingest/reader.h"
#include "util/paths.h"

namespace dyad {
namespace {

void BM_LoadShippedActorDictionary(benchmark::State& state) {
  int64_t names = 0;
  for (auto _ : state) {
    LoadReport report;
    auto d = LoadActorDictionary({}, &report);
    if (!d.ok()) state.SkipWithError(d.status().ToString().c_str());
    names = report.names;
  }
  state.counters["entries+names"] = static_cast<double>(names);
}
BENCHMARK(BM_LoadShippedActorDictionary)->Unit(benchmark::kMillisecond);

// The Phoenix dictionaries (about 65,000 lines, 50,000+ names) from
// ../shared, loaded together with ours.
void BM_LoadPhoenixActorDictionaries(benchmark::State& state) {
  auto shared = SharedDir();
  if (!shared) {
    state.SkipWithError("../shared is absent");
    return;
  }
  std::string dir = *shared + "/data/dictionaries/phoenix/";
  ActorDictionaryOptions o;
  o.phoenix_actors = {dir + "Phoenix.Countries.actors.txt",
                      dir + "Phoenix.International.actors.txt",
                      dir + "Phoenix.MilNonState.actors.txt"};
  o.phoenix_agents = {dir + "Phoenix.agents.txt"};
  int64_t names = 0;
  for (auto _ : state) {
    LoadReport report;
    auto d = LoadActorDictionary(o, &report);
    if (!d.ok()) state.SkipWithError(d.status().ToString().c_str());
    names = report.names;
  }
  state.counters["names"] = static_cast<double>(names);
}
BENCHMARK(BM_LoadPhoenixActorDictionaries)->Unit(benchmark::kMillisecond);

void BM_RecognizeActors(benchmark::State& state) {
  static const auto* pipeline = TextPipeline::Create()->release();
  static const auto* dict = LoadActorDictionary({})->release();
  ReaderOptions ro;
  std::vector<std::string> inputs = {DataPath("sample")};
  if (const char* env = std::getenv("DYAD_BENCH_CORPUS"); env && *env) {
    inputs = {env};
  }
  std::vector<Document> docs = ReadAllDocuments(inputs, ro);
  std::vector<AnnotatedText> texts(docs.size());
  for (size_t i = 0; i < docs.size(); ++i) pipeline->Annotate(docs[i].text, &texts[i]);
  ActorRecognizer recognizer(*dict);
  std::vector<ActorMention> mentions;
  int64_t tokens = 0;
  for (auto _ : state) {
    for (const AnnotatedText& t : texts) {
      DocumentActors doc;
      mentions.clear();
      for (const Sentence& s : t.sentences) {
        recognizer.Recognize(t, s, kNoDay, &doc, &mentions);
      }
      tokens += static_cast<int64_t>(t.tokens.size());
    }
  }
  state.counters["tokens/s"] =
      benchmark::Counter(static_cast<double>(tokens), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_RecognizeActors);

}  // namespace
}  // namespace dyad
