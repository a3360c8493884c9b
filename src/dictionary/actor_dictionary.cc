#include "dictionary/actor_dictionary.h"

#include <xxhash.h>

#include <algorithm>
#include <map>

#include <fmt/core.h>

#include "text/unicode.h"

namespace dyad {
namespace {

bool HasLowercase(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    char32_t cp = DecodeUtf8(s, &i);
    if (IsLetter(cp) && !IsUpper(cp)) return true;
  }
  return false;
}

bool StartsUpper(std::string_view s) {
  size_t i = 0;
  return !s.empty() && IsUpper(DecodeUtf8(s, &i));
}

// Countries whose people's names are written family name first in English.
bool FamilyNameFirst(std::string_view country) {
  return country == "CHN" || country == "PRK" || country == "KOR" ||
         country == "TWN" || country == "VNM" || country == "HKG" ||
         country == "MAC";
}

// Sector codes of CAMEO (actor types) that may follow a country code.
const std::unordered_set<std::string_view>& KnownSectors() {
  static const std::unordered_set<std::string_view> kSectors = {
      "GOV", "MIL", "COP", "JUD", "LEG", "OPP", "REB", "INS", "SEP", "MED",
      "BUS", "CVL", "REF", "EDU", "HLH", "ELI", "SPY", "LAB", "NGO", "IGO",
      "CRM", "UAF", "PTY", "AGR", "ENV", "HRI", "MOD", "RAD", "REL", "DEV",
      "NGM", "IMG", "MNC", "SET", "UNK", "PRO", "JEW", "MUS", "CHR", "BUD",
      "HIN", "ATH", "CON", "PRE", "CRI", "ELE", "ACT", "PAL", "RES", "FRM",
      "NTL", "LAW", "PRV", "MIN"};
  return kSectors;
}

}  // namespace

std::string_view ActorKindName(ActorKind kind) {
  switch (kind) {
    case ActorKind::kCountry: return "country";
    case ActorKind::kAdjective: return "adjective";
    case ActorKind::kCapital: return "capital";
    case ActorKind::kSeat: return "seat";
    case ActorKind::kPerson: return "person";
    case ActorKind::kOrganization: return "organization";
  }
  return "unknown";
}

ActorDictionary::ActorDictionary() = default;

uint64_t ActorDictionary::TokenHash(std::string_view lower) {
  return XXH3_64bits(lower.data(), lower.size());
}

uint64_t ActorDictionary::Combine(uint64_t h, uint64_t token) {
  return (h ^ token) * 0x9E3779B97F4A7C15ull + (h >> 29);
}

int ActorDictionary::AddEntry(ActorEntry entry) {
  assert(!compiled_);
  if (entry.kind == ActorKind::kCountry) {
    for (const DatedCode& c : entry.codes) country_codes_.insert(c.code);
  }
  entries_.push_back(std::move(entry));
  return static_cast<int>(entries_.size()) - 1;
}

void ActorDictionary::AddName(int id, std::string_view phrase,
                              ActorKind kind) {
  assert(!compiled_);
  std::vector<Token> tokens;
  tokenizer_.Tokenize(phrase, &tokens);
  if (tokens.empty()) return;
  uint64_t h = 0;
  for (const Token& t : tokens) h = Combine(h, TokenHash(t.lower));
  Phrase& p = names_[h];
  bool case_sensitive = !HasLowercase(phrase) && phrase.size() >= 2;
  for (const auto& e : p.entries) {
    if (e.first == id && e.second == kind) return;  // already there
  }
  if (p.entries.empty()) {
    p.case_sensitive = case_sensitive;
  } else if (!case_sensitive) {
    p.case_sensitive = false;  // "Chad" and "CHAD": the lenient one wins
  }
  if (case_sensitive) {
    std::string joined;
    for (const Token& t : tokens) joined += t.norm;
    p.norms.push_back(joined);
  }
  p.entries.emplace_back(id, kind);
  uint32_t& max_len = name_max_len_[TokenHash(tokens[0].lower)];
  max_len = std::max<uint32_t>(max_len, static_cast<uint32_t>(tokens.size()));
  ++num_names_;
}

void ActorDictionary::AddAgent(std::string_view phrase,
                               std::string_view sector) {
  assert(!compiled_);
  std::vector<Token> tokens;
  tokenizer_.Tokenize(phrase, &tokens);
  if (tokens.empty()) return;
  uint64_t h = 0;
  for (const Token& t : tokens) h = Combine(h, TokenHash(t.lower));
  agents_.emplace(h, std::string(sector));
  uint32_t& max_len = agent_max_len_[TokenHash(tokens[0].lower)];
  max_len = std::max<uint32_t>(max_len, static_cast<uint32_t>(tokens.size()));
}

Status ActorDictionary::Compile() {
  assert(!compiled_);
  for (size_t id = 0; id < entries_.size(); ++id) {
    // Only people with titles: dated organisations ("Rwandan Patriotic
    // Front") must not be found by their last word.
    if (entries_[id].kind != ActorKind::kPerson || entries_[id].titles.empty()) {
      continue;
    }
    std::string family = FamilyName(static_cast<int>(id));
    if (!family.empty()) surnames_[TokenHash(family)].push_back(static_cast<int>(id));
  }
  compiled_ = true;
  return Status::Ok();
}

NameMatch ActorDictionary::MatchName(std::span<const Token> tokens,
                                     std::span<const uint64_t> hashes,
                                     size_t pos) const {
  NameMatch match;
  auto max_it = name_max_len_.find(hashes[pos]);
  if (max_it == name_max_len_.end()) return match;
  size_t max_len = std::min<size_t>(max_it->second, tokens.size() - pos);
  // Hash every prefix once, then try the longest first.
  uint64_t prefix[32];
  max_len = std::min<size_t>(max_len, 32);
  uint64_t h = 0;
  for (size_t n = 0; n < max_len; ++n) {
    h = Combine(h, hashes[pos + n]);
    prefix[n] = h;
  }
  for (size_t n = max_len; n > 0; --n) {
    auto it = names_.find(prefix[n - 1]);
    if (it == names_.end()) continue;
    const Phrase& p = it->second;
    if (p.case_sensitive) {
      std::string joined;
      for (size_t i = pos; i < pos + n; ++i) joined += tokens[i].norm;
      if (std::find(p.norms.begin(), p.norms.end(), joined) == p.norms.end()) {
        continue;
      }
    } else if (!StartsUpper(tokens[pos].norm)) {
      // "turkey", "chad" and "georgia" in lower case are not the states.
      continue;
    }
    match.length = static_cast<uint32_t>(n);
    match.entries = p.entries;
    return match;
  }
  return match;
}

AgentMatch ActorDictionary::MatchAgent(std::span<const uint64_t> hashes,
                                       std::span<const uint64_t> lemma_hashes,
                                       size_t pos) const {
  AgentMatch match;
  auto max_it = agent_max_len_.find(hashes[pos]);
  if (max_it == agent_max_len_.end()) {
    max_it = agent_max_len_.find(lemma_hashes[pos]);
    if (max_it == agent_max_len_.end()) return match;
  }
  size_t max_len = std::min<size_t>(max_it->second, hashes.size() - pos);
  for (size_t n = max_len; n > 0; --n) {
    uint64_t h = 0;
    for (size_t i = pos; i + 1 < pos + n; ++i) h = Combine(h, hashes[i]);
    for (uint64_t last : {hashes[pos + n - 1], lemma_hashes[pos + n - 1]}) {
      auto it = agents_.find(Combine(h, last));
      if (it != agents_.end()) {
        match.length = static_cast<uint32_t>(n);
        match.sector = it->second;
        return match;
      }
    }
  }
  return match;
}

std::span<const int> ActorDictionary::PeopleWithSurname(
    uint64_t surname) const {
  auto it = surnames_.find(surname);
  if (it == surnames_.end()) return {};
  return it->second;
}

bool ActorDictionary::HasRoleOn(int id, Day day) const {
  for (const DatedCode& c : entries_[id].codes) {
    if (day >= c.from && day <= c.to) return true;
  }
  return false;
}

std::string ActorDictionary::CodeOn(int id, Day day,
                                    std::string_view sector) const {
  if (day != kNoDay) {
    for (const DatedCode& c : entries_[id].codes) {
      if (day >= c.from && day <= c.to && c.code.size() >= 6 &&
          std::string_view(c.code).substr(3, 3) == sector) {
        return c.code;
      }
    }
  }
  return CodeOn(id, day);
}

std::string ActorDictionary::CodeOn(int id, Day day) const {
  const ActorEntry& e = entries_[id];
  if (e.codes.empty()) return "";
  if (day == kNoDay) {
    // The latest role: the one that ends last.
    const DatedCode* best = &e.codes[0];
    for (const DatedCode& c : e.codes) {
      if (c.to > best->to) best = &c;
    }
    return best->code;
  }
  for (const DatedCode& c : e.codes) {
    if (day >= c.from && day <= c.to) return c.code;
  }
  if (e.kind != ActorKind::kPerson) return e.codes.front().code;
  // Outside every role: a citizen before, a former official after.
  Day first = kMaxDay, last = kMinDay;
  const DatedCode* first_code = &e.codes[0];
  const DatedCode* last_code = &e.codes[0];
  for (const DatedCode& c : e.codes) {
    if (c.from < first) first = c.from, first_code = &c;
    if (c.to > last) last = c.to, last_code = &c;
  }
  if (day < first) return SplitCode(first_code->code).country;
  std::string country = SplitCode(last_code->code).country;
  if (country.size() == 3) return country + "ELI";
  return country;
}

CodeParts ActorDictionary::SplitCode(std::string_view code) const {
  CodeParts parts;
  if (code.size() >= 3 && IsCountryCode(code.substr(0, 3))) {
    parts.country = std::string(code.substr(0, 3));
    if (code.size() >= 6) parts.sector = std::string(code.substr(3, 3));
    return parts;
  }
  if (code.starts_with("IGO") || code.starts_with("NGO") ||
      code.starts_with("MNC") || code.starts_with("NGM") ||
      code.starts_with("IMG")) {
    parts.country = std::string(code);
    parts.sector = std::string(code.substr(0, 3));
    return parts;
  }
  if (code.size() == 3) {
    if (KnownSectors().count(code)) {
      parts.sector = std::string(code);
    } else {
      parts.country = std::string(code);  // a region or unknown state
    }
    return parts;
  }
  parts.country = std::string(code.substr(0, std::min<size_t>(3, code.size())));
  if (code.size() >= 6) parts.sector = std::string(code.substr(3, 3));
  return parts;
}

std::string ActorDictionary::FamilyName(int id) const {
  const ActorEntry& e = entries_[id];
  std::vector<Token> tokens;
  tokenizer_.Tokenize(e.name, &tokens);
  // Skip trailing suffixes and punctuation.
  while (!tokens.empty() &&
         (tokens.back().lower == "jr." || tokens.back().lower == "sr." ||
          tokens.back().lower == "ii" || tokens.back().lower == "iii" ||
          tokens.back().lower == "," || tokens.back().lower == "-")) {
    tokens.pop_back();
  }
  if (tokens.size() < 2) return "";
  std::string country =
      e.codes.empty() ? "" : SplitCode(e.codes.front().code).country;
  if (FamilyNameFirst(country)) return tokens.front().lower;
  return tokens.back().lower;
}

std::vector<std::string> ActorDictionary::Check() const {
  std::vector<std::string> problems;
  for (const ActorEntry& e : entries_) {
    for (size_t i = 0; i < e.codes.size(); ++i) {
      const DatedCode& a = e.codes[i];
      if (a.from > a.to) {
        problems.push_back(fmt::format("{}: {}: role {} ends before it starts",
                                       e.origin, e.name, a.code));
      }
      CodeParts parts = SplitCode(a.code);
      bool known_country = parts.country.empty() ||
                           IsCountryCode(parts.country) ||
                           parts.country.starts_with("IGO") ||
                           parts.country.starts_with("NGO") ||
                           parts.country.starts_with("MNC") ||
                           parts.country.starts_with("NGM") ||
                           parts.country.starts_with("IMG");
      bool known_sector =
          parts.sector.empty() || KnownSectors().count(parts.sector) > 0;
      if (!known_country || !known_sector) {
        problems.push_back(fmt::format("{}: {}: unknown code {}", e.origin,
                                       e.name, a.code));
      }
      for (size_t j = i + 1; j < e.codes.size(); ++j) {
        const DatedCode& b = e.codes[j];
        // Consecutive terms may share their hand-over day.
        if (a.code == b.code && a.from < b.to && b.from < a.to) {
          problems.push_back(fmt::format(
              "{}: {}: overlapping dates for {} ({}..{} and {}..{})", e.origin,
              e.name, a.code, FormatIsoDay(a.from == kMinDay ? kNoDay : a.from),
              FormatIsoDay(a.to == kMaxDay ? kNoDay : a.to),
              FormatIsoDay(b.from == kMinDay ? kNoDay : b.from),
              FormatIsoDay(b.to == kMaxDay ? kNoDay : b.to)));
        }
      }
    }
  }
  // The same name for two entries whose codes are valid at the same time.
  for (const auto& [hash, phrase] : names_) {
    for (size_t i = 0; i < phrase.entries.size(); ++i) {
      for (size_t j = i + 1; j < phrase.entries.size(); ++j) {
        const ActorEntry& a = entries_[phrase.entries[i].first];
        const ActorEntry& b = entries_[phrase.entries[j].first];
        if (phrase.entries[i].first == phrase.entries[j].first) continue;
        bool overlap = false;
        for (const DatedCode& ca : a.codes) {
          for (const DatedCode& cb : b.codes) {
            if (ca.from <= cb.to && cb.from <= ca.to) overlap = true;
          }
        }
        if (overlap) {
          problems.push_back(fmt::format(
              "{}: duplicate name: '{}' ({}) and '{}' ({}) share a name "
              "with overlapping dates",
              b.origin, a.name, a.origin, b.name, b.origin));
        }
      }
    }
  }
  std::sort(problems.begin(), problems.end());
  return problems;
}

}  // namespace dyad
