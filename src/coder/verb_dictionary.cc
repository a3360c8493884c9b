#include "coder/verb_dictionary.h"

#include <xxhash.h>

#include <algorithm>
#include <filesystem>

#include <fmt/core.h>

#include "util/file.h"
#include "util/text_lines.h"
#include "util/paths.h"

namespace dyad {
namespace {
namespace fs = std::filesystem;


// Splits on blanks, keeping "(a b|c)" together.
std::vector<std::string_view> SplitWs(std::string_view s) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
    size_t j = i;
    int depth = 0;
    while (j < s.size() && (depth > 0 || (s[j] != ' ' && s[j] != '\t'))) {
      if (s[j] == '(') ++depth;
      if (s[j] == ')') --depth;
      ++j;
    }
    if (j > i) out.push_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

bool IsCode(std::string_view s) {
  if (s == "---") return true;
  if (s.size() < 2 || s.size() > 4) return false;
  return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool IsModifierTag(Upos t) {
  return t == Upos::kDet || t == Upos::kAdj || t == Upos::kNum ||
         t == Upos::kAdv || t == Upos::kNoun || t == Upos::kPropn ||
         t == Upos::kPart || t == Upos::kPunct;
}

// A noun, or an adjective that opens a noun phrase ("military presence",
// "joint drills"): the event is named, not told by a verb.
bool IsNounTrigger(std::span<const MatchToken> tokens, size_t pos) {
  const Upos tag = tokens[pos].tag;
  if (tag == Upos::kNoun || tag == Upos::kPropn) return true;
  return tag == Upos::kAdj && pos + 1 < tokens.size() &&
         tokens[pos + 1].tag == Upos::kNoun;
}

bool PosOk(char pos, Upos tag) {
  if (pos == 'N') return tag == Upos::kNoun || tag == Upos::kPropn;
  if (pos == 'V') return tag == Upos::kVerb || tag == Upos::kAux;
  return true;
}

bool WordMatches(const PatternElement& e, const MatchToken& t) {
  if (!PosOk(e.pos, t.tag)) return false;
  for (uint64_t w : e.words) {
    if (w == t.lemma || w == t.lower) return true;
  }
  return false;
}

// Length of the set phrase matching at tokens[pos], or 0.
size_t SetMatch(const PatternElement& e, std::span<const MatchToken> tokens,
                size_t pos) {
  size_t best = 0;
  for (const auto& phrase : e.phrases) {
    if (phrase.size() <= best || pos + phrase.size() > tokens.size()) continue;
    bool ok = true;
    for (size_t k = 0; k < phrase.size() && ok; ++k) {
      const MatchToken& t = tokens[pos + k];
      ok = phrase[k] == t.lemma || phrase[k] == t.lower;
    }
    if (ok && (e.pos == 0 || PosOk(e.pos, tokens[pos + phrase.size() - 1].tag))) {
      best = phrase.size();
    }
  }
  return best;
}

}  // namespace

uint64_t VerbDictionary::Hash(std::string_view s) {
  return XXH3_64bits(s.data(), s.size());
}

Result<std::unique_ptr<VerbDictionary>> VerbDictionary::Load(
    const std::string& dir, std::vector<std::string>* errors) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    return NotFoundError(dir + ": no such verb dictionary directory");
  }
  std::vector<std::string> files;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    if (entry.is_regular_file() && entry.path().extension() == ".txt") {
      files.push_back(entry.path().string());
    }
  }
  std::sort(files.begin(), files.end());
  auto dict = std::unique_ptr<VerbDictionary>(new VerbDictionary());
  auto error = [&](const std::string& where, const std::string& msg) {
    if (errors != nullptr) errors->push_back(where + ": " + msg);
  };
  // Parses one element; false on a syntax error.
  auto parse_element = [&](std::string_view tok, PatternElement* e,
                           std::string* why) {
    std::string_view word = tok;
    if (word.size() > 2 && word[word.size() - 2] == '/') {
      char p = word.back();
      if (p != 'N' && p != 'V') {
        *why = "unknown part-of-speech suffix in '" + std::string(tok) + "'";
        return false;
      }
      e->pos = p;
      word.remove_suffix(2);
    }
    if (word == "~") {
      e->type = ElementType::kGap;
    } else if (word == "...") {
      e->type = ElementType::kAnyGap;
    } else if (word == "TGT") {
      e->type = ElementType::kTarget;
    } else if (word == "SRC") {
      e->type = ElementType::kSource;
    } else if (word.front() == '@') {
      auto it = dict->sets_.find(std::string(word));
      if (it == dict->sets_.end()) {
        *why = "undefined set " + std::string(word);
        return false;
      }
      char pos = e->pos;
      *e = it->second;
      if (pos) e->pos = pos;
    } else if (word.front() == '(') {
      if (word.back() != ')') {
        *why = "unbalanced parentheses in '" + std::string(tok) + "'";
        return false;
      }
      // Alternatives; multiword ones make the element a phrase set.
      e->type = ElementType::kWord;
      std::string_view inner = word.substr(1, word.size() - 2);
      std::vector<std::vector<uint64_t>> alts;
      bool multi = false;
      size_t s = 0;
      while (s <= inner.size()) {
        size_t bar = inner.find('|', s);
        if (bar == std::string_view::npos) bar = inner.size();
        std::string_view w = TrimBlanks(inner.substr(s, bar - s));
        if (w.empty()) {
          *why = "empty alternative in '" + std::string(tok) + "'";
          return false;
        }
        std::vector<uint64_t> phrase;
        for (std::string_view part : SplitWs(w)) phrase.push_back(Hash(part));
        multi = multi || phrase.size() > 1;
        alts.push_back(std::move(phrase));
        s = bar + 1;
      }
      if (multi) {
        e->type = ElementType::kSet;
        e->phrases = std::move(alts);
      } else {
        for (auto& a : alts) e->words.push_back(a.front());
      }
    } else {
      e->type = ElementType::kWord;
      e->words.push_back(Hash(word));
    }
    return true;
  };

  for (const std::string& file : files) {
    auto text = ReadFileToString(file);
    if (!text.ok()) return text.status();
    std::string name = fs::path(file).filename().string();
    TextLines lines(*text);
    std::string_view line;
    while (lines.Next(&line)) {
      const int line_no = lines.number();
      std::string where = fmt::format("{}:{}", name, line_no);
      if (size_t h = line.find('#'); h != std::string_view::npos) {
        line = line.substr(0, h);
      }
      line = TrimBlanks(line);
      if (line.empty()) continue;
      if (line.front() == '@') {
        size_t eq = line.find('=');
        if (eq == std::string_view::npos) {
          error(where, "set definition needs '='");
          continue;
        }
        std::string set_name(TrimBlanks(line.substr(0, eq)));
        PatternElement e;
        e.type = ElementType::kSet;
        std::string_view members = line.substr(eq + 1);
        size_t s = 0;
        while (s <= members.size()) {
          size_t bar = members.find('|', s);
          if (bar == std::string_view::npos) bar = members.size();
          std::string_view m = TrimBlanks(members.substr(s, bar - s));
          if (!m.empty()) {
            std::vector<uint64_t> phrase;
            for (std::string_view w : SplitWs(m)) {
              if (w.front() == '@') {
                // A set inside a set: splice its phrases in.
                auto it = dict->sets_.find(std::string(w));
                if (it != dict->sets_.end() && SplitWs(m).size() == 1) {
                  for (const auto& p : it->second.phrases) e.phrases.push_back(p);
                }
                phrase.clear();
                break;
              }
              phrase.push_back(Hash(w));
            }
            if (!phrase.empty()) e.phrases.push_back(std::move(phrase));
          }
          s = bar + 1;
        }
        if (e.phrases.empty()) {
          error(where, "empty set " + set_name);
          continue;
        }
        // Naming convention: @name_v sets are verbs, @name_n sets nouns.
        if (set_name.ends_with("_v")) e.pos = 'V';
        if (set_name.ends_with("_n")) e.pos = 'N';
        dict->sets_[set_name] = std::move(e);
        continue;
      }
      auto toks = SplitWs(line);
      if (toks.size() < 2 || !IsCode(toks[0])) {
        error(where, "expected 'CODE PATTERN', got '" + std::string(line) + "'");
        continue;
      }
      VerbRule rule;
      rule.code = std::string(toks[0]);
      rule.origin = where;
      bool ok = true;
      for (size_t i = 1; i < toks.size() && ok; ++i) {
        PatternElement e;
        std::string why;
        if (!parse_element(toks[i], &e, &why)) {
          error(where, why);
          ok = false;
          break;
        }
        if (e.type == ElementType::kWord || e.type == ElementType::kSet) {
          ++rule.specificity;
        }
        if (!rule.text.empty()) rule.text += ' ';
        rule.text += toks[i];
        rule.elements.push_back(std::move(e));
      }
      if (!ok) continue;
      ElementType first = rule.elements.front().type;
      if (first != ElementType::kWord && first != ElementType::kSet) {
        error(where, "a pattern must start with a word, (…) or @set");
        continue;
      }
      rule.id = static_cast<int>(dict->rules_.size());
      dict->rules_.push_back(std::move(rule));
    }
  }
  for (const VerbRule& r : dict->rules_) {
    const PatternElement& first = r.elements.front();
    std::vector<uint64_t> keys = first.words;
    for (const auto& p : first.phrases) keys.push_back(p.front());
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    for (uint64_t k : keys) dict->by_trigger_[k].push_back(r.id);
  }
  // Most specific first, then file order: the first rule that matches is
  // the answer, so matching can stop there.
  for (auto& [key, ids] : dict->by_trigger_) {
    std::stable_sort(ids.begin(), ids.end(), [&](int a, int b) {
      const VerbRule& ra = dict->rules_[a];
      const VerbRule& rb = dict->rules_[b];
      if (ra.specificity != rb.specificity) return ra.specificity > rb.specificity;
      return a < b;
    });
  }
  return dict;
}

Result<std::unique_ptr<VerbDictionary>> VerbDictionary::LoadDefault(
    std::vector<std::string>* errors) {
  return Load(DataPath("verbs"), errors);
}

bool VerbDictionary::Match(const VerbRule& rule,
                           std::span<const MatchToken> tokens, size_t pos,
                           RuleMatch* m) const {
  const auto& els = rule.elements;
  // Depth-first with lazy gaps (`ei` element index, `ti` token index);
  // returns true on the first full match.
  auto rec = [&](auto& self, size_t ei, size_t ti, int target,
                 int source) -> bool {
    if (ei == els.size()) {
      m->end = static_cast<uint32_t>(ti);
      m->target = target;
      m->source = source;
      return true;
    }
    const PatternElement& e = els[ei];
    if (ei > 0 && e.type != ElementType::kGap &&
        e.type != ElementType::kAnyGap) {
      while (ti < tokens.size() && tokens[ti].skippable) ++ti;
    }
    switch (e.type) {
      case ElementType::kWord:
        if (ti < tokens.size() && WordMatches(e, tokens[ti])) {
          if (ei == 0) m->trigger_end = static_cast<uint32_t>(ti + 1);
          return self(self, ei + 1, ti + 1, target, source);
        }
        return false;
      case ElementType::kSet: {
        if (ti >= tokens.size()) return false;
        size_t len = SetMatch(e, tokens, ti);
        if (len == 0) return false;
        if (ei == 0) m->trigger_end = static_cast<uint32_t>(ti + len);
        return self(self, ei + 1, ti + len, target, source);
      }
      case ElementType::kGap:
      case ElementType::kAnyGap: {
        size_t max_gap = e.type == ElementType::kGap ? 3 : 6;
        // Dates and the hyphens of compounds ("lifted Friday a day-old
        // blockade") do not use up the gap.
        size_t counted = 0;
        for (size_t g = 0; counted <= max_gap && ti + g <= tokens.size(); ++g) {
          if (g > 0) {
            const MatchToken& t = tokens[ti + g - 1];
            if (!t.skippable && !t.hyphen) ++counted;
            if (counted > max_gap) break;
            if (t.clause_break) break;
            // Gaps never swallow an actor: it belongs to a slot or to no one.
            if (t.actor >= 0 && !t.modifier) break;
            // "a planned visit", "its proposed deal": a participle between
            // a determiner and a noun modifies the noun.
            bool participle =
                t.tag == Upos::kVerb && g >= 2 && ti + g < tokens.size() &&
                (tokens[ti + g - 2].tag == Upos::kDet ||
                 tokens[ti + g - 2].possessive) &&
                (tokens[ti + g].tag == Upos::kNoun ||
                 tokens[ti + g].tag == Upos::kAdj);
            if (e.type == ElementType::kGap && !IsModifierTag(t.tag) &&
                !t.possessive && !participle) {
              break;
            }
          }
          if (self(self, ei + 1, ti + g, target, source)) return true;
        }
        return false;
      }
      case ElementType::kTarget:
      case ElementType::kSource: {
        size_t t = ti;
        if (t < tokens.size() && !tokens[t].actor_start &&
            tokens[t].tag == Upos::kDet) {
          ++t;
        }
        // A count before the slot: "wounded two British soldiers",
        // "released at least 50 Palestinian prisoners".
        for (size_t q = 0; q < 4 && t < tokens.size() && !tokens[t].actor_start &&
                           (tokens[t].tag == Upos::kNum || tokens[t].quantity);
             ++q) {
          ++t;
        }
        if (t >= tokens.size() || !tokens[t].actor_start) return false;
        int actor = tokens[t].actor;
        // Continue after the mention's first token; the next element
        // usually follows the whole mention, so skip actor tokens lazily.
        size_t after = t + 1;
        while (after < tokens.size() && !tokens[after].actor_start &&
               tokens[after].actor == actor) {
          ++after;
        }
        return e.type == ElementType::kTarget
                   ? self(self, ei + 1, after, actor, source)
                   : self(self, ei + 1, after, target, actor);
      }
    }
    return false;
  };
  m->trigger_begin = static_cast<uint32_t>(pos);
  m->trigger_end = static_cast<uint32_t>(pos + 1);
  return rec(rec, 0, pos, -1, -1);
}

RuleMatch VerbDictionary::MatchAt(std::span<const MatchToken> tokens,
                                  size_t pos) const {
  RuleMatch best;
  const MatchToken& t = tokens[pos];
  // Adjectives describe; they report no event ("alleged violation",
  // "criminal investigation", "planned trip") unless a rule reads on past
  // them ("ready to", "willing to").
  // So do participles after a determiner: "the alleged comment", "the
  // disputed islands".
  const bool adjective =
      t.tag == Upos::kAdj ||
      (t.tag == Upos::kVerb && pos > 0 &&
       (tokens[pos - 1].tag == Upos::kDet || tokens[pos - 1].possessive ||
        tokens[pos - 1].tag == Upos::kPart ||
        // "following improved bilateral relations"
        (tokens[pos - 1].tag == Upos::kAdp && pos + 1 < tokens.size() &&
         (tokens[pos + 1].tag == Upos::kAdj || tokens[pos + 1].tag == Upos::kNoun))) &&
       t.lower != t.lemma);
  for (uint64_t key : {t.lemma, t.lower}) {
    auto it = by_trigger_.find(key);
    if (it == by_trigger_.end()) continue;
    for (int id : it->second) {
      const VerbRule& r = rules_[id];
      if (best.rule != nullptr &&
          (r.specificity < best.rule->specificity ||
           (r.specificity == best.rule->specificity && r.id > best.rule->id))) {
        break;  // sorted: nothing later in this list can be better
      }
      if (adjective && (r.elements.size() < 2 || r.elements[0].pos != 0 ||
                        r.elements[1].type != ElementType::kWord)) {
        continue;
      }
      RuleMatch m;
      m.rule = &r;
      if (!Match(r, tokens, pos, &m)) continue;
      m.noun_trigger = IsNounTrigger(tokens, pos);
      best = m;
      break;
    }
    if (t.lemma == t.lower) break;
  }
  return best;
}

std::vector<RuleMatch> VerbDictionary::AllMatchesAt(
    std::span<const MatchToken> tokens, size_t pos) const {
  std::vector<RuleMatch> out;
  const MatchToken& t = tokens[pos];
  std::vector<int> seen;
  for (uint64_t key : {t.lemma, t.lower}) {
    auto it = by_trigger_.find(key);
    if (it == by_trigger_.end()) continue;
    for (int id : it->second) {
      if (std::find(seen.begin(), seen.end(), id) != seen.end()) continue;
      seen.push_back(id);
      RuleMatch m;
      m.rule = &rules_[id];
      if (Match(rules_[id], tokens, pos, &m)) {
        m.noun_trigger = IsNounTrigger(tokens, pos);
        out.push_back(m);
      }
    }
  }
  return out;
}

}  // namespace dyad
