#include "text/tagger_trainer.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <random>
#include <unordered_map>

#include "util/file.h"

namespace dyad {
namespace {

using tagger_internal::KeyIndex;
using tagger_internal::LexEntry;
using tagger_internal::ModelData;
using tagger_internal::WordInfo;

// Penn tags of the festival lexicon; a tag's position is its bit in
// LexEntry::tags (part of the model's meaning: append only).
constexpr std::string_view kPennTags[] = {
    "nn",  "nns", "nnp", "nnps", "jj",  "jjr",  "jjs", "vb",  "vbd",
    "vbg", "vbn", "vbp", "vbz",  "rb",  "rbr",  "rbs", "in",  "cd",
    "prp", "prp$", "dt", "pdt",  "cc",  "md",   "to",  "rp",  "uh",
    "wdt", "wp",  "wp$", "wrb",  "pos", "ex",   "fw",  "ls",  "sym",
    "punc",
};
constexpr int kOtherPennTag = 63;

int PennTagIndex(std::string_view tag) {
  for (size_t i = 0; i < std::size(kPennTags); ++i) {
    if (kPennTags[i] == tag) return static_cast<int>(i);
  }
  return kOtherPennTag;
}

// Perceptron weights during training, with lazily updated sums for averaging.
class Weights {
 public:
  void Score(const uint64_t* feats, int n, float* scores) const {
    std::fill(scores, scores + kNumUpos, 0.0f);
    for (int f = 0; f < n; ++f) {
      auto it = index_.find(feats[f]);
      if (it == index_.end()) continue;
      const float* w = &w_[size_t{it->second} * kNumUpos];
      for (int c = 0; c < kNumUpos; ++c) scores[c] += w[c];
    }
  }
  // Moves weight from `guess` to `truth` for each feature at step `now`.
  void Update(const uint64_t* feats, int n, int truth, int guess, int64_t now) {
    for (int f = 0; f < n; ++f) {
      auto [it, added] = index_.try_emplace(
          feats[f], static_cast<uint32_t>(keys_.size()));
      if (added) {
        keys_.push_back(feats[f]);
        w_.resize(w_.size() + kNumUpos, 0.0f);
        totals_.resize(totals_.size() + kNumUpos, 0.0);
        stamps_.resize(stamps_.size() + kNumUpos, 0);
      }
      const size_t row = size_t{it->second} * kNumUpos;
      Bump(row + truth, 1.0f, now);
      Bump(row + guess, -1.0f, now);
    }
  }
  // Averaged weights at step `now`, rows sorted by key, small ones pruned.
  void Average(int64_t now, float prune_below, ModelData* m) const {
    std::vector<uint32_t> order(keys_.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(),
              [&](uint32_t a, uint32_t b) { return keys_[a] < keys_[b]; });
    m->feature_keys.clear();
    m->weights.clear();
    for (uint32_t r : order) {
      float avg[kNumUpos];
      bool any = false;
      for (int c = 0; c < kNumUpos; ++c) {
        const size_t i = size_t{r} * kNumUpos + c;
        const double total = totals_[i] + double(now - stamps_[i]) * w_[i];
        float a = static_cast<float>(total / double(now));
        if (std::fabs(a) < prune_below) a = 0.0f;
        avg[c] = a;
        any |= a != 0.0f;
      }
      if (!any) continue;
      m->feature_keys.push_back(keys_[r]);
      m->weights.insert(m->weights.end(), avg, avg + kNumUpos);
    }
  }
  size_t size() const { return keys_.size(); }

 private:
  void Bump(size_t i, float delta, int64_t now) {
    totals_[i] += double(now - stamps_[i]) * w_[i];
    stamps_[i] = now;
    w_[i] += delta;
  }
  std::unordered_map<uint64_t, uint32_t> index_;
  std::vector<uint64_t> keys_;
  std::vector<float> w_;
  std::vector<double> totals_;
  std::vector<int64_t> stamps_;
};

// Portable Fisher-Yates (std::shuffle's algorithm is unspecified).
void Shuffle(std::vector<uint32_t>* v, std::mt19937* rng) {
  for (size_t i = v->size(); i > 1; --i) {
    const size_t j = (*rng)() % i;
    std::swap((*v)[i - 1], (*v)[j]);
  }
}

}  // namespace

Status TaggerTrainer::LoadFestivalLexicon(const std::string& path) {
  DYAD_ASSIGN_OR_RETURN(std::string text, ReadFileToString(path));
  return AddFestivalLexicon(text, path);
}

Status TaggerTrainer::AddFestivalLexicon(std::string_view text,
                                         const std::string& name) {
  std::map<std::string, LexEntry> entries;
  size_t line_no = 0;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    ++line_no;
    if (line.empty() || line[0] != '(') continue;  // "MNCL" header etc.
    auto bad = [&](const char* why) {
      return CorruptionError(name + ":" + std::to_string(line_no) + ": " + why);
    };
    if (line.size() < 2 || line[1] != '"') return bad("expected (\"word\"");
    std::string word;
    size_t i = 2;
    for (; i < line.size() && line[i] != '"'; ++i) {
      if (line[i] == '\\' && i + 1 < line.size()) ++i;
      word += line[i];
    }
    if (i >= line.size()) return bad("unterminated word");
    // Then " ((tag logp) (tag logp) ... ) () )".
    const size_t open = line.find("((", i);
    if (open == std::string_view::npos) return bad("missing tag list");
    LexEntry entry;
    double best = -1e300;
    size_t p = open + 1;
    while (p < line.size() && line[p] == '(') {
      const size_t close = line.find(')', p);
      if (close == std::string_view::npos) return bad("unterminated tag");
      std::string_view item = line.substr(p + 1, close - p - 1);
      const size_t space = item.find(' ');
      if (space == std::string_view::npos) return bad("tag without score");
      const std::string_view tag = item.substr(0, space);
      const double score = std::strtod(std::string(item.substr(space + 1)).c_str(),
                                       nullptr);
      const int t = PennTagIndex(tag);
      entry.tags |= uint64_t{1} << t;
      if (score > best) {
        best = score;
        entry.top = static_cast<uint8_t>(t);
      }
      p = close + 1;
      while (p < line.size() && line[p] == ' ') ++p;
    }
    if (entry.tags == 0) continue;
    entries[word] = entry;
  }
  for (const auto& [word, entry] : entries) {
    lex_keys_.push_back(tagger_internal::WordKey(word));
    lex_entries_.push_back(entry);
  }
  // Re-adding a word keeps its last entry; keep keys unique and sorted so the
  // model bytes do not depend on load order.
  std::vector<uint32_t> order(lex_keys_.size());
  for (size_t k = 0; k < order.size(); ++k) order[k] = k;
  std::stable_sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
    return lex_keys_[a] < lex_keys_[b];
  });
  std::vector<uint64_t> keys;
  std::vector<LexEntry> vals;
  for (uint32_t k : order) {
    if (!keys.empty() && keys.back() == lex_keys_[k]) {
      vals.back() = lex_entries_[k];
      continue;
    }
    keys.push_back(lex_keys_[k]);
    vals.push_back(lex_entries_[k]);
  }
  lex_keys_ = std::move(keys);
  lex_entries_ = std::move(vals);
  return Status::Ok();
}

namespace {

bool IsVowel(char c) {
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

// Consonant-vowel-consonant ending (stop -> stopped): the final consonant
// may double. Over-generation is harmless: non-words are never looked up.
bool DoublesFinal(std::string_view w) {
  const size_t n = w.size();
  return n >= 3 && !IsVowel(w[n - 1]) && IsVowel(w[n - 2]) &&
         !IsVowel(w[n - 3]) && w[n - 1] != 'w' && w[n - 1] != 'x' &&
         w[n - 1] != 'y';
}

std::string PluralS(std::string_view w) {
  const std::string s(w);
  if (w.ends_with("s") || w.ends_with("x") || w.ends_with("z") ||
      w.ends_with("ch") || w.ends_with("sh")) {
    return s + "es";
  }
  if (w.size() > 1 && w.back() == 'y' && !IsVowel(w[w.size() - 2])) {
    return s.substr(0, s.size() - 1) + "ies";
  }
  return s + "s";
}

// Regular forms of `w` with suffix "ed"/"ing"/"er"/"est".
void AddSuffixed(std::string_view w, std::string_view suffix,
                 std::vector<std::string>* out) {
  std::string s(w);
  const bool consonant_y =
      s.size() > 1 && s.back() == 'y' && !IsVowel(s[s.size() - 2]);
  if (suffix == "ing") {
    if (s.ends_with("ie")) {
      out->push_back(s.substr(0, s.size() - 2) + "ying");
    } else if (s.ends_with("e") && !s.ends_with("ee") && s.size() > 2) {
      out->push_back(s.substr(0, s.size() - 1) + "ing");
    } else {
      out->push_back(s + "ing");
    }
  } else if (s.ends_with("e")) {
    out->push_back(s + std::string(suffix.substr(1)));  // "d", "r", "st"
    return;
  } else if (consonant_y) {
    out->push_back(s.substr(0, s.size() - 1) + "i" + std::string(suffix));
    return;
  } else {
    out->push_back(s + std::string(suffix));
  }
  if (DoublesFinal(s)) out->push_back(s + s.back() + std::string(suffix));
}

}  // namespace

Status TaggerTrainer::LoadWordNet(const std::string& dir) {
  using namespace tagger_internal;  // NOLINT: WordNetClass bits
  std::map<std::string, uint16_t> classes;
  auto add = [&](const std::string& form, uint16_t bits) {
    classes[form] |= bits;
  };
  struct Index {
    const char* file;
    uint16_t base;
  };
  for (const Index& idx : {Index{"index.noun", kWnNoun},
                           Index{"index.verb", kWnVerb},
                           Index{"index.adj", kWnAdj},
                           Index{"index.adv", kWnAdv}}) {
    DYAD_ASSIGN_OR_RETURN(std::string text,
                          ReadFileToString(dir + "/" + idx.file));
    size_t pos = 0;
    while (pos < text.size()) {
      size_t end = text.find('\n', pos);
      if (end == std::string::npos) end = text.size();
      const std::string_view line(text.data() + pos, end - pos);
      pos = end + 1;
      if (line.empty() || line[0] == ' ') continue;  // licence header
      const std::string lemma(line.substr(0, line.find(' ')));
      if (lemma.find_first_of("_-.'") != std::string::npos) continue;
      add(lemma, idx.base);
      std::vector<std::string> forms;
      switch (idx.base) {
        case kWnNoun:
          add(PluralS(lemma), kWnNounPlural);
          break;
        case kWnVerb:
          add(PluralS(lemma), kWnVerbS);
          AddSuffixed(lemma, "ed", &forms);
          for (const auto& f : forms) add(f, kWnVerbEd);
          forms.clear();
          AddSuffixed(lemma, "ing", &forms);
          for (const auto& f : forms) add(f, kWnVerbIng);
          break;
        case kWnAdj:
          AddSuffixed(lemma, "er", &forms);
          AddSuffixed(lemma, "est", &forms);
          for (const auto& f : forms) add(f, kWnAdjGraded);
          break;
        default:
          break;
      }
    }
  }
  // Exception lists: "inflected base ..." lines.
  for (const auto& [file, bits] :
       {std::pair<const char*, uint16_t>{"noun.exc", kWnNounPlural},
        {"verb.exc", kWnVerbEd},
        {"adj.exc", kWnAdjGraded}}) {
    DYAD_ASSIGN_OR_RETURN(std::string text, ReadFileToString(dir + "/" + file));
    size_t pos = 0;
    while (pos < text.size()) {
      size_t end = text.find('\n', pos);
      if (end == std::string::npos) end = text.size();
      const std::string_view line(text.data() + pos, end - pos);
      pos = end + 1;
      const std::string form(line.substr(0, line.find(' ')));
      if (form.empty() || form.find('_') != std::string::npos) continue;
      const bool ing = bits == kWnVerbEd && form.ends_with("ing");
      add(form, ing ? uint16_t{kWnVerbIng} : bits);
    }
  }
  std::vector<std::pair<uint64_t, uint16_t>> entries;
  entries.reserve(classes.size());
  for (const auto& [form, bits] : classes) {
    entries.emplace_back(tagger_internal::WordKey(form), bits);
  }
  std::sort(entries.begin(), entries.end());
  wn_keys_.clear();
  wn_classes_.clear();
  for (const auto& [key, bits] : entries) {
    if (!wn_keys_.empty() && wn_keys_.back() == key) {
      wn_classes_.back() |= bits;  // a 64-bit hash collision: merge
      continue;
    }
    wn_keys_.push_back(key);
    wn_classes_.push_back(bits);
  }
  return Status::Ok();
}

Result<std::string> TaggerTrainer::Train(
    std::span<const TaggedSentence> sentences) const {
  if (sentences.empty()) return InvalidArgumentError("empty training corpus");
  for (const TaggedSentence& s : sentences) {
    if (s.words.size() != s.tags.size()) {
      return InvalidArgumentError("sentence with mismatched words and tags");
    }
  }
  ModelData model;
  model.lex_keys = lex_keys_;
  model.lex_entries = lex_entries_;

  // Tag dictionary of frequent, unambiguous exact forms.
  {
    std::map<std::string, std::array<int, kNumUpos>> counts;
    for (const TaggedSentence& s : sentences) {
      for (size_t i = 0; i < s.words.size(); ++i) {
        auto [it, added] = counts.try_emplace(s.words[i]);
        if (added) it->second.fill(0);
        ++it->second[static_cast<int>(s.tags[i])];
      }
    }
    std::vector<std::pair<uint64_t, uint8_t>> dict;
    for (const auto& [word, c] : counts) {
      int total = 0, best = 0;
      for (int t = 0; t < kNumUpos; ++t) {
        total += c[t];
        if (c[t] > c[best]) best = t;
      }
      if (total >= options_.tagdict_min_count &&
          c[best] >= options_.tagdict_min_share * total) {
        dict.emplace_back(tagger_internal::WordKey(word),
                          static_cast<uint8_t>(best));
      }
    }
    std::sort(dict.begin(), dict.end());
    for (const auto& [k, t] : dict) {
      model.tagdict_keys.push_back(k);
      model.tagdict_tags.push_back(t);
    }
  }
  const KeyIndex tagdict(model.tagdict_keys);
  const KeyIndex lex_index(model.lex_keys);
  model.wordnet_keys = wn_keys_;
  model.wordnet_classes = wn_classes_;
  const KeyIndex wn_index(model.wordnet_keys);
  const tagger_internal::LexLookup lex(&lex_index, &model.lex_entries,
                                       &wn_index, &model.wordnet_classes);

  // Word features do not change between epochs: compute them once.
  std::vector<std::vector<WordInfo>> infos(sentences.size());
  for (size_t s = 0; s < sentences.size(); ++s) {
    const auto& words = sentences[s].words;
    auto& info = infos[s];
    info.resize(words.size() + 4);
    info[0] = tagger_internal::BoundaryInfo(true, 2);
    info[1] = tagger_internal::BoundaryInfo(true, 1);
    info[words.size() + 2] = tagger_internal::BoundaryInfo(false, 1);
    info[words.size() + 3] = tagger_internal::BoundaryInfo(false, 2);
    for (size_t i = 0; i < words.size(); ++i) {
      tagger_internal::ComputeWordInfo(words[i], i, lex, &info[i + 2]);
    }
  }

  Weights weights;
  std::mt19937 rng(options_.seed);
  std::vector<uint32_t> order(sentences.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  int64_t now = 0;
  uint64_t feats[tagger_internal::kMaxStaticFeatures +
                 tagger_internal::kMaxDynamicFeatures];
  float scores[kNumUpos];
  for (int epoch = 1; epoch <= options_.epochs; ++epoch) {
    Shuffle(&order, &rng);
    for (uint32_t s : order) {
      const TaggedSentence& sent = sentences[s];
      const auto& info = infos[s];
      int prev = kNumUpos, prev2 = kNumUpos;
      for (size_t i = 0; i < sent.words.size(); ++i) {
        const WordInfo& w = info[i + 2];
        int guess = 0;
        const uint32_t d = tagdict.Find(w.form);
        if (d != KeyIndex::kMissing) {
          guess = model.tagdict_tags[d];
        } else {
          ++now;
          int nf = tagger_internal::StaticFeatures(&info[i + 2], feats);
          nf += tagger_internal::DynamicFeatures(w, prev, prev2, feats + nf);
          weights.Score(feats, nf, scores);
          for (int c = 1; c < kNumUpos; ++c) {
            if (scores[c] > scores[guess]) guess = c;
          }
          const int truth = static_cast<int>(sent.tags[i]);
          if (guess != truth) weights.Update(feats, nf, truth, guess, now);
        }
        prev2 = prev;
        prev = guess;
      }
    }
    if (options_.on_epoch) {
      ModelData snapshot = model;
      weights.Average(now, options_.prune_below, &snapshot);
      options_.on_epoch(epoch, *Tagger::FromModel(std::move(snapshot)));
    }
  }
  weights.Average(std::max<int64_t>(now, 1), options_.prune_below, &model);
  return tagger_internal::SerializeModel(model);
}

}  // namespace dyad

namespace dyad {
namespace {

std::string AsciiLower(std::string_view w) {
  std::string out(w);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

bool IsCapitalized(std::string_view w) {
  return w.size() > 1 && w[0] >= 'A' && w[0] <= 'Z' && w[1] >= 'a' &&
         w[1] <= 'z';
}

bool HasAdjectiveSuffix(std::string_view w) {
  static constexpr std::string_view kSuffixes[] = {
      "an", "ic", "al", "ish", "ese", "ern", "ary", "ive", "ous", "ful"};
  for (std::string_view s : kSuffixes) {
    if (w.ends_with(s)) return true;
  }
  return false;
}

}  // namespace

size_t TaggerTrainer::HarmonizeLegacyEwt(
    std::vector<TaggedSentence>* corpus) const {
  // Tag counts of lower-case (not capitalised) occurrences.
  std::map<std::string, std::array<int, kNumUpos>, std::less<>> lower_counts;
  for (const TaggedSentence& s : *corpus) {
    for (size_t i = 0; i < s.words.size(); ++i) {
      const std::string& w = s.words[i];
      if (w.empty() || !(w[0] >= 'a' && w[0] <= 'z')) continue;
      auto [it, added] = lower_counts.try_emplace(w);
      if (added) it->second.fill(0);
      ++it->second[static_cast<int>(s.tags[i])];
    }
  }
  // True if `lower` is mostly an adjective in running text.
  auto mostly_adjective = [&](const std::string& lower) {
    auto it = lower_counts.find(lower);
    if (it == lower_counts.end()) return false;
    const auto& c = it->second;
    int total = 0;
    for (int n : c) total += n;
    const int adj = c[static_cast<int>(Upos::kAdj)];
    return adj >= 2 && 2 * adj > total &&
           c[static_cast<int>(Upos::kPropn)] == 0;
  };
  auto lexicon = [&](const std::string& lower) -> uint64_t {
    const uint64_t key = tagger_internal::WordKey(lower);
    auto it = std::lower_bound(lex_keys_.begin(), lex_keys_.end(), key);
    if (it == lex_keys_.end() || *it != key) return 0;
    return lex_entries_[it - lex_keys_.begin()].tags;
  };
  const uint64_t kJj = uint64_t{1} << PennTagIndex("jj");
  const uint64_t kNouns = uint64_t{1} << PennTagIndex("nn") |
                          uint64_t{1} << PennTagIndex("nns");
  size_t changed = 0;
  for (TaggedSentence& s : *corpus) {
    for (size_t i = 0; i < s.words.size(); ++i) {
      if (s.tags[i] != Upos::kPropn || !IsCapitalized(s.words[i])) continue;
      const std::string lower = AsciiLower(s.words[i]);
      const uint64_t lex = lexicon(lower);
      // The lexicon (lower-cased WSJ) alone would also call London or
      // August adjectives; the suffix test keeps to adjective morphology
      // (Islamic, Persian, Federal).
      if (mostly_adjective(lower) ||
          ((lex & kJj) && !(lex & kNouns) && HasAdjectiveSuffix(lower))) {
        s.tags[i] = Upos::kAdj;
        ++changed;
      }
    }
  }
  return changed;
}

}  // namespace dyad
