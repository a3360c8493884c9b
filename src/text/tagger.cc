#include "text/tagger.h"

#include <xxhash.h>
#include <zstd.h>

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>
#include <fstream>
#include <sstream>

#include "util/file.h"
#include "util/paths.h"

namespace dyad {
namespace tagger_internal {
namespace {

constexpr char kMagic[8] = {'D', 'Y', 'A', 'D', 'P', 'O', 'S', '1'};
constexpr uint32_t kFormatVersion = 1;
constexpr size_t kHeaderSize = 8 + 4 + 4 + 8 + 8;
// Refuse absurd sizes from a damaged header before allocating.
constexpr uint64_t kMaxRawSize = uint64_t{1} << 31;

// Feature template ids; part of the model format (changing them means
// retraining).
enum Template : uint64_t {
  kBias = 1, kNorm, kSuf1, kSuf2, kSuf3, kSuf4, kPre1, kShape, kFlags,
  kPrevNorm, kPrev2Norm, kNextNorm, kNext2Norm, kNextSuf3, kPrevSuf3,
  kLexTop, kLexTags, kNextLexTags, kPrevLexTags, kLexTopFlags, kPrevNormNorm,
  kNextShape, kPrevShape, kNormNextNorm, kForm, kNextLexTop, kSuf3Flags,
  kNextBigram, kWordNet, kNextWordNet, kPrevWordNet,
  kPrevTag = 40, kPrevTags, kPrevTagNorm, kPrevTagLex,
};

constexpr uint64_t kGolden = 0x9E3779B97F4A7C15ULL;

inline uint64_t Finalize(uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return x;
}

// Combines a template id with value hashes into a non-zero feature key.
inline uint64_t MixKey(uint64_t t, uint64_t v) {
  const uint64_t x = Finalize(v + t * kGolden);
  return x == 0 ? 1 : x;
}
inline uint64_t Pair(uint64_t a, uint64_t b) {
  return Finalize(a * 0xff51afd7ed558ccdULL + b);
}

// Flag bits for WordInfo::flags.
constexpr uint64_t kInitCap = 1, kAllCaps = 2, kHasDigit = 4, kHasHyphen = 8,
                   kFirst = 16, kLexViaLower = 32, kHasPeriod = 64,
                   kHasLower = 128, kNoLetters = 256;

// Little-endian append/read helpers for the payload.
template <typename T>
void Put(std::string* out, T v) {
  char buf[sizeof(T)];
  std::memcpy(buf, &v, sizeof(T));
  if constexpr (std::endian::native == std::endian::big) {
    std::reverse(buf, buf + sizeof(T));
  }
  out->append(buf, sizeof(T));
}

class Reader {
 public:
  explicit Reader(std::string_view data) : data_(data) {}
  template <typename T>
  bool Get(T* v) {
    if (data_.size() - pos_ < sizeof(T)) return false;
    char buf[sizeof(T)];
    std::memcpy(buf, data_.data() + pos_, sizeof(T));
    if constexpr (std::endian::native == std::endian::big) {
      std::reverse(buf, buf + sizeof(T));
    }
    std::memcpy(v, buf, sizeof(T));
    pos_ += sizeof(T);
    return true;
  }
  bool GetCount(uint32_t* n, size_t min_bytes_each) {
    if (!Get(n)) return false;
    return uint64_t{*n} * min_bytes_each <= data_.size() - pos_;
  }
  bool done() const { return pos_ == data_.size(); }

 private:
  std::string_view data_;
  size_t pos_ = 0;
};

uint64_t HashBytes(const char* p, size_t n, uint64_t seed) {
  return XXH3_64bits_withSeed(p, n, seed);
}

}  // namespace

KeyIndex::KeyIndex(std::span<const uint64_t> keys) {
  size_t cap = 16;
  while (cap < keys.size() * 2) cap <<= 1;
  slots_.assign(cap, Entry{0, 0});
  mask_ = cap - 1;
  size_ = keys.size();
  for (size_t i = 0; i < keys.size(); ++i) {
    assert(keys[i] != 0);
    size_t slot = Slot(keys[i]);
    while (slots_[slot].key != 0) {
      assert(slots_[slot].key != keys[i] && "duplicate key");
      slot = (slot + 1) & mask_;
    }
    slots_[slot] = Entry{keys[i], static_cast<uint32_t>(i)};
  }
}

uint64_t WordKey(std::string_view word) {
  const uint64_t h = XXH3_64bits(word.data(), word.size());
  return h == 0 ? 1 : h;
}

void LexLookup::Apply(WordInfo* info) const {
  uint32_t i = index_->Find(info->form);
  if (i == KeyIndex::kMissing && info->lower != 0) {
    i = index_->Find(info->lower);
    if (i != KeyIndex::kMissing) info->flags |= kLexViaLower;
  }
  const LexEntry entry =
      i == KeyIndex::kMissing ? LexEntry() : (*entries_)[i];
  info->lex_top = entry.top + 1;
  info->lex_tags = Finalize(entry.tags + 3);
  const uint32_t k =
      wn_index_->Find(info->lower != 0 ? info->lower : info->form);
  info->wn = Finalize((k == KeyIndex::kMissing ? 0 : (*wn_classes_)[k] + 1) +
                      (uint64_t{7} << 40));
}

void ComputeWordInfo(std::string_view word, size_t pos, const LexLookup& lex,
                     WordInfo* info) {
  ComputeWordHashes(word, pos, info);
  lex.Apply(info);
}

void ComputeWordHashes(std::string_view word, size_t pos, WordInfo* info) {
  // Normalised form: ASCII lower case with digits folded to '0', so that
  // numbers and years share statistics. Long tokens (URLs) keep their tail,
  // which is what the suffix features look at.
  char norm[64];
  char lower[64];
  bool has_upper = false;
  const size_t skip = word.size() > sizeof(norm) ? word.size() - sizeof(norm) : 0;
  const size_t len = word.size() - skip;
  char shape[16];
  size_t shape_len = 0;
  uint64_t flags = pos == 0 ? kFirst : 0;
  bool all_upper = true, any_letter = false;
  for (size_t k = 0; k < word.size(); ++k) {
    const unsigned char c = static_cast<unsigned char>(word[k]);
    char n = static_cast<char>(c);
    char s;
    if (c >= 'A' && c <= 'Z') {
      n = static_cast<char>(c - 'A' + 'a');
      s = 'X';
      any_letter = true;
      has_upper = true;
    } else if (c >= 'a' && c <= 'z') {
      s = 'x';
      all_upper = false;
      any_letter = true;
      flags |= kHasLower;
    } else if (c >= '0' && c <= '9') {
      n = '0';
      s = 'd';
      flags |= kHasDigit;
    } else if (c >= 0x80) {
      s = c >= 0xc0 ? 'u' : 0;  // one shape char per non-ASCII code point
      any_letter = true;
      all_upper = false;
    } else {
      s = static_cast<char>(c);
      if (c == '-') flags |= kHasHyphen;
      if (c == '.') flags |= kHasPeriod;
    }
    if (k >= skip) {
      norm[k - skip] = n;
      lower[k - skip] = c >= '0' && c <= '9' ? static_cast<char>(c) : n;
    }
    // Runs of one shape class longer than two collapse ("Xxx", "dd").
    if (s != 0 && shape_len < sizeof(shape) &&
        !(shape_len >= 2 && shape[shape_len - 1] == s &&
          shape[shape_len - 2] == s)) {
      shape[shape_len++] = s;
    }
  }
  const unsigned char first = word.empty() ? 0 : word[0];
  if (first >= 'A' && first <= 'Z') flags |= kInitCap;
  if (any_letter && all_upper && word.size() > 1) flags |= kAllCaps;
  if (!any_letter) flags |= kNoLetters;

  info->form = WordKey(word);
  info->norm = HashBytes(norm, len, word.size());
  for (size_t k = 1; k <= 4; ++k) {
    info->suffix[k - 1] =
        len >= k ? HashBytes(norm + len - k, k, k) : kGolden * (k + 7);
  }
  info->prefix1 = word.empty() ? 0 : Finalize(static_cast<unsigned char>(
                                         skip ? word[0] | 0x20 : norm[0]) + 1);
  info->shape = HashBytes(shape, shape_len, 5);
  // Over-long tokens are not in the lexicon; they get no lower-case key.
  info->lower = has_upper && skip == 0 ? WordKey(std::string_view(lower, len))
                                       : 0;
  info->flags = flags;
  info->lex_top = info->lex_tags = info->wn = 0;
}

WordInfo BoundaryInfo(bool before, int distance) {
  WordInfo w;
  const uint64_t v = Finalize((before ? 1000 : 2000) + distance);
  w.form = w.lower = w.wn = w.norm = w.prefix1 = w.shape = w.flags = w.lex_top = w.lex_tags = v;
  for (auto& s : w.suffix) s = v;
  return w;
}

int StaticFeatures(const WordInfo* ctx, uint64_t* out) {
  const WordInfo& w = ctx[0];
  const WordInfo& p1 = ctx[-1];
  const WordInfo& p2 = ctx[-2];
  const WordInfo& n1 = ctx[1];
  const WordInfo& n2 = ctx[2];
  int n = 0;
  out[n++] = MixKey(kBias, 0);
  out[n++] = MixKey(kNorm, w.norm);
  out[n++] = MixKey(kForm, w.form);
  out[n++] = MixKey(kSuf1, w.suffix[0]);
  out[n++] = MixKey(kSuf2, w.suffix[1]);
  out[n++] = MixKey(kSuf3, w.suffix[2]);
  out[n++] = MixKey(kSuf4, w.suffix[3]);
  out[n++] = MixKey(kPre1, w.prefix1);
  out[n++] = MixKey(kShape, w.shape);
  out[n++] = MixKey(kFlags, w.flags);
  out[n++] = MixKey(kPrevNorm, p1.norm);
  out[n++] = MixKey(kPrev2Norm, p2.norm);
  out[n++] = MixKey(kNextNorm, n1.norm);
  out[n++] = MixKey(kNext2Norm, n2.norm);
  out[n++] = MixKey(kNextSuf3, n1.suffix[2]);
  out[n++] = MixKey(kPrevSuf3, p1.suffix[2]);
  out[n++] = MixKey(kLexTop, w.lex_top);
  out[n++] = MixKey(kLexTags, w.lex_tags);
  out[n++] = MixKey(kNextLexTags, n1.lex_tags);
  out[n++] = MixKey(kPrevLexTags, p1.lex_tags);
  out[n++] = MixKey(kNextLexTop, n1.lex_top);
  out[n++] = MixKey(kLexTopFlags, Pair(w.lex_top, w.flags));
  out[n++] = MixKey(kPrevNormNorm, Pair(p1.norm, w.norm));
  out[n++] = MixKey(kNormNextNorm, Pair(w.norm, n1.norm));
  out[n++] = MixKey(kNextShape, n1.shape);
  out[n++] = MixKey(kPrevShape, p1.shape);
  out[n++] = MixKey(kSuf3Flags, Pair(w.suffix[2], w.flags));
  out[n++] = MixKey(kNextBigram, Pair(n1.norm, n2.norm));
  out[n++] = MixKey(kWordNet, w.wn);
  out[n++] = MixKey(kNextWordNet, n1.wn);
  out[n++] = MixKey(kPrevWordNet, p1.wn);
  return n;
}

int DynamicFeatures(const WordInfo& w, int prev, int prev2, uint64_t* out) {
  const uint64_t p = static_cast<uint64_t>(prev) + 1;
  const uint64_t pp = p * 32 + static_cast<uint64_t>(prev2) + 1;
  out[0] = MixKey(kPrevTag, p);
  out[1] = MixKey(kPrevTags, pp);
  out[2] = MixKey(kPrevTagNorm, Pair(p, w.norm));
  out[3] = MixKey(kPrevTagLex, Pair(p, w.lex_tags));
  return 4;
}

std::string SerializeModel(const ModelData& m) {
  std::string raw;
  Put<uint32_t>(&raw, static_cast<uint32_t>(m.tagdict_keys.size()));
  for (uint64_t k : m.tagdict_keys) Put(&raw, k);
  for (uint8_t t : m.tagdict_tags) Put(&raw, t);
  Put<uint32_t>(&raw, static_cast<uint32_t>(m.lex_keys.size()));
  for (uint64_t k : m.lex_keys) Put(&raw, k);
  for (const LexEntry& e : m.lex_entries) Put(&raw, e.top);
  for (const LexEntry& e : m.lex_entries) Put(&raw, e.tags);
  Put<uint32_t>(&raw, static_cast<uint32_t>(m.wordnet_keys.size()));
  for (uint64_t k : m.wordnet_keys) Put(&raw, k);
  for (uint16_t c : m.wordnet_classes) Put(&raw, c);
  const size_t nf = m.feature_keys.size();
  Put<uint32_t>(&raw, static_cast<uint32_t>(nf));
  // Sorted keys are stored as deltas: their high bytes then compress.
  uint64_t last = 0;
  for (uint64_t k : m.feature_keys) {
    Put<uint64_t>(&raw, k - last);
    last = k;
  }
  // Per feature: a bit set of the non-zero classes, then those weights.
  for (size_t f = 0; f < nf; ++f) {
    uint32_t bits = 0;
    for (int c = 0; c < kNumUpos; ++c) {
      if (m.weights[f * kNumUpos + c] != 0.0f) bits |= 1u << c;
    }
    Put<uint32_t>(&raw, bits);
    for (int c = 0; c < kNumUpos; ++c) {
      if (bits >> c & 1) Put<float>(&raw, m.weights[f * kNumUpos + c]);
    }
  }

  std::string out(kMagic, sizeof(kMagic));
  Put<uint32_t>(&out, kFormatVersion);
  Put<uint32_t>(&out, kNumUpos);
  Put<uint64_t>(&out, raw.size());
  Put<uint64_t>(&out, XXH64(raw.data(), raw.size(), 0));
  std::string packed(ZSTD_compressBound(raw.size()), '\0');
  const size_t n = ZSTD_compress(packed.data(), packed.size(), raw.data(),
                                 raw.size(), 19);
  assert(!ZSTD_isError(n));
  packed.resize(n);
  out += packed;
  return out;
}

Result<ModelData> ParseModel(std::string_view bytes, const std::string& name) {
  auto corrupt = [&](const std::string& why) {
    return CorruptionError(name + ": bad tagger model: " + why);
  };
  if (bytes.size() < kHeaderSize ||
      std::memcmp(bytes.data(), kMagic, sizeof(kMagic)) != 0) {
    return corrupt("missing magic header");
  }
  Reader header(bytes.substr(sizeof(kMagic), kHeaderSize - sizeof(kMagic)));
  uint32_t version = 0, num_tags = 0;
  uint64_t raw_size = 0, checksum = 0;
  header.Get(&version);
  header.Get(&num_tags);
  header.Get(&raw_size);
  header.Get(&checksum);
  if (version != kFormatVersion) {
    return corrupt("unsupported version " + std::to_string(version));
  }
  if (num_tags != kNumUpos) return corrupt("tag set size mismatch");
  if (raw_size > kMaxRawSize) return corrupt("implausible size");
  std::string raw(raw_size, '\0');
  const std::string_view packed = bytes.substr(kHeaderSize);
  const size_t n =
      ZSTD_decompress(raw.data(), raw.size(), packed.data(), packed.size());
  if (ZSTD_isError(n) || n != raw_size) return corrupt("compressed data");
  if (XXH64(raw.data(), raw.size(), 0) != checksum) {
    return corrupt("checksum mismatch");
  }

  ModelData m;
  Reader r(raw);
  uint32_t count = 0;
  if (!r.GetCount(&count, 9)) return corrupt("tag dictionary");
  m.tagdict_keys.resize(count);
  m.tagdict_tags.resize(count);
  for (auto& k : m.tagdict_keys) r.Get(&k);
  for (auto& t : m.tagdict_tags) {
    r.Get(&t);
    if (t >= kNumUpos) return corrupt("tag out of range");
  }
  if (!r.GetCount(&count, 17)) return corrupt("lexicon");
  m.lex_keys.resize(count);
  m.lex_entries.resize(count);
  for (auto& k : m.lex_keys) r.Get(&k);
  for (auto& e : m.lex_entries) r.Get(&e.top);
  for (auto& e : m.lex_entries) r.Get(&e.tags);
  if (!r.GetCount(&count, 10)) return corrupt("word classes");
  m.wordnet_keys.resize(count);
  m.wordnet_classes.resize(count);
  for (auto& k : m.wordnet_keys) r.Get(&k);
  for (auto& c : m.wordnet_classes) r.Get(&c);
  if (!r.GetCount(&count, 12)) return corrupt("features");
  m.feature_keys.resize(count);
  uint64_t last = 0;
  for (auto& k : m.feature_keys) {
    uint64_t delta = 0;
    r.Get(&delta);
    k = last + delta;
    if (k == 0 || (delta == 0 && &k != &m.feature_keys[0])) {
      return corrupt("feature keys not strictly ascending");
    }
    last = k;
  }
  m.weights.assign(size_t{count} * kNumUpos, 0.0f);
  for (size_t f = 0; f < count; ++f) {
    uint32_t bits = 0;
    if (!r.Get(&bits) || bits >> kNumUpos != 0) return corrupt("weight row");
    for (int c = 0; c < kNumUpos; ++c) {
      if ((bits >> c & 1) && !r.Get(&m.weights[f * kNumUpos + c])) {
        return corrupt("truncated weights");
      }
    }
  }
  if (!r.done()) return corrupt("trailing bytes");
  for (const auto* keys : {&m.tagdict_keys, &m.lex_keys, &m.wordnet_keys}) {
    std::vector<uint64_t> sorted = *keys;
    std::sort(sorted.begin(), sorted.end());
    if (std::adjacent_find(sorted.begin(), sorted.end()) != sorted.end() ||
        (!sorted.empty() && sorted[0] == 0)) {
      return corrupt("duplicate or zero word keys");
    }
  }
  return m;
}

}  // namespace tagger_internal

using tagger_internal::WordInfo;

std::unique_ptr<Tagger> Tagger::FromModel(tagger_internal::ModelData model) {
  std::unique_ptr<Tagger> t(new Tagger());
  t->model_ = std::move(model);
  t->features_ = tagger_internal::KeyIndex(t->model_.feature_keys);
  t->tagdict_ = tagger_internal::KeyIndex(t->model_.tagdict_keys);
  t->lex_ = tagger_internal::KeyIndex(t->model_.lex_keys);
  t->wordnet_ = tagger_internal::KeyIndex(t->model_.wordnet_keys);
  // Quantise: the largest weight maps to 32767, which leaves sums of the
  // (< 64) features of a token far from int32 overflow.
  float max_abs = 0.0f;
  for (float w : t->model_.weights) max_abs = std::max(max_abs, std::fabs(w));
  const float scale = max_abs > 0.0f ? 32767.0f / max_abs : 1.0f;
  const size_t num_rows = t->model_.feature_keys.size();
  t->rows_.assign(num_rows, Row{});
  for (size_t r = 0; r < num_rows; ++r) {
    for (int c = 0; c < kNumUpos; ++c) {
      t->rows_[r].w[c] = static_cast<int16_t>(
          std::lround(t->model_.weights[r * kNumUpos + c] * scale));
    }
  }
  // Keys and float weights were only needed to build the index and rows.
  std::vector<uint64_t>().swap(t->model_.feature_keys);
  std::vector<float>().swap(t->model_.weights);
  return t;
}

Result<std::unique_ptr<Tagger>> Tagger::Load(const std::string& path) {
  DYAD_ASSIGN_OR_RETURN(std::string bytes, ReadFileToString(path));
  DYAD_ASSIGN_OR_RETURN(tagger_internal::ModelData model,
                        tagger_internal::ParseModel(bytes, path));
  return FromModel(std::move(model));
}

Result<std::unique_ptr<Tagger>> Tagger::LoadDefault() {
  return Load(DataPath(std::string("models/") + kDefaultTaggerModel));
}

namespace {
constexpr size_t kChunk = 256;  // words tagged with stack-only scratch
}  // namespace

void Tagger::Tag(std::span<const std::string_view> words,
                 std::span<Upos> tags) const {
  assert(words.size() == tags.size());
  if (words.size() <= kChunk) {
    WordInfo info[kChunk + 4];
    TagChunk(words, tags, info);
  } else {
    std::vector<WordInfo> info(words.size() + 4);
    TagChunk(words, tags, info.data());
  }
}

void Tagger::TagChunk(std::span<const std::string_view> words,
                      std::span<Upos> tags, WordInfo* info) const {
  using tagger_internal::KeyIndex;
  using tagger_internal::kMaxDynamicFeatures;
  using tagger_internal::kMaxStaticFeatures;
  const size_t n = words.size();
  const tagger_internal::LexLookup lex(&lex_, &model_.lex_entries, &wordnet_,
                                      &model_.wordnet_classes);
  info[0] = tagger_internal::BoundaryInfo(true, 2);
  info[1] = tagger_internal::BoundaryInfo(true, 1);
  info[n + 2] = tagger_internal::BoundaryInfo(false, 1);
  info[n + 3] = tagger_internal::BoundaryInfo(false, 2);
  // Tagging is bound by cache misses in the hash tables, so each stage
  // issues prefetches for a batch before it reads any of them.
  for (size_t i = 0; i < n; ++i) {
    WordInfo* w = &info[i + 2];
    tagger_internal::ComputeWordHashes(words[i], i, w);
    lex_.Prefetch(w->form);
    if (w->lower != 0) lex_.Prefetch(w->lower);
    wordnet_.Prefetch(w->lower != 0 ? w->lower : w->form);
    tagdict_.Prefetch(w->form);
  }
  for (size_t i = 0; i < n; ++i) lex.Apply(&info[i + 2]);

  const Row* weights = rows_.data();
  constexpr size_t kWindow = 8;
  uint64_t feats[kWindow][kMaxStaticFeatures];
  const Row* rows[kWindow][kMaxStaticFeatures];
  int num_feats[kWindow];
  int dict_tag[kWindow];
  int prev = kNumUpos, prev2 = kNumUpos;
  for (size_t i0 = 0; i0 < n; i0 += kWindow) {
    const size_t m = std::min(kWindow, n - i0);
    for (size_t t = 0; t < m; ++t) {
      const WordInfo* w = &info[i0 + t + 2];
      const uint32_t d = tagdict_.Find(w->form);
      dict_tag[t] = d == KeyIndex::kMissing ? -1 : model_.tagdict_tags[d];
      num_feats[t] = 0;
      if (dict_tag[t] >= 0) continue;
      num_feats[t] = tagger_internal::StaticFeatures(w, feats[t]);
      for (int f = 0; f < num_feats[t]; ++f) features_.Prefetch(feats[t][f]);
    }
    for (size_t t = 0; t < m; ++t) {
      for (int f = 0; f < num_feats[t]; ++f) {
        const uint32_t row = features_.Find(feats[t][f]);
        if (row == KeyIndex::kMissing) {
          rows[t][f] = nullptr;
          continue;
        }
        const Row* r = weights + row;
        __builtin_prefetch(r);
        rows[t][f] = r;
      }
    }
    for (size_t t = 0; t < m; ++t) {
      const size_t i = i0 + t;
      int best = dict_tag[t];
      if (best < 0) {
        // All 32 lanes are summed (the padding is zero) so that the loop
        // vectorises.
        int32_t scores[32] = {};
        for (int f = 0; f < num_feats[t]; ++f) {
          if (rows[t][f] == nullptr) continue;
          const int16_t* __restrict r = rows[t][f]->w;
          for (int c = 0; c < 32; ++c) scores[c] += r[c];
        }
        uint64_t dyn[kMaxDynamicFeatures];
        const int nd = tagger_internal::DynamicFeatures(info[i + 2], prev,
                                                        prev2, dyn);
        for (int f = 0; f < nd; ++f) {
          const uint32_t row = features_.Find(dyn[f]);
          if (row == KeyIndex::kMissing) continue;
          const int16_t* __restrict r = weights[row].w;
          for (int c = 0; c < 32; ++c) scores[c] += r[c];
        }
        // Ties go to the lowest tag id, as in training.
        best = 0;
        for (int c = 1; c < kNumUpos; ++c) {
          if (scores[c] > scores[best]) best = c;
        }
      }
      tags[i] = static_cast<Upos>(best);
      prev2 = prev;
      prev = best;
    }
  }
}

std::string FoldPunctuation(std::string_view word) {
  static constexpr std::pair<std::string_view, std::string_view> kFolds[] = {
      {"\u2018", "'"}, {"\u2019", "'"}, {"\u201a", "'"}, {"\u201b", "'"},
      {"\u201c", "\""}, {"\u201d", "\""}, {"\u201e", "\""}, {"\u201f", "\""},
      {"\u2013", "-"}, {"\u2014", "-"}, {"\u2012", "-"}, {"\u2212", "-"},
      {"\u00ab", "\""}, {"\u00bb", "\""}, {"\u2032", "'"}, {"\u2033", "\""},
  };
  std::string out;
  out.reserve(word.size());
  for (size_t i = 0; i < word.size();) {
    bool folded = false;
    if (static_cast<unsigned char>(word[i]) >= 0x80) {
      for (const auto& [from, to] : kFolds) {
        if (word.substr(i, from.size()) == from) {
          out += to;
          i += from.size();
          folded = true;
          break;
        }
      }
    }
    if (!folded) out += word[i++];
  }
  return out;
}

namespace {

std::vector<std::string_view> SplitTabs(std::string_view line) {
  std::vector<std::string_view> cols;
  size_t start = 0;
  while (true) {
    const size_t tab = line.find('\t', start);
    cols.push_back(line.substr(start, tab - start));
    if (tab == std::string_view::npos) break;
    start = tab + 1;
  }
  return cols;
}

// Shared reader for both formats; CoNLL-U skips comments and non-integer ids.
Result<std::vector<TaggedSentence>> ReadTagged(const std::string& path,
                                               bool conllu) {
  DYAD_ASSIGN_OR_RETURN(std::string text, ReadFileToString(path));
  std::vector<TaggedSentence> out;
  TaggedSentence cur;
  size_t line_no = 0;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string::npos) end = text.size();
    std::string_view line(text.data() + pos, end - pos);
    pos = end + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) {
      if (!cur.words.empty()) out.push_back(std::move(cur));
      cur = TaggedSentence();
      continue;
    }
    if (conllu && line[0] == '#') continue;
    const auto cols = SplitTabs(line);
    const size_t form_col = conllu ? 1 : 0, tag_col = conllu ? 3 : 1;
    if (cols.size() <= tag_col || (conllu && cols.size() < 10)) {
      return CorruptionError(path + ":" + std::to_string(line_no) +
                             ": too few columns");
    }
    if (conllu && cols[0].find_first_of("-.") != std::string_view::npos) {
      continue;  // multiword-token range or empty node
    }
    Upos tag;
    if (!ParseUpos(cols[tag_col], &tag)) {
      return CorruptionError(path + ":" + std::to_string(line_no) +
                             ": unknown UPOS '" + std::string(cols[tag_col]) +
                             "'");
    }
    cur.words.push_back(FoldPunctuation(cols[form_col]));
    cur.tags.push_back(tag);
  }
  if (!cur.words.empty()) out.push_back(std::move(cur));
  return out;
}

}  // namespace

Result<std::vector<TaggedSentence>> ReadUposTsv(const std::string& path) {
  return ReadTagged(path, /*conllu=*/false);
}

Result<std::vector<TaggedSentence>> ReadConllu(const std::string& path) {
  return ReadTagged(path, /*conllu=*/true);
}

TaggerEval Evaluate(const Tagger& tagger,
                    std::span<const TaggedSentence> sentences) {
  TaggerEval eval;
  std::vector<std::string_view> words;
  std::vector<Upos> tags;
  for (const TaggedSentence& s : sentences) {
    words.assign(s.words.begin(), s.words.end());
    tags.resize(words.size());
    tagger.Tag(words, tags);
    for (size_t i = 0; i < tags.size(); ++i) {
      eval.correct += tags[i] == s.tags[i];
    }
    eval.tokens += tags.size();
  }
  eval.accuracy =
      eval.tokens == 0 ? 0.0 : static_cast<double>(eval.correct) / eval.tokens;
  return eval;
}

Result<TaggerEval> EvaluateConllu(const Tagger& tagger,
                                  const std::string& path) {
  DYAD_ASSIGN_OR_RETURN(std::vector<TaggedSentence> sentences,
                        ReadConllu(path));
  return Evaluate(tagger, sentences);
}

}  // namespace dyad
