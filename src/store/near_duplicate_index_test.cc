#include "store/near_duplicate_index.h"

#include <gtest/gtest.h>

#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "ingest/text_article.h"

namespace dyad {
namespace {

constexpr const char* kDedupDir = "src/store/testdata/dedup/";

// The article body of a test file (the header of data/sample files is
// dropped, as the reader does).
std::string ReadBody(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in.good()) << path;
  std::stringstream ss;
  ss << in.rdbuf();
  return ParseTextArticle(ss.str()).body;
}

struct LabelledPair {
  std::string first, second;
  bool duplicate = false;
  std::string kind;
};

// src/store/testdata/dedup/pairs.tsv: first, second, duplicate|distinct,
// kind; paths relative to that directory unless they start with "data/".
std::vector<LabelledPair> LoadPairs() {
  std::ifstream in(std::string(kDedupDir) + "pairs.tsv");
  EXPECT_TRUE(in.good());
  std::vector<LabelledPair> out;
  std::string line;
  auto path = [](const std::string& p) {
    return p.starts_with("data/") ? p : kDedupDir + p;
  };
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> f;
    std::stringstream ls(line);
    std::string field;
    while (std::getline(ls, field, '\t')) f.push_back(field);
    EXPECT_EQ(f.size(), 4u) << line;
    if (f.size() != 4) continue;
    EXPECT_TRUE(f[2] == "duplicate" || f[2] == "distinct") << line;
    out.push_back({path(f[0]), path(f[1]), f[2] == "duplicate", f[3]});
  }
  return out;
}

TEST(NearDuplicateIndexTest, ClassifiesEveryLabelledPair) {
  const std::vector<LabelledPair> pairs = LoadPairs();
  int dups = 0, distinct = 0;
  for (const LabelledPair& p : pairs) (p.duplicate ? dups : distinct)++;
  ASSERT_GE(dups, 15);
  ASSERT_GE(distinct, 12);
  for (const LabelledPair& p : pairs) {
    // Each pair through the index, as StoreDocuments uses it: the first is
    // stored, the second looked up.
    NearDuplicateIndex index;
    MinHashSignature a = index.Sign(ReadBody(p.first));
    MinHashSignature b = index.Sign(ReadBody(p.second));
    ASSERT_FALSE(a.empty()) << p.first;
    ASSERT_FALSE(b.empty()) << p.second;
    const double sim = NearDuplicateIndex::Similarity(a, b);
    // The similarity distribution recorded in doc/store.md.
    std::cout << (p.duplicate ? "duplicate " : "distinct  ") << sim << "  "
              << p.kind << "\n";
    index.Add("first", "first", a);
    auto match = index.FindMostSimilar(b);
    EXPECT_EQ(match.has_value(), p.duplicate)
        << p.first << " / " << p.second << " (" << p.kind
        << "): similarity " << sim;
    if (match.has_value()) {
      EXPECT_EQ(match->cluster_id, "first");
      EXPECT_DOUBLE_EQ(match->similarity, sim);
    }
  }
}

TEST(NearDuplicateIndexTest, FeaturesAreContentWords) {
  EXPECT_EQ(NearDuplicateIndex::Features(
                "The Port of ROTTERDAM said: dock-workers' strike, 2024! 1,200.5 a I"),
            (std::vector<std::string>{"1,200.5", "2024", "dock", "port", "rotterdam",
                                      "strike", "workers"}));
  EXPECT_EQ(NearDuplicateIndex::Features("Caravelí, Caravelí"),
            (std::vector<std::string>{"caravelí"}));
}

TEST(NearDuplicateIndexTest, ShortTextsHaveNoSignature) {
  NearDuplicateIndex index;
  EXPECT_TRUE(index.Sign("Kim met Xi in Beijing on Sunday.").empty());
  EXPECT_TRUE(index.Sign("").empty());
  NearDuplicateIndex lenient({.threshold = 0.25, .min_features = 1});
  EXPECT_EQ(lenient.Sign("Kim met Xi.").size(),
            static_cast<size_t>(NearDuplicateIndex::kNumHashes));
}

TEST(NearDuplicateIndexTest, SignatureIsOrderFreeAndEncodes) {
  NearDuplicateIndex index({.threshold = 0.25, .min_features = 1});
  MinHashSignature a = index.Sign("alpha beta gamma delta");
  MinHashSignature b = index.Sign("delta gamma beta alpha alpha");
  EXPECT_EQ(a, b);
  EXPECT_DOUBLE_EQ(NearDuplicateIndex::Similarity(a, b), 1.0);
  const std::string blob = NearDuplicateIndex::Encode(a);
  EXPECT_EQ(blob.size(), NearDuplicateIndex::kNumHashes * 4u);
  auto back = NearDuplicateIndex::Decode(blob);
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(*back, a);
  auto bad = NearDuplicateIndex::Decode("abc");
  EXPECT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), StatusCode::kCorruption);
}

TEST(NearDuplicateIndexTest, RemoveAndReplaceForgetOldSignatures) {
  NearDuplicateIndex index({.threshold = 0.25, .min_features = 1});
  const std::string text =
      "port strike rotterdam dock workers union automation cranes";
  MinHashSignature sig = index.Sign(text);
  index.Add("x", "x", sig);
  EXPECT_EQ(index.size(), 1u);
  ASSERT_TRUE(index.FindMostSimilar(sig).has_value());
  index.Remove("x");
  EXPECT_EQ(index.size(), 0u);
  EXPECT_FALSE(index.FindMostSimilar(sig).has_value());
  // Re-adding under the same id with other text replaces the entry.
  index.Add("x", "x", sig);
  index.Add("x", "x", index.Sign("earthquake peru arequipa landslide rescue"));
  EXPECT_EQ(index.size(), 1u);
  EXPECT_FALSE(index.FindMostSimilar(sig).has_value());
}

TEST(NearDuplicateIndexTest, TiesGoToTheSmallerCluster) {
  NearDuplicateIndex index({.threshold = 0.25, .min_features = 1});
  MinHashSignature sig =
      index.Sign("port strike rotterdam dock workers union automation");
  index.Add("b", "b", sig);
  index.Add("a2", "a", sig);
  auto match = index.FindMostSimilar(sig);
  ASSERT_TRUE(match.has_value());
  EXPECT_EQ(match->cluster_id, "a");
  EXPECT_EQ(match->doc_id, "a2");
  EXPECT_DOUBLE_EQ(match->similarity, 1.0);
}

}  // namespace
}  // namespace dyad
