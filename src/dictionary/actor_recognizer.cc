#include "dictionary/actor_recognizer.h"

#include <algorithm>
#include <array>
#include <cctype>

#include "text/unicode.h"

namespace dyad {
namespace {

enum class AtomType : uint8_t { kName, kAgent };

// A dictionary match before composition; token indices are sentence-local.
struct Atom {
  AtomType type;
  uint32_t begin, end;
  int entry = -1;
  ActorKind kind = ActorKind::kCountry;
  std::string_view sector;  // agents
};

// A capitalised name before a surname that is not a date word ("On Monday
// Putin said"): someone's first name.
bool IsUnknownFirstName(const Token& t) {
  static constexpr std::array<std::string_view, 19> kDateWords = {
      "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
      "january", "february", "march", "april", "may", "june", "july", "august",
      "september", "october", "november", "december"};
  return t.tag == Upos::kPropn && !t.norm.empty() &&
         std::isupper(static_cast<unsigned char>(t.norm[0])) &&
         std::find(kDateWords.begin(), kDateWords.end(), t.lower) == kDateWords.end();
}

bool IsCountryLike(const Atom& a) {
  return a.type == AtomType::kName &&
         (a.kind == ActorKind::kCountry || a.kind == ActorKind::kAdjective ||
          a.kind == ActorKind::kCapital || a.kind == ActorKind::kSeat);
}

bool Capitalized(const Token& t) {
  size_t i = 0;
  return !t.norm.empty() && IsUpper(DecodeUtf8(t.norm, &i));
}

bool IsNounLike(const Token& t) {
  return t.tag == Upos::kNoun || t.tag == Upos::kPropn;
}

}  // namespace

void ActorRecognizer::Recognize(const AnnotatedText& text, const Sentence& s,
                                Day day, DocumentActors* doc,
                                std::vector<ActorMention>* out) const {
  std::span<const Token> toks = text.TokensOf(s);
  const size_t n = toks.size();
  if (n == 0) return;
  std::vector<uint64_t> hashes(n), lemma_hashes(n);
  for (size_t i = 0; i < n; ++i) {
    hashes[i] = ActorDictionary::TokenHash(toks[i].lower);
    lemma_hashes[i] = toks[i].lemma.empty()
                          ? hashes[i]
                          : ActorDictionary::TokenHash(toks[i].lemma);
  }

  // 1. Atoms: the longest dictionary matches, left to right.
  std::vector<Atom> atoms;
  for (size_t i = 0; i < n;) {
    NameMatch nm = dict_.MatchName(toks, hashes, i);
    AgentMatch am = dict_.MatchAgent(hashes, lemma_hashes, i);
    if (nm.length > 0 && nm.length >= am.length) {
      // Among several entries, prefer one whose role holds on the day.
      std::pair<int, ActorKind> best = nm.entries.front();
      for (const auto& e : nm.entries) {
        if (dict_.HasRoleOn(e.first, day)) {
          best = e;
          break;
        }
      }
      // "Michelle Obama", "Hunter Biden": a one-word alias of a person
      // after a first name no dictionary knows is a relative, not the
      // leader.
      if (best.second == ActorKind::kPerson && nm.length == 1 && i > 0 &&
          IsUnknownFirstName(toks[i - 1]) && !(!atoms.empty() && atoms.back().end == i)) {
        ++i;
        continue;
      }
      atoms.push_back({AtomType::kName, static_cast<uint32_t>(i),
                       static_cast<uint32_t>(i + nm.length), best.first,
                       best.second, {}});
      if (best.second == ActorKind::kPerson) doc->people_seen.insert(best.first);
      i += nm.length;
      continue;
    }
    // Agent words are nouns: "stated", "forced" and "in general" are not
    // agents even where their lemma is.
    if (am.length > 0 && !IsNounLike(toks[i + am.length - 1])) am.length = 0;
    if (am.length > 0) {
      // "the leader" and "leaders" are agents; "Leader" inside a proper
      // name such as "Supreme Leader Kim" is still a title, kept as agent.
      atoms.push_back({AtomType::kAgent, static_cast<uint32_t>(i),
                       static_cast<uint32_t>(i + am.length), -1,
                       ActorKind::kOrganization, am.sector});
      i += am.length;
      continue;
    }
    // A family name alone: "Kim" after "Kim Jong Un", "President Xi".
    if (Capitalized(toks[i]) && toks[i].tag == Upos::kPropn &&
        !(i + 1 < n && Capitalized(toks[i + 1]) &&
          toks[i + 1].tag == Upos::kPropn)) {
      std::span<const int> people = dict_.PeopleWithSurname(hashes[i]);
      int chosen = -1;
      for (int id : people) {
        if (doc->people_seen.count(id)) {
          chosen = id;
          break;
        }
      }
      // Only a title of the kind leaders hold: "President Xi", not
      // "Sheriff Lee".
      bool after_title = !atoms.empty() && atoms.back().type == AtomType::kAgent &&
                         atoms.back().end == i;
      bool leader_title = after_title &&
                          (atoms.back().sector == "GOV" || atoms.back().sector == "MIL" ||
                           atoms.back().sector == "LEG" || atoms.back().sector == "ELI");
      bool titled = leader_title;
      // A bare surname not seen before is a place more often than a
      // leader after a preposition or in a list of names: "the holy cities
      // of Mecca and Medina", "in Santos".
      // "Michelle Obama": after a first name no dictionary knows, a surname
      // is someone else's.
      bool other_first_name = i > 0 && IsUnknownFirstName(toks[i - 1]) &&
                              !(!atoms.empty() && atoms.back().end == i);
      bool place_like =
          other_first_name ||
          (!titled && i > 0 &&
           (toks[i - 1].tag == Upos::kAdp ||
            ((toks[i - 1].lower == "and" || toks[i - 1].lower == "or") && i > 1 &&
             toks[i - 2].tag == Upos::kPropn &&
             !(!atoms.empty() && atoms.back().end == i - 1))));
      if (chosen < 0 && !place_like && (after_title == titled) &&
          (titled || people.size() == 1)) {
        int valid = -1, count = 0;
        for (int id : people) {
          if (dict_.HasRoleOn(id, day)) {
            valid = id;
            ++count;
          }
        }
        if (count == 1) chosen = valid;
      }
      if (chosen >= 0) {
        atoms.push_back({AtomType::kName, static_cast<uint32_t>(i),
                         static_cast<uint32_t>(i + 1), chosen,
                         ActorKind::kPerson, {}});
        ++i;
        continue;
      }
    }
    ++i;
  }
  if (atoms.empty()) return;

  // 2. Composition into mentions.
  const uint32_t base = s.first_token;
  auto make = [&](uint32_t begin, uint32_t end, uint32_t head,
                  std::string code, const Atom& main) {
    ActorMention m;
    m.begin_token = base + begin;
    m.end_token = base + end;
    m.head_token = base + head;
    m.begin = toks[begin].begin;
    m.end = toks[end - 1].end;
    CodeParts parts = dict_.SplitCode(code);
    m.code = std::move(code);
    m.country = std::move(parts.country);
    m.sector = std::move(parts.sector);
    m.kind = main.kind;
    m.entry = main.entry;
    return m;
  };
  auto name_code = [&](const Atom& a) {
    std::string code = dict_.CodeOn(a.entry, day);
    if (a.kind == ActorKind::kSeat && code.size() == 3) code += "GOV";
    return code;
  };
  auto country_of = [&](const Atom& a) {
    return dict_.SplitCode(dict_.CodeOn(a.entry, day)).country;
  };
  // The next atom must start at token `at` exactly.
  auto atom_at = [&](size_t from, uint32_t at) -> const Atom* {
    if (from < atoms.size() && atoms[from].begin == at) return &atoms[from];
    return nullptr;
  };

  for (size_t a = 0; a < atoms.size(); ++a) {
    const Atom& atom = atoms[a];
    if (IsCountryLike(atom)) {
      uint32_t e = atom.end;
      if (e < n && (toks[e].lower == "'s" || toks[e].lower == "'")) ++e;
      // Up to two plain modifiers: "China's foreign ministry" when only
      // "ministry" is an agent, "the North Korean state media".
      uint32_t look = e;
      const Atom* next = atom_at(a + 1, look);
      for (int k = 0; k < 2 && next == nullptr && look < n; ++k) {
        const Token& t = toks[look];
        if (t.tag != Upos::kAdj && t.tag != Upos::kNoun && t.tag != Upos::kPropn)
          break;
        ++look;
        next = atom_at(a + 1, look);
      }
      if (next != nullptr && next->type == AtomType::kName &&
          next->kind == ActorKind::kPerson) {
        // "Russian Vladimir Putin", "Chinese leader Xi Jinping" (below).
        out->push_back(make(atom.begin, next->end, next->end - 1,
                            name_code(*next), *next));
        a += 1;
        continue;
      }
      if (next != nullptr && next->type == AtomType::kAgent) {
        // Country + agent, and possibly a person after it.
        const Atom* person = atom_at(a + 2, next->end);
        if (person != nullptr && person->type == AtomType::kName &&
            person->kind == ActorKind::kPerson &&
            dict_.HasRoleOn(person->entry, day)) {
          out->push_back(make(atom.begin, person->end, person->end - 1,
                              name_code(*person), *person));
          a += 2;
          continue;
        }
        // A chain of agents takes the last one's sector, the phrase's
        // head: "government forces" → MIL, "army spokesman" → MIL.
        const Atom* last = next;
        size_t used = 1;
        while (const Atom* more = atom_at(a + used + 1, last->end)) {
          if (more->type != AtomType::kAgent) break;
          last = more;
          ++used;
        }
        std::string country = country_of(atom);
        ActorMention m = make(atom.begin, last->end, last->end - 1,
                              country + std::string(last->sector), atom);
        out->push_back(std::move(m));
        a += used;
        continue;
      }
      if (next != nullptr && next->type == AtomType::kName &&
          next->kind == ActorKind::kOrganization) {
        continue;  // "North Korea's KCNA": the organisation speaks for itself
      }
      ActorMention m =
          make(atom.begin, atom.end, atom.end - 1, name_code(atom), atom);
      if (atom.kind == ActorKind::kAdjective && atom.end < n &&
          IsNounLike(toks[atom.end])) {
        m.modifier = true;  // "North Korean missile"
      }
      out->push_back(std::move(m));
      continue;
    }
    if (atom.type == AtomType::kAgent) {
      // "the leaders of North Korea and China", "foreign minister of Iran".
      uint32_t e = atom.end;
      if (e < n && toks[e].lower == "of") {
        size_t b = a + 1;
        const Atom* c = atom_at(b, e + 1);
        if (c != nullptr && IsCountryLike(*c)) {
          while (c != nullptr && IsCountryLike(*c)) {
            // Every country of the list shares the agent's words, so the
            // mentions start at the agent: "the leaders of X and Y".
            out->push_back(make(atom.begin, c->end, atom.end - 1,
                                country_of(*c) + std::string(atom.sector),
                                *c));
            a = b;
            // Coordination: "X and Y", "X, Y and Z".
            uint32_t after = c->end;
            while (after < n && (toks[after].lower == "," ||
                                 toks[after].lower == "and")) {
              ++after;
            }
            if (after == c->end) break;
            ++b;
            c = atom_at(b, after);
          }
          continue;
        }
      }
      const Atom* person = atom_at(a + 1, atom.end);
      if (person != nullptr && person->type == AtomType::kName &&
          person->kind == ActorKind::kPerson) {
        out->push_back(make(atom.begin, person->end, person->end - 1,
                            name_code(*person), *person));
        ++a;
        continue;
      }
      ActorMention m = make(atom.begin, atom.end, atom.end - 1,
                            std::string(atom.sector), atom);
      m.kind = ActorKind::kOrganization;
      m.generic = true;
      out->push_back(std::move(m));
      continue;
    }
    // An organisation followed by agent words speaks as itself: "Hamas
    // militants", "Taliban fighters". A person followed by agent words
    // names that person's state's sector: "the Bush administration".
    uint32_t end = atom.end;
    std::string_view last_sector;
    while (const Atom* more = atom_at(a + 1, end)) {
      if (more->type != AtomType::kAgent) break;
      end = more->end;
      last_sector = more->sector;
      ++a;
    }
    std::string code = name_code(atom);
    if (atom.kind == ActorKind::kPerson && !last_sector.empty()) {
      std::string country = country_of(atom);
      if (country.size() == 3) code = country + std::string(last_sector);
    }
    out->push_back(make(atom.begin, end, end - 1, code, atom));
  }
}

}  // namespace dyad
