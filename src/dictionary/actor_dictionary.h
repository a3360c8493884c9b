// ActorDictionary: names of states, organisations, people and agents, with
// the CAMEO codes they carry on each date.
//
// Built with AddEntry()/AddName()/AddAgent(), then Compile()d; after that it
// is immutable and every const method is thread-safe. Phrases are tokenised
// with the same Tokenizer as the text, so "Kim Jong-un" in a dictionary
// matches "Kim Jong-un" in an article.
#ifndef DYAD_DICTIONARY_ACTOR_DICTIONARY_H_
#define DYAD_DICTIONARY_ACTOR_DICTIONARY_H_

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "text/token.h"
#include "text/tokenizer.h"
#include "util/civil_date.h"
#include "util/status.h"

namespace dyad {

enum class ActorKind : uint8_t {
  kCountry,       // "North Korea", "DPRK"
  kAdjective,     // "North Korean" (also demonyms)
  kCapital,       // "Pyongyang": the country itself
  kSeat,          // "the Kremlin": the country's government
  kPerson,        // "Kim Jong Un" (dated roles)
  kOrganization,  // IGOs, NGOs, state media, armed groups
};

// "country", "adjective", ... for `kind`.
std::string_view ActorKindName(ActorKind kind);

// A code valid from `from` to `to`, both inclusive.
struct DatedCode {
  std::string code;
  Day from = kMinDay;
  Day to = kMaxDay;
};

struct ActorEntry {
  std::string name;  // canonical name
  ActorKind kind = ActorKind::kOrganization;
  std::vector<DatedCode> codes;     // undated entries: one code, all time
  std::vector<std::string> titles;  // people: "president", "prime minister"
  std::string origin;               // "people.txt:120", for messages
};

// A CAMEO actor code split into the parts analysts group by.
struct CodeParts {
  std::string country;  // ISO alpha-3, or the whole IGO/NGO code, or ""
  std::string sector;   // "GOV", "MIL", ... or ""
};

struct NameMatch {
  uint32_t length = 0;  // tokens matched; 0 when nothing matched
  // Entries named by the phrase (several when ambiguous), each with the kind
  // the phrase names it as (a country entry is also named by adjectives).
  std::span<const std::pair<int, ActorKind>> entries;
};

struct AgentMatch {
  uint32_t length = 0;
  std::string_view sector;  // "GOV"; valid as long as the dictionary
};

class ActorDictionary {
 public:
  ActorDictionary();
  ActorDictionary(const ActorDictionary&) = delete;
  ActorDictionary& operator=(const ActorDictionary&) = delete;

  // --- Building (before Compile; not thread-safe) ---

  // Adds an entry; returns its id.
  int AddEntry(ActorEntry entry);
  // Adds `phrase` as a name of entry `id` (as `kind`). A phrase written in
  // capitals ("DPRK", "UN") matches only in capitals; others match in any
  // case but must start with a capital letter in the text.
  void AddName(int id, std::string_view phrase, ActorKind kind);
  // Adds an agent phrase ("foreign ministry") for `sector` ("GOV"). Its last
  // word matches on the token's lemma too ("troops" → "troop").
  void AddAgent(std::string_view phrase, std::string_view sector);
  // Freezes the dictionary. Returns OK (problems are reported by Check()).
  Status Compile();

  // --- Queries (after Compile; thread-safe) ---

  // The longest name starting at tokens[pos]. `hashes` are TokenHash() of
  // each token's lower form (precomputed once per sentence).
  NameMatch MatchName(std::span<const Token> tokens,
                      std::span<const uint64_t> hashes, size_t pos) const;
  // The longest agent phrase starting at tokens[pos]; lemma_hashes are
  // TokenHash() of each token's lemma.
  AgentMatch MatchAgent(std::span<const uint64_t> hashes,
                        std::span<const uint64_t> lemma_hashes,
                        size_t pos) const;
  // People whose family name has hash `surname` (lower case).
  std::span<const int> PeopleWithSurname(uint64_t surname) const;

  const ActorEntry& entry(int id) const { return entries_[id]; }
  size_t num_entries() const { return entries_.size(); }
  size_t num_names() const { return num_names_; }
  size_t num_agents() const { return agents_.size(); }

  // The code entry `id` carries on `day` (kNoDay: its latest code). People
  // outside every role get their country's code before their first role
  // and country + "ELI" (elite, former official) after their last.
  std::string CodeOn(int id, Day day) const;
  // Like CodeOn, but among the roles valid on `day` prefers one whose
  // sector is `sector` (a leader who also commands the army: MIL for a
  // military drill, GOV for a summit).
  std::string CodeOn(int id, Day day, std::string_view sector) const;
  // True if some role of entry `id` is valid on `day`.
  bool HasRoleOn(int id, Day day) const;
  // Splits `code` using the known country codes.
  CodeParts SplitCode(std::string_view code) const;
  bool IsCountryCode(std::string_view code) const {
    return country_codes_.count(std::string(code)) > 0;
  }
  // The family name of a person entry (lower case): the first word for
  // Chinese, Korean and Vietnamese names, the last word otherwise.
  std::string FamilyName(int id) const;

  // Problems worth a maintainer's attention: duplicate names with
  // overlapping dates, overlapping roles with the same code, unknown codes.
  std::vector<std::string> Check() const;

  // Hash of a lower-case token, as used for matching.
  static uint64_t TokenHash(std::string_view lower);

  const Tokenizer& tokenizer() const { return tokenizer_; }

 private:
  struct Phrase {
    std::vector<std::pair<int, ActorKind>> entries;
    bool case_sensitive = false;
    std::vector<std::string> norms;  // exact forms, for case-sensitive phrases
  };
  static uint64_t Combine(uint64_t h, uint64_t token);

  Tokenizer tokenizer_;
  bool compiled_ = false;
  std::vector<ActorEntry> entries_;
  std::unordered_map<uint64_t, Phrase> names_;
  std::unordered_map<uint64_t, uint32_t> name_max_len_;  // by first token
  std::unordered_map<uint64_t, std::string> agents_;     // phrase → sector
  std::unordered_map<uint64_t, uint32_t> agent_max_len_;
  std::unordered_map<uint64_t, std::vector<int>> surnames_;
  std::unordered_set<std::string> country_codes_;
  size_t num_names_ = 0;
};

}  // namespace dyad

#endif  // DYAD_DICTIONARY_ACTOR_DICTIONARY_H_
