// Micro-benchmarks of the text stage on the bundled sample corpus (or, when
// $DYAD_BENCH_CORPUS names files, on those).
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <string>
#include <vector>

#include "ingest/reader.h"
#include "text/text_pipeline.h"
#include "util/paths.h"

namespace dyad {
namespace {

const std::vector<Document>& Corpus() {
  static const std::vector<Document> docs = [] {
    std::vector<std::string> inputs;
    if (const char* env = std::getenv("DYAD_BENCH_CORPUS"); env && *env) {
      inputs.push_back(env);
    } else {
      inputs.push_back(DataPath("sample"));
    }
    ReaderOptions ro;
    return ReadAllDocuments(inputs, ro);
  }();
  return docs;
}

const TextPipeline& Pipeline() {
  static const std::unique_ptr<TextPipeline> p = [] {
    auto r = TextPipeline::Create();
    if (!r.ok()) {
      std::fprintf(stderr, "%s\n", r.status().ToString().c_str());
      std::abort();
    }
    return std::move(r).value();
  }();
  return *p;
}

void SetCounters(benchmark::State& state, int64_t tokens, int64_t bytes) {
  state.counters["tokens/s"] = benchmark::Counter(
      static_cast<double>(tokens), benchmark::Counter::kIsRate);
  state.SetBytesProcessed(bytes);
}

void BM_Tokenize(benchmark::State& state) {
  const auto& docs = Corpus();
  Tokenizer tokenizer;
  std::vector<Token> tokens;
  int64_t n = 0, bytes = 0;
  for (auto _ : state) {
    for (const Document& d : docs) {
      tokens.clear();
      tokenizer.Tokenize(d.text, &tokens);
      n += static_cast<int64_t>(tokens.size());
      bytes += static_cast<int64_t>(d.text.size());
    }
  }
  SetCounters(state, n, bytes);
}
BENCHMARK(BM_Tokenize);

void BM_SplitSentences(benchmark::State& state) {
  const auto& docs = Corpus();
  Tokenizer tokenizer;
  SentenceSplitter splitter;
  std::vector<std::vector<Token>> tokens(docs.size());
  for (size_t i = 0; i < docs.size(); ++i) {
    tokenizer.Tokenize(docs[i].text, &tokens[i]);
  }
  std::vector<Sentence> sentences;
  int64_t n = 0, bytes = 0, s = 0;
  for (auto _ : state) {
    for (size_t i = 0; i < docs.size(); ++i) {
      sentences.clear();
      splitter.Split(docs[i].text, tokens[i], &sentences, nullptr);
      n += static_cast<int64_t>(tokens[i].size());
      s += static_cast<int64_t>(sentences.size());
      bytes += static_cast<int64_t>(docs[i].text.size());
    }
  }
  state.counters["sentences/s"] =
      benchmark::Counter(static_cast<double>(s), benchmark::Counter::kIsRate);
  SetCounters(state, n, bytes);
}
BENCHMARK(BM_SplitSentences);

void BM_Tag(benchmark::State& state) {
  const auto& docs = Corpus();
  const TextPipeline& p = Pipeline();
  std::vector<AnnotatedText> texts(docs.size());
  for (size_t i = 0; i < docs.size(); ++i) {
    p.tokenizer().Tokenize(docs[i].text, &texts[i].tokens);
  }
  std::vector<std::string_view> words;
  std::vector<Upos> tags;
  int64_t n = 0;
  for (auto _ : state) {
    for (const AnnotatedText& t : texts) {
      words.clear();
      for (const Token& tok : t.tokens) words.push_back(tok.norm);
      tags.resize(words.size());
      p.tagger()->Tag(words, tags);
      n += static_cast<int64_t>(words.size());
    }
  }
  SetCounters(state, n, 0);
}
BENCHMARK(BM_Tag);

// The whole text stage: tokenise, split, tag and lemmatise.
void BM_TokenizeAndTag(benchmark::State& state) {
  const auto& docs = Corpus();
  const TextPipeline& p = Pipeline();
  AnnotatedText out;
  int64_t n = 0, bytes = 0;
  for (auto _ : state) {
    for (const Document& d : docs) {
      p.Annotate(d.text, &out);
      n += static_cast<int64_t>(out.tokens.size());
      bytes += static_cast<int64_t>(d.text.size());
    }
  }
  SetCounters(state, n, bytes);
}
BENCHMARK(BM_TokenizeAndTag);

void BM_Lemmatize(benchmark::State& state) {
  const auto& docs = Corpus();
  const TextPipeline& p = Pipeline();
  std::vector<Token> tokens;
  for (const Document& d : docs) p.tokenizer().Tokenize(d.text, &tokens);
  p.TagAndLemmatize(tokens);
  int64_t n = 0;
  for (auto _ : state) {
    for (const Token& t : tokens) {
      benchmark::DoNotOptimize(p.lemmatizer()->Lemma(t.lower, t.tag));
    }
    n += static_cast<int64_t>(tokens.size());
  }
  SetCounters(state, n, 0);
}
BENCHMARK(BM_Lemmatize);

void BM_LoadLemmatizer(benchmark::State& state) {
  for (auto _ : state) {
    auto l = Lemmatizer::LoadDefault();
    benchmark::DoNotOptimize(l.ok());
  }
}
BENCHMARK(BM_LoadLemmatizer)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace dyad
