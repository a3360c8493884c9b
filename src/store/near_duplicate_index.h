// NearDuplicateIndex: finds stored articles that are copies of a new one
// (syndicated wire copies, rewritten ledes, trimmed or padded versions).
//
// A document's features are its distinct content words (lowercased ASCII
// letters and digits, UTF-8 letters kept, numbers with their inner '.' and
// ',', stop words and one-letter tokens dropped): word shingles of size 1. Longer shingles were measured and
// rejected: the rewritten wire copies of data/sample share only 1–5 % of
// their 3-word shingles, as little as different stories on the same topic
// (doc/store.md, "Near-duplicates"). The signature is a MinHash of kNumHashes
// 32-bit values; the fraction of equal values estimates the Jaccard
// similarity of the feature sets. Candidates are found by LSH banding
// (kNumHashes / 2 bands of 2 rows) and need at least two colliding bands
// before their signatures are compared.
//
// Not thread-safe; owned by the EventStore's writer.
#ifndef DYAD_STORE_NEAR_DUPLICATE_INDEX_H_
#define DYAD_STORE_NEAR_DUPLICATE_INDEX_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "util/status.h"

namespace dyad {

struct NearDuplicateOptions {
  // Estimated Jaccard similarity at or above which two documents are copies
  // of one article (tuned on src/store/testdata/dedup, see doc/store.md).
  double threshold = 0.26;
  // Documents with fewer distinct content words get no signature: too short
  // to tell a copy from a templated report.
  size_t min_features = 40;
};

// A MinHash signature: kNumHashes values, or empty for "no signature".
using MinHashSignature = std::vector<uint32_t>;

class NearDuplicateIndex {
 public:
  static constexpr int kNumHashes = 256;
  static constexpr int kRowsPerBand = 2;

  struct Match {
    std::string doc_id;
    std::string cluster_id;
    double similarity = 0;
  };

  explicit NearDuplicateIndex(NearDuplicateOptions options = {});

  const NearDuplicateOptions& options() const { return options_; }

  // The signature of `text`; empty when it has fewer than
  // options().min_features content words.
  MinHashSignature Sign(std::string_view text) const;

  // The distinct content words of `text` (what Sign hashes), sorted.
  static std::vector<std::string> Features(std::string_view text);

  // Estimated Jaccard similarity of two signatures (0 if either is empty).
  static double Similarity(const MinHashSignature& a, const MinHashSignature& b);

  // The stored form (little-endian uint32 values) and back. Decode fails
  // with Corruption on a blob of the wrong size.
  static std::string Encode(const MinHashSignature& sig);
  static Result<MinHashSignature> Decode(std::string_view blob);

  // The indexed document most similar to `sig` with similarity at or above
  // the threshold (ties: the smaller cluster id, then doc id), or nullopt.
  std::optional<Match> FindMostSimilar(const MinHashSignature& sig) const;

  // Indexes a document (replacing an earlier entry with the same id). An
  // empty signature only removes the earlier entry.
  void Add(const std::string& doc_id, const std::string& cluster_id,
           MinHashSignature sig);
  // Forgets a document; no-op when unknown.
  void Remove(const std::string& doc_id);
  void Clear();
  // Indexed documents.
  size_t size() const { return by_id_.size(); }

 private:
  struct Entry {
    std::string doc_id;
    std::string cluster_id;
    MinHashSignature sig;  // empty once removed
  };
  static uint64_t BandKey(const MinHashSignature& sig, int band);

  NearDuplicateOptions options_;
  std::vector<Entry> entries_;
  std::unordered_map<std::string, uint32_t> by_id_;
  std::unordered_map<uint64_t, std::vector<uint32_t>> buckets_;
  // Scratch for FindMostSimilar: band hits per entry.
  mutable std::vector<uint8_t> hits_;
  mutable std::vector<uint32_t> touched_;
};

}  // namespace dyad

#endif  // DYAD_STORE_NEAR_DUPLICATE_INDEX_H_
