#include "text/lemmatizer.h"

#include <array>
#include <cstdint>
#include <cstdlib>
#include <iterator>
#include <utility>
#include <vector>

#include "util/file.h"

namespace dyad {
namespace {

// Candidates are built in a stack buffer; longer words (URLs, junk) are not
// inflected English and come back unchanged.
constexpr size_t kMaxWordBytes = 64;
// WordNet's longest lemmas are ~70 bytes; longer phrases cannot be lemmas.
constexpr size_t kMaxPhraseBytes = 128;

struct Rule {
  std::string_view suffix;
  std::string_view ending;
};

// Morphy's detachment rules, in Morphy's order (the first hit wins).
constexpr Rule kNounRules[] = {
    {"s", ""},     {"ses", "s"},   {"xes", "x"},   {"zes", "z"},
    {"ches", "ch"}, {"shes", "sh"}, {"men", "man"}, {"ies", "y"},
};
constexpr Rule kVerbRules[] = {
    {"s", ""},  {"ies", "y"}, {"es", "e"},  {"es", ""},
    {"ed", "e"}, {"ed", ""},  {"ing", "e"}, {"ing", ""},
};
constexpr Rule kAdjRules[] = {
    {"er", ""}, {"est", ""}, {"er", "e"}, {"est", "e"},
};

// Clitics and auxiliary forms that a tokenizer splits off ("won't" → "wo"
// "n't"); WordNet's verb.exc has none of the clitics. "'d" is "had" or
// "would"; we keep "have", the reading that needs no context to be a verb.
constexpr std::pair<std::string_view, std::string_view> kAuxiliaries[] = {
    {"'s", "be"},    {"'re", "be"},   {"'m", "be"},   {"is", "be"},
    {"are", "be"},   {"am", "be"},    {"was", "be"},  {"were", "be"},
    {"been", "be"},  {"being", "be"}, {"'ve", "have"}, {"'d", "have"},
    {"has", "have"}, {"had", "have"}, {"having", "have"},
    {"does", "do"},  {"did", "do"},   {"done", "do"}, {"doing", "do"},
    {"'ll", "will"}, {"wo", "will"},  {"ca", "can"},  {"sha", "shall"},
    {"ai", "be"},
};

// Nouns that Morphy would wrongly detach to another index noun (species →
// specie, physics → physic), and function words a tagger sometimes calls
// NOUN whose detached forms are WordNet nouns (was → "wa", its → "it").
constexpr std::string_view kInvariantNouns[] = {
    "species", "physics", "was",  "has",  "its",    "his",
    "hers",    "ours",    "yours", "theirs", "this", "thus",
};

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() &&
         s.substr(s.size() - suffix.size()) == suffix;
}

// [offset, size) of a string in the arena while it is still growing.
struct Span {
  uint32_t offset;
  uint32_t size;
};

struct PosSpans {
  std::vector<Span> lemmas;
  std::vector<std::pair<Span, Span>> exceptions;
};

Span Append(std::string_view s, std::string* arena) {
  Span span{static_cast<uint32_t>(arena->size()),
            static_cast<uint32_t>(s.size())};
  arena->append(s);
  return span;
}

// Splits `text` into lines and calls fn(line) for each non-empty one.
template <typename Fn>
void ForEachLine(std::string_view text, Fn fn) {
  while (!text.empty()) {
    size_t nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (!line.empty()) fn(line);
    if (nl == std::string_view::npos) break;
    text.remove_prefix(nl + 1);
  }
}

// index.<pos>: the lemma is the first field; lines that start with a space
// are the licence header.
Status ParseIndex(const std::string& path, std::string* arena,
                  std::vector<Span>* lemmas) {
  DYAD_ASSIGN_OR_RETURN(std::string text, ReadFileToString(path));
  ForEachLine(text, [&](std::string_view line) {
    if (line.front() == ' ') return;
    lemmas->push_back(Append(line.substr(0, line.find(' ')), arena));
  });
  if (lemmas->empty()) return CorruptionError(path + ": no lemmas");
  return Status::Ok();
}

// <pos>.exc: "inflected base1 [base2 ...]"; the first base is kept. It may
// be the inflected form itself ("feed feed fee", "seed seed"): WordNet's way
// of saying the word is its own base and no rule applies.
Status ParseExceptions(const std::string& path, std::string* arena,
                       std::vector<std::pair<Span, Span>>* exceptions) {
  DYAD_ASSIGN_OR_RETURN(std::string text, ReadFileToString(path));
  ForEachLine(text, [&](std::string_view line) {
    size_t sp = line.find(' ');
    if (sp == std::string_view::npos) return;
    std::string_view rest = line.substr(sp + 1);
    std::string_view base = rest.substr(0, rest.find(' '));
    if (base.empty()) return;
    Span from = Append(line.substr(0, sp), arena);
    exceptions->emplace_back(from, Append(base, arena));
  });
  return Status::Ok();
}

}  // namespace

Result<std::unique_ptr<Lemmatizer>> Lemmatizer::Load(
    const std::string& wordnet_dir) {
  static constexpr std::string_view kPosNames[kNumPos] = {"noun", "verb",
                                                          "adj", "adv"};
  std::unique_ptr<Lemmatizer> lem(new Lemmatizer());
  std::array<PosSpans, kNumPos> spans;
  lem->arena_.reserve(2 << 20);
  for (int p = 0; p < kNumPos; ++p) {
    std::string name(kPosNames[p]);
    DYAD_RETURN_IF_ERROR(ParseIndex(wordnet_dir + "/index." + name,
                                    &lem->arena_, &spans[p].lemmas));
    DYAD_RETURN_IF_ERROR(ParseExceptions(wordnet_dir + "/" + name + ".exc",
                                         &lem->arena_, &spans[p].exceptions));
  }
  // The arena is final: views taken now stay valid.
  std::string_view arena = lem->arena_;
  auto view = [arena](Span s) { return arena.substr(s.offset, s.size); };
  for (int p = 0; p < kNumPos; ++p) {
    PosTable& table = lem->tables_[p];
    table.lemmas.reserve(spans[p].lemmas.size());
    for (Span s : spans[p].lemmas) table.lemmas.insert(view(s));
    table.exceptions.reserve(spans[p].exceptions.size());
    for (const auto& [from, to] : spans[p].exceptions) {
      table.exceptions.emplace(view(from), view(to));  // first line wins
    }
  }
  return lem;
}

Result<std::unique_ptr<Lemmatizer>> Lemmatizer::LoadDefault() {
  const char* env = std::getenv("DYAD_WORDNET");
  return Load(env != nullptr && *env != '\0' ? std::string(env)
                                             : std::string(kDefaultWordNetDir));
}

size_t Lemmatizer::num_lemmas() const {
  size_t n = 0;
  for (const PosTable& t : tables_) n += t.lemmas.size();
  return n;
}

std::string_view Lemmatizer::Exception(std::string_view word, Pos pos) const {
  const auto& exc = tables_[pos].exceptions;
  auto it = exc.find(word);
  return it == exc.end() ? std::string_view() : it->second;
}

std::string Lemmatizer::ApplyRules(std::string_view word, Pos pos,
                                   size_t min_size) const {
  std::string_view end;  // re-attached after detachment (Morphy's "-ful")
  std::string_view stem = word;
  const Rule* rules;
  size_t num_rules;
  switch (pos) {
    case kNounPos:
      rules = kNounRules;
      num_rules = std::size(kNounRules);
      // cupsful → cupful: detach from the part before "ful".
      if (EndsWith(word, "ful") && word.size() > 3) {
        stem = word.substr(0, word.size() - 3);
        end = "ful";
      } else if (EndsWith(word, "ss") || word.size() <= 2) {
        return {};
      }
      break;
    case kVerbPos:
      rules = kVerbRules;
      num_rules = std::size(kVerbRules);
      break;
    case kAdjPos:
      rules = kAdjRules;
      num_rules = std::size(kAdjRules);
      break;
    default:
      return {};  // adverbs: exception list only
  }
  if (word.size() > kMaxWordBytes) return {};
  char buf[kMaxWordBytes + 8];
  for (size_t i = 0; i < num_rules; ++i) {
    const Rule& r = rules[i];
    if (!EndsWith(stem, r.suffix)) continue;
    size_t n = stem.size() - r.suffix.size();
    if (n == 0) continue;  // "s" → "" is no word
    stem.copy(buf, n);
    r.ending.copy(buf + n, r.ending.size());
    n += r.ending.size();
    end.copy(buf + n, end.size());
    n += end.size();
    std::string_view candidate(buf, n);
    if (n >= min_size && candidate != word && InIndex(pos, candidate)) {
      return std::string(candidate);
    }
  }
  return {};
}

bool Lemmatizer::ToPos(Upos tag, Pos* pos) {
  switch (tag) {
    case Upos::kNoun:
    case Upos::kPropn:
      *pos = kNounPos;
      return true;
    case Upos::kVerb:
    case Upos::kAux:
      *pos = kVerbPos;
      return true;
    case Upos::kAdj:
      *pos = kAdjPos;
      return true;
    case Upos::kAdv:
      *pos = kAdvPos;
      return true;
    default:
      return false;
  }
}

std::string Lemmatizer::Lemma(std::string_view word, Upos tag) const {
  if (word == "n't") return "not";
  Pos pos;
  // Names are not inflected: PROPN stays as written.
  if (tag == Upos::kPropn || !ToPos(tag, &pos)) return std::string(word);
  if (pos == kVerbPos) {
    for (const auto& [form, base] : kAuxiliaries) {
      if (form == word) return std::string(base);
    }
  }
  if (std::string_view base = Exception(word, pos); !base.empty()) {
    return std::string(base);
  }
  const bool indexed = InIndex(pos, word);
  if (pos == kNounPos) {
    for (std::string_view invariant : kInvariantNouns) {
      if (word == invariant) return std::string(word);
    }
    // Rules before the word itself: "talks", "relations" are index nouns in
    // their own right, but the coder's dictionaries are keyed on the base.
    // Shrinking an index noun to a 1-2 byte abbreviation (gas → "ga") is
    // never what the text meant.
    std::string base = ApplyRules(word, pos, indexed ? 3 : 1);
    return base.empty() ? std::string(word) : base;
  }
  if (indexed) return std::string(word);
  std::string base = ApplyRules(word, pos, 1);
  return base.empty() ? std::string(word) : base;
}

bool Lemmatizer::IsLemma(std::string_view phrase, Upos tag) const {
  Pos pos;
  if (!ToPos(tag, &pos)) return false;
  if (phrase.empty() || phrase.size() > kMaxPhraseBytes) return false;
  char buf[kMaxPhraseBytes];
  for (size_t i = 0; i < phrase.size(); ++i) {
    buf[i] = phrase[i] == ' ' ? '_' : phrase[i];  // WordNet joins with '_'
  }
  return InIndex(pos, std::string_view(buf, phrase.size()));
}

}  // namespace dyad
