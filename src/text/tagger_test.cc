#include "text/tagger.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <thread>
#include <vector>

#include "text/tagger_trainer.h"
#include "util/file.h"
#include "util/testing.h"

namespace dyad {
namespace {

std::vector<std::string_view> Split(const std::string& text) {
  std::vector<std::string_view> words;
  std::string_view rest(text);
  while (!rest.empty()) {
    const size_t space = rest.find(' ');
    words.push_back(rest.substr(0, space));
    if (space == std::string_view::npos) break;
    rest.remove_prefix(space + 1);
  }
  return words;
}

std::vector<Upos> TagText(const Tagger& tagger, const std::string& text) {
  const std::vector<std::string_view> words = Split(text);
  std::vector<Upos> tags(words.size());
  tagger.Tag(words, tags);
  return tags;
}

const Tagger& ShippedTagger() {
  static const Tagger* tagger = [] {
    auto t = Tagger::LoadDefault();
    EXPECT_TRUE(t.ok()) << t.status().ToString();
    return t.ok() ? std::move(t).value().release() : nullptr;
  }();
  return *tagger;
}

TEST(TaggerTest, NounVerbDistinctionsInNews) {
  struct Case {
    std::string sentence;
    std::string_view word;  // first occurrence is checked
    Upos want;
  };
  const Case kCases[] = {
      {"The talks collapsed on Monday .", "talks", Upos::kNoun},
      {"He talks to Kim every week .", "talks", Upos::kVerb},
      {"They condemned an attack on the base .", "attack", Upos::kNoun},
      {"Rebels said they attack the base at night .", "attack", Upos::kVerb},
      {"The EU sent aid to Ukraine .", "aid", Upos::kNoun},
      {"Germany agreed to aid Ukraine .", "aid", Upos::kVerb},
      {"Japan offered a pledge of support .", "pledge", Upos::kNoun},
      {"Leaders say they pledge support for the deal .", "pledge",
       Upos::kVerb},
      {"Police arrested protesters in Cairo .", "arrested", Upos::kVerb},
      {"Russia threatened sanctions against Georgia .", "Russia",
       Upos::kPropn},
      {"Russia threatened sanctions against Georgia .", "sanctions",
       Upos::kNoun},
      {"The minister visited Beijing on Tuesday .", "minister", Upos::kNoun},
      {"China 's president met Obama .", "'s", Upos::kPart},
      {"He was killed in the strike .", "was", Upos::kAux},
      {"He was killed in the strike .", "strike", Upos::kNoun},
  };
  ASSERT_NE(&ShippedTagger(), nullptr);
  for (const Case& c : kCases) {
    const std::vector<std::string_view> words = Split(c.sentence);
    const auto it = std::find(words.begin(), words.end(), c.word);
    ASSERT_NE(it, words.end()) << c.sentence;
    const std::vector<Upos> tags = TagText(ShippedTagger(), c.sentence);
    EXPECT_EQ(UposName(tags[it - words.begin()]), UposName(c.want))
        << c.sentence << " / " << c.word;
  }
}

TEST(TaggerTest, EmptyAndLongSentences) {
  std::vector<Upos> none;
  ShippedTagger().Tag({}, none);  // must not crash
  // Longer than the tagger's stack scratch (256 words), which switches to
  // heap scratch: the last clause must still be tagged sensibly.
  std::string text;
  for (int i = 0; i < 100; ++i) text += "The talks collapsed . ";
  text.pop_back();
  const std::vector<Upos> tags = TagText(ShippedTagger(), text);
  ASSERT_EQ(tags.size(), 400u);
  EXPECT_EQ(tags[396], Upos::kDet);
  EXPECT_EQ(tags[397], Upos::kNoun);
  EXPECT_EQ(tags[398], Upos::kVerb);
  EXPECT_EQ(tags[399], Upos::kPunct);
}

TEST(TaggerTest, ConcurrentTaggingMatchesSerial) {
  const std::string kText =
      "Iran and Iraq signed a deal on Monday to aid refugees .";
  const std::vector<Upos> want = TagText(ShippedTagger(), kText);
  std::vector<std::vector<Upos>> got(4);
  std::vector<std::thread> threads;
  for (auto& g : got) {
    threads.emplace_back([&g, &kText] {
      for (int i = 0; i < 200; ++i) g = TagText(ShippedTagger(), kText);
    });
  }
  for (auto& t : threads) t.join();
  for (const auto& g : got) EXPECT_EQ(g, want);
}

TEST(TaggerTest, PudAccuracyAtLeast95Percent) {
  DYAD_REQUIRE_SHARED(path, "data/ud/en_pud-ud-test.conllu");
  auto eval = EvaluateConllu(ShippedTagger(), path);
  ASSERT_TRUE(eval.ok()) << eval.status().ToString();
  EXPECT_EQ(eval->tokens, 21180u);
  EXPECT_GE(eval->accuracy, 0.95) << eval->correct << "/" << eval->tokens;
}

TEST(TaggerTest, LoadRejectsBadFiles) {
  const std::string dir = ::testing::TempDir();
  auto good = ReadFileToString(DataPath(std::string("models/") +
                                        kDefaultTaggerModel));
  ASSERT_TRUE(good.ok());
  std::string flipped = *good;
  flipped[flipped.size() / 2] ^= 0x55;
  std::string wrong_version = *good;
  wrong_version[8] = 99;
  const struct {
    const char* name;
    std::string bytes;
  } kCases[] = {
      {"empty", ""},
      {"garbage", "not a model at all, just some text"},
      {"truncated", good->substr(0, good->size() / 3)},
      {"flipped", flipped},
      {"version", wrong_version},
  };
  for (const auto& c : kCases) {
    const std::string path = dir + "/tagger_bad_" + c.name + ".bin";
    ASSERT_TRUE(WriteStringToFile(path, c.bytes).ok());
    auto t = Tagger::Load(path);
    ASSERT_FALSE(t.ok()) << c.name;
    EXPECT_EQ(t.status().code(), StatusCode::kCorruption) << c.name;
  }
  auto missing = Tagger::Load(dir + "/no_such_tagger_model.bin");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), StatusCode::kNotFound);
}

std::vector<TaggedSentence> TinyCorpus() {
  const std::pair<const char*, std::vector<Upos>> kRows[] = {
      {"The talks collapsed .",
       {Upos::kDet, Upos::kNoun, Upos::kVerb, Upos::kPunct}},
      {"He talks to Kim .",
       {Upos::kPron, Upos::kVerb, Upos::kAdp, Upos::kPropn, Upos::kPunct}},
      {"They attack the base .",
       {Upos::kPron, Upos::kVerb, Upos::kDet, Upos::kNoun, Upos::kPunct}},
      {"The attack failed .",
       {Upos::kDet, Upos::kNoun, Upos::kVerb, Upos::kPunct}},
  };
  std::vector<TaggedSentence> corpus;
  for (const auto& [text, tags] : kRows) {
    TaggedSentence s;
    const std::string sentence = text;  // Split returns views into it
    for (std::string_view w : Split(sentence)) s.words.emplace_back(w);
    s.tags = tags;
    corpus.push_back(std::move(s));
  }
  return corpus;
}

TEST(TaggerTest, TrainingIsDeterministic) {
  TaggerTrainerOptions options;
  options.epochs = 5;
  options.seed = 42;
  options.tagdict_min_count = 2;
  const std::vector<TaggedSentence> corpus = TinyCorpus();
  TaggerTrainer a(options), b(options);
  const std::string lexicon =
      "MNCL\n(\"attack\" ((nn -3.0) (vb -4.0) ) () )\n"
      "(\"talks\" ((nns -2.0) (vbz -5.0) ) () )\n";
  ASSERT_TRUE(a.AddFestivalLexicon(lexicon, "inline").ok());
  ASSERT_TRUE(b.AddFestivalLexicon(lexicon, "inline").ok());
  EXPECT_EQ(a.lexicon_size(), 2u);
  auto first = a.Train(corpus);
  auto second = b.Train(corpus);
  ASSERT_TRUE(first.ok() && second.ok());
  EXPECT_EQ(*first, *second);

  // The model round-trips and has learned its training data.
  auto model = tagger_internal::ParseModel(*first, "inline");
  ASSERT_TRUE(model.ok()) << model.status().ToString();
  const auto tagger = Tagger::FromModel(std::move(model).value());
  const TaggerEval eval = Evaluate(*tagger, corpus);
  EXPECT_EQ(eval.tokens, 18u);
  EXPECT_EQ(eval.correct, eval.tokens);
  EXPECT_EQ(tagger_internal::SerializeModel(
                *tagger_internal::ParseModel(*first, "again")),
            *first);
}

TEST(TaggerTest, TrainerRejectsBadInput) {
  TaggerTrainer trainer{TaggerTrainerOptions()};
  EXPECT_EQ(trainer.Train({}).status().code(), StatusCode::kInvalidArgument);
  std::vector<TaggedSentence> bad = TinyCorpus();
  bad[0].tags.pop_back();
  EXPECT_EQ(trainer.Train(bad).status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(trainer.AddFestivalLexicon("(\"open ((nn -1.0)) () )\n", "bad")
                .code(),
            StatusCode::kCorruption);
}

TEST(TaggerTest, FoldPunctuation) {
  const std::pair<std::string, std::string> kCases[] = {
      {"\u2019s", "'s"},
      {"\u201cHello\u201d", "\"Hello\""},
      {"1990\u20131995", "1990-1995"},
      {"caf\u00e9", "caf\u00e9"},
  };
  for (const auto& [in, want] : kCases) EXPECT_EQ(FoldPunctuation(in), want);
}

TEST(TaggerTest, ReadsConlluSkippingRangesAndEmptyNodes) {
  const std::string path = ::testing::TempDir() + "/tagger_test.conllu";
  ASSERT_TRUE(WriteStringToFile(
                  path,
                  "# text = Don't go.\n"
                  "1-2\tDon't\t_\t_\t_\t_\t_\t_\t_\t_\n"
                  "1\tDo\tdo\tAUX\tVB\t_\t3\taux\t_\t_\n"
                  "2\tn't\tnot\tPART\tRB\t_\t3\tadvmod\t_\t_\n"
                  "3\tgo\tgo\tVERB\tVB\t_\t0\troot\t_\t_\n"
                  "3.1\tgo\tgo\tVERB\tVB\t_\t_\t_\t_\t_\n"
                  "4\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n\n")
                  .ok());
  auto s = ReadConllu(path);
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  ASSERT_EQ(s->size(), 1u);
  EXPECT_EQ((*s)[0].words,
            (std::vector<std::string>{"Do", "n't", "go", "."}));
  EXPECT_EQ((*s)[0].tags[1], Upos::kPart);
}

}  // namespace
}  // namespace dyad
