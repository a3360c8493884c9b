#include "store/near_duplicate_index.h"

#include <xxhash.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <limits>
#include <tuple>
#include <string_view>
#include <unordered_set>

namespace dyad {
namespace {

constexpr int kNumBands =
    NearDuplicateIndex::kNumHashes / NearDuplicateIndex::kRowsPerBand;
// Candidates must collide in this many bands: at Jaccard 0.29 (the least
// similar known copy) 2-row bands collide 10.8 times on average, unrelated
// articles (Jaccard ~0.05) 0.3 times.
constexpr int kMinBandHits = 2;
// Bands whose bucket holds more documents than this are not scanned: such
// values are shared by a template (earnings tables, bond notices), and a
// real copy still collides in its other bands.
constexpr size_t kMaxBucketScan = 256;

// Function-word stop list: words every article shares say nothing about
// which story it tells.
constexpr std::string_view kStopWords[] = {
    "about", "after", "again", "against", "all", "also", "am", "an", "and",
    "any", "are", "as", "at", "be", "because", "been", "before", "being",
    "between", "both", "but", "by", "can", "could", "did", "do", "does",
    "doing", "down", "during", "each", "few", "for", "from", "further",
    "had", "has", "have", "he", "her", "here", "his", "if", "in", "into",
    "is", "it", "its", "just", "may", "might", "more", "most", "no", "nor",
    "not", "of", "on", "once", "only", "or", "other", "our", "out", "over",
    "own", "said", "same", "say", "says", "she", "should", "so", "some",
    "such", "than", "that", "the", "their", "them", "then", "there",
    "these", "they", "this", "those", "to", "under", "until", "up", "very",
    "was", "we", "were", "what", "when", "where", "which", "while", "who",
    "whom", "will", "with", "within", "without", "would", "you",
};

bool IsStopWord(std::string_view w) {
  static const std::unordered_set<std::string_view> kSet(
      std::begin(kStopWords), std::end(kStopWords));
  return kSet.contains(w);
}

// Multipliers and offsets of the kNumHashes multiply-shift hash functions,
// from splitmix64 with a fixed seed: stored signatures stay comparable
// across builds, so these must never change.
struct HashFamily {
  std::array<uint64_t, NearDuplicateIndex::kNumHashes> mul, add;
  HashFamily() {
    uint64_t x = 0x9e3779b97f4a7c15ULL;
    auto next = [&x] {
      x += 0x9e3779b97f4a7c15ULL;
      uint64_t z = x;
      z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
      z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
      return z ^ (z >> 31);
    };
    for (int i = 0; i < NearDuplicateIndex::kNumHashes; ++i) {
      mul[i] = next() | 1;
      add[i] = next();
    }
  }
};

const HashFamily& Family() {
  static const HashFamily kFamily;
  return kFamily;
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

bool IsWordByte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9') || c >= 0x80;
}

// Calls f(word) for every lowercased content word of `text`.
template <typename F>
void ForEachContentWord(std::string_view text, F&& f) {
  std::string word;
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && !IsWordByte(text[i])) ++i;
    word.clear();
    while (i < text.size()) {
      char c = text[i];
      // "1.19" and "807,000" stay one token: their parts ("19", "000") are
      // shared by unrelated reports.
      const bool in_number = (c == '.' || c == ',') && !word.empty() &&
                             IsDigit(word.back()) && i + 1 < text.size() &&
                             IsDigit(text[i + 1]);
      if (!IsWordByte(c) && !in_number) break;
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      word.push_back(c);
      ++i;
    }
    if (word.size() >= 2 && !IsStopWord(word)) f(word);
  }
}

}  // namespace

NearDuplicateIndex::NearDuplicateIndex(NearDuplicateOptions options)
    : options_(options) {}

std::vector<std::string> NearDuplicateIndex::Features(std::string_view text) {
  std::vector<std::string> out;
  ForEachContentWord(text, [&](const std::string& w) { out.push_back(w); });
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

MinHashSignature NearDuplicateIndex::Sign(std::string_view text) const {
  std::vector<uint64_t> hashes;
  ForEachContentWord(text, [&](const std::string& w) {
    hashes.push_back(XXH3_64bits(w.data(), w.size()));
  });
  std::sort(hashes.begin(), hashes.end());
  hashes.erase(std::unique(hashes.begin(), hashes.end()), hashes.end());
  if (hashes.empty() || hashes.size() < options_.min_features) return {};
  const HashFamily& fam = Family();
  MinHashSignature sig(kNumHashes, std::numeric_limits<uint32_t>::max());
  for (uint64_t h : hashes) {
    for (int i = 0; i < kNumHashes; ++i) {
      const uint32_t v = static_cast<uint32_t>((h * fam.mul[i] + fam.add[i]) >> 32);
      sig[i] = std::min(sig[i], v);
    }
  }
  return sig;
}

double NearDuplicateIndex::Similarity(const MinHashSignature& a,
                                      const MinHashSignature& b) {
  if (a.size() != kNumHashes || b.size() != kNumHashes) return 0;
  int same = 0;
  for (int i = 0; i < kNumHashes; ++i) same += a[i] == b[i];
  return static_cast<double>(same) / kNumHashes;
}

std::string NearDuplicateIndex::Encode(const MinHashSignature& sig) {
  std::string out(sig.size() * 4, '\0');
  for (size_t i = 0; i < sig.size(); ++i) {
    for (int b = 0; b < 4; ++b) {
      out[i * 4 + b] = static_cast<char>((sig[i] >> (8 * b)) & 0xff);
    }
  }
  return out;
}

Result<MinHashSignature> NearDuplicateIndex::Decode(std::string_view blob) {
  if (blob.size() != static_cast<size_t>(kNumHashes) * 4) {
    return CorruptionError("minhash signature of " +
                           std::to_string(blob.size()) + " bytes, expected " +
                           std::to_string(kNumHashes * 4));
  }
  MinHashSignature sig(kNumHashes);
  for (int i = 0; i < kNumHashes; ++i) {
    uint32_t v = 0;
    for (int b = 0; b < 4; ++b) {
      v |= static_cast<uint32_t>(static_cast<unsigned char>(blob[i * 4 + b]))
           << (8 * b);
    }
    sig[i] = v;
  }
  return sig;
}

uint64_t NearDuplicateIndex::BandKey(const MinHashSignature& sig, int band) {
  static_assert(kRowsPerBand == 2);
  // The values are already uniform hashes: packing them with the band
  // number and one mixing step is enough (the keys never leave memory).
  uint64_t z = (static_cast<uint64_t>(sig[band * 2]) << 32) |
               sig[band * 2 + 1];
  z ^= static_cast<uint64_t>(band) * 0x9e3779b97f4a7c15ULL;
  z = (z ^ (z >> 31)) * 0xbf58476d1ce4e5b9ULL;
  return z ^ (z >> 29);
}

std::optional<NearDuplicateIndex::Match> NearDuplicateIndex::FindMostSimilar(
    const MinHashSignature& sig) const {
  if (sig.size() != kNumHashes) return std::nullopt;
  hits_.resize(entries_.size());
  touched_.clear();
  for (int band = 0; band < kNumBands; ++band) {
    auto it = buckets_.find(BandKey(sig, band));
    if (it == buckets_.end() || it->second.size() > kMaxBucketScan) continue;
    for (uint32_t e : it->second) {
      if (hits_[e] == 0) touched_.push_back(e);
      if (hits_[e] < 255) ++hits_[e];
    }
  }
  const Entry* best = nullptr;
  double best_sim = 0;
  for (uint32_t e : touched_) {
    const bool enough = hits_[e] >= kMinBandHits;
    hits_[e] = 0;
    const Entry& entry = entries_[e];
    if (!enough || entry.sig.empty()) continue;
    const double sim = Similarity(sig, entry.sig);
    if (sim < options_.threshold) continue;
    if (best == nullptr || sim > best_sim ||
        (sim == best_sim &&
         std::tie(entry.cluster_id, entry.doc_id) <
             std::tie(best->cluster_id, best->doc_id))) {
      best = &entry;
      best_sim = sim;
    }
  }
  if (best == nullptr) return std::nullopt;
  return Match{best->doc_id, best->cluster_id, best_sim};
}

void NearDuplicateIndex::Add(const std::string& doc_id,
                             const std::string& cluster_id,
                             MinHashSignature sig) {
  Remove(doc_id);
  if (sig.size() != kNumHashes) return;
  const uint32_t slot = static_cast<uint32_t>(entries_.size());
  for (int band = 0; band < kNumBands; ++band) {
    buckets_[BandKey(sig, band)].push_back(slot);
  }
  entries_.push_back(Entry{doc_id, cluster_id, std::move(sig)});
  by_id_[doc_id] = slot;
}

void NearDuplicateIndex::Remove(const std::string& doc_id) {
  auto it = by_id_.find(doc_id);
  if (it == by_id_.end()) return;
  // The slot stays in its buckets; an empty signature never matches.
  entries_[it->second].sig.clear();
  entries_[it->second].sig.shrink_to_fit();
  by_id_.erase(it);
}

void NearDuplicateIndex::Clear() {
  entries_.clear();
  by_id_.clear();
  buckets_.clear();
  hits_.clear();
  touched_.clear();
}

}  // namespace dyad
