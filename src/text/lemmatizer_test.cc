#include "text/lemmatizer.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iterator>
#include <memory>
#include <string>
#include <thread>
#include <vector>

namespace dyad {
namespace {

// WordNet comes from Debian's wordnet-base; without it the data-dependent
// tests skip instead of failing.
#define DYAD_REQUIRE_WORDNET()                                              \
  do {                                                                      \
    if (!std::filesystem::exists(std::string(                               \
            Lemmatizer::kDefaultWordNetDir) + "/index.noun")) {             \
      GTEST_SKIP() << "skipped: WordNet is absent from "                    \
                   << Lemmatizer::kDefaultWordNetDir                        \
                   << " (apt-get install wordnet-base)";                    \
    }                                                                       \
  } while (0)

// Loading takes ~tens of ms; share one instance across the tests.
const Lemmatizer* Shared() {
  static const Lemmatizer* lem = [] {
    auto r = Lemmatizer::Load(std::string(Lemmatizer::kDefaultWordNetDir));
    return r.ok() ? std::move(r).value().release() : nullptr;
  }();
  return lem;
}

struct Case {
  const char* word;
  Upos tag;
  const char* lemma;
};

constexpr Case kCases[] = {
    // Exception lists.
    {"ran", Upos::kVerb, "run"},
    {"met", Upos::kVerb, "meet"},
    {"went", Upos::kVerb, "go"},
    {"held", Upos::kVerb, "hold"},
    {"was", Upos::kVerb, "be"},
    {"mice", Upos::kNoun, "mouse"},
    {"men", Upos::kNoun, "man"},
    {"crises", Upos::kNoun, "crisis"},
    {"better", Upos::kAdj, "good"},
    {"better", Upos::kAdv, "well"},
    // Detachment rules.
    {"talks", Upos::kNoun, "talk"},
    {"talks", Upos::kVerb, "talk"},
    {"allies", Upos::kNoun, "ally"},
    {"ally", Upos::kNoun, "ally"},
    {"sanctions", Upos::kNoun, "sanction"},
    {"sanctioned", Upos::kVerb, "sanction"},
    {"pledged", Upos::kVerb, "pledge"},
    {"pledging", Upos::kVerb, "pledge"},
    {"visited", Upos::kVerb, "visit"},
    {"leaders", Upos::kNoun, "leader"},
    {"countries", Upos::kNoun, "country"},
    {"fired", Upos::kVerb, "fire"},
    {"agreed", Upos::kVerb, "agree"},
    {"signed", Upos::kVerb, "sign"},
    {"strengthening", Upos::kVerb, "strengthen"},
    {"ties", Upos::kNoun, "tie"},
    {"exercises", Upos::kNoun, "exercise"},
    {"drills", Upos::kNoun, "drill"},
    {"relations", Upos::kNoun, "relation"},
    {"glasses", Upos::kNoun, "glass"},
    {"cupsful", Upos::kNoun, "cupful"},
    {"bigger", Upos::kAdj, "big"},
    {"largest", Upos::kAdj, "large"},
    // Words that must stay as they are.
    {"news", Upos::kNoun, "news"},
    {"species", Upos::kNoun, "species"},
    {"series", Upos::kNoun, "series"},
    {"gas", Upos::kNoun, "gas"},       // not the element "ga"
    {"business", Upos::kNoun, "business"},  // "ss": no detachment
    {"as", Upos::kNoun, "as"},         // ≤ 2 bytes: no detachment
    {"was", Upos::kNoun, "was"},       // mis-tagged, not "wa"
    {"its", Upos::kNoun, "its"},       // mis-tagged, not "it"
    {"feed", Upos::kVerb, "feed"},     // an index verb, not "fee"
    {"unknownwordxyz", Upos::kNoun, "unknownwordxyz"},
    {"unknownwordxyz", Upos::kVerb, "unknownwordxyz"},
    {"talks", Upos::kPropn, "talks"},  // names are not inflected
    {"ran", Upos::kX, "ran"},
    {"the", Upos::kDet, "the"},
    // Auxiliaries and clitics.
    {"is", Upos::kAux, "be"},
    {"'s", Upos::kAux, "be"},
    {"'re", Upos::kAux, "be"},
    {"'m", Upos::kAux, "be"},
    {"been", Upos::kAux, "be"},
    {"has", Upos::kAux, "have"},
    {"'ve", Upos::kAux, "have"},
    {"'d", Upos::kAux, "have"},
    {"did", Upos::kAux, "do"},
    {"does", Upos::kVerb, "do"},
    {"'ll", Upos::kAux, "will"},
    {"wo", Upos::kAux, "will"},
    {"ca", Upos::kAux, "can"},
    {"n't", Upos::kPart, "not"},
    {"'s", Upos::kPart, "'s"},  // possessive stays
};

TEST(LemmatizerTest, LemmaTable) {
  DYAD_REQUIRE_WORDNET();
  const Lemmatizer* lem = Shared();
  ASSERT_NE(lem, nullptr);
  for (const Case& c : kCases) {
    EXPECT_EQ(lem->Lemma(c.word, c.tag), c.lemma)
        << c.word << "/" << UposName(c.tag);
  }
}

TEST(LemmatizerTest, IsLemmaTable) {
  DYAD_REQUIRE_WORDNET();
  const Lemmatizer* lem = Shared();
  ASSERT_NE(lem, nullptr);
  struct IsCase {
    const char* phrase;
    Upos tag;
    bool want;
  };
  const IsCase cases[] = {
      {"prime minister", Upos::kNoun, true},
      {"prime minister", Upos::kPropn, true},
      {"united nations", Upos::kPropn, true},
      {"prime ministers", Upos::kNoun, false},
      {"prime minister", Upos::kVerb, false},
      {"take off", Upos::kVerb, true},
      {"sanction", Upos::kVerb, true},
      {"talk", Upos::kNoun, true},
      {"prime minister", Upos::kDet, false},
      {"", Upos::kNoun, false},
      {"unknownwordxyz", Upos::kNoun, false},
  };
  for (const IsCase& c : cases) {
    EXPECT_EQ(lem->IsLemma(c.phrase, c.tag), c.want)
        << '"' << c.phrase << "\"/" << UposName(c.tag);
  }
}

TEST(LemmatizerTest, MissingDirIsNotFound) {
  auto r = Lemmatizer::Load("/nonexistent/wordnet-dir");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kNotFound);
  EXPECT_NE(r.status().message().find("/nonexistent/wordnet-dir"),
            std::string::npos);
}

TEST(LemmatizerTest, LoadsEveryPartOfSpeech) {
  DYAD_REQUIRE_WORDNET();
  const Lemmatizer* lem = Shared();
  ASSERT_NE(lem, nullptr);
  // WordNet 3.0/3.1 has ~147k index entries.
  EXPECT_GT(lem->num_lemmas(), 140000u);
  EXPECT_TRUE(lem->IsLemma("quickly", Upos::kAdv));
  EXPECT_TRUE(lem->IsLemma("good", Upos::kAdj));
}

TEST(LemmatizerTest, ConcurrentLemmasMatchSequential) {
  DYAD_REQUIRE_WORDNET();
  const Lemmatizer* lem = Shared();
  ASSERT_NE(lem, nullptr);
  std::vector<std::string> expected;
  for (const Case& c : kCases) expected.push_back(lem->Lemma(c.word, c.tag));
  auto run = [&](std::vector<std::string>* out) {
    for (int round = 0; round < 200; ++round) {
      out->clear();
      for (const Case& c : kCases) out->push_back(lem->Lemma(c.word, c.tag));
    }
  };
  std::vector<std::string> a, b;
  std::thread ta(run, &a), tb(run, &b);
  ta.join();
  tb.join();
  EXPECT_EQ(a, expected);
  EXPECT_EQ(b, expected);
}

}  // namespace
}  // namespace dyad
