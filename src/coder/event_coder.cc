#include "coder/event_coder.h"

#include <algorithm>
#include <limits>
#include <array>
#include <set>
#include <unordered_map>

#include <fmt/core.h>

#include "util/paths.h"

namespace dyad {

std::string_view ModalityName(Modality m) {
  switch (m) {
    case Modality::kAsserted: return "asserted";
    case Modality::kAlleged: return "alleged";
    case Modality::kHypothetical: return "hypothetical";
    case Modality::kFuture: return "future";
    case Modality::kNegated: return "negated";
    case Modality::kHistorical: return "historical";
  }
  return "asserted";
}

// Per-document memory across sentences.
struct EventCoder::SentenceContext {
  std::vector<EventActor> recent_countries;  // most recent last, distinct
  std::optional<EventActor> last_source;
  uint32_t last_source_sentence = 0;
};

namespace {

// EventActor::entry of the members of "the two nations".
constexpr int kDyadInContext = -2;
// EventActor::entry of an ethnic group coded by its state of residence: not
// the same actor as that state.
constexpr int kEthnicGroup = -3;

// An actor position in a sentence: one mention, or several that share the
// same words ("the leaders of India and Pakistan").
struct ActorRef {
  uint32_t begin = 0, end = 0;  // sentence-local token indices
  std::vector<EventActor> members;
  bool generic = false;         // no country known
  bool modifier = false;        // an adjective before an ordinary noun
};

template <size_t N>
bool OneOf(std::string_view w, const std::array<std::string_view, N>& set) {
  return std::find(set.begin(), set.end(), w) != set.end();
}

// A drill or a protest held in a foreign place ("war games in the
// Mediterranean") is not aimed there; at home ("protesting election results
// in Monrovia") the place's state is the domestic target, as CAMEO codes it.
bool ForeignStage(std::string_view root, const ActorRef& place,
                  const std::vector<EventActor>& sources) {
  if (root != "14" && root != "15") return false;
  if (place.members.empty() || sources.empty()) return false;
  return place.members[0].country != sources.front().country;
}

// "alongside Xi", "together with Russia", "along with its allies": a
// co-actor of the event, never its target.
bool AfterCompanionWord(std::span<const Token> toks, uint32_t k) {
  uint32_t p = k;
  while (p > 0 && (toks[p - 1].tag == Upos::kDet || toks[p - 1].tag == Upos::kAdj)) {
    --p;
  }
  if (p == 0) return false;
  if (toks[p - 1].lower == "alongside") return true;
  return p >= 2 && toks[p - 1].lower == "with" &&
         (toks[p - 2].lower == "together" || toks[p - 2].lower == "along");
}

constexpr std::array<std::string_view, 12> kReportVerbs = {
    "say", "tell", "report", "announce", "state", "claim", "add", "note",
    "insist", "confirm", "quote", "declare"};

// CAMEO region codes (data/actors/countries.txt, cameo_region_codes.tsv).
constexpr std::array<std::string_view, 25> kRegionCodes = {
    "AFR", "ASA", "BLK", "CRB", "CAU", "CFR", "CAS", "CEU", "EAF",
    "EIN", "EEU", "EUR", "LAM", "MEA", "MDT", "NAF", "NMR", "PGS",
    "SCN", "SAM", "SAS", "SEA", "SAF", "WAF", "WST"};

constexpr std::array<std::string_view, 32> kCurrencies = {
    "dollar", "$",     "yuan",  "renminbi", "euro",   "rouble", "ruble", "pound",
    "yen",    "won",   "rupee", "peso",     "franc",  "dinar",  "riyal", "rial",
    "lira",   "shekel", "rand", "naira",    "krona",  "krone",  "ringgit", "baht",
    "hryvnia", "zloty", "forint", "dirham", "taka",   "rupiah", "kyat",  "cedi"};

// Verbs whose object is someone else's act: "found the air strike
// justified", "described the attack as", "blamed the bombing on".
constexpr std::array<std::string_view, 22> kJudgingVerbs = {
    "find", "call", "consider", "describe", "deem", "regard", "view", "justify",
    "defend", "welcome", "hail", "applaud", "mourn", "recall", "remember",
    "commemorate", "mark", "blame", "question", "dismiss", "witness", "watch"};

// Nouns for people by what they do: the act's own actors.
constexpr std::array<std::string_view, 9> kPersonTriggers = {
    "protester", "protestor", "demonstrator", "rioter", "striker",
    "marcher",   "picketer",  "boycotter",    "looter"};

// "the African nation": an unnamed state of a region.
constexpr std::array<std::string_view, 8> kStateNouns = {
    "nation", "country", "state", "republic", "kingdom", "neighbour",
    "neighbor", "island"};

// Heads of organisation names: "the Association of African Jurists".
constexpr std::array<std::string_view, 18> kOrganisationWords = {
    "association", "union",    "federation", "society",   "council",
    "confederation", "organization", "organisation", "league", "congress",
    "institute", "academy",   "assembly",   "committee", "movement",
    "alliance",   "network",  "foundation"};

constexpr std::array<std::string_view, 9> kDemandFrameVerbs = {
    "conclude", "reiterate", "stress",  "argue",  "maintain",
    "warn",     "remind",    "declare", "insist"};

constexpr std::array<std::string_view, 8> kPronouns = {
    "he", "she", "it", "they", "we", "i", "who", "which"};

bool IsBe(const Token& t) { return t.lemma == "be"; }

std::vector<uint64_t> HashAll(std::initializer_list<std::string_view> words) {
  std::vector<uint64_t> out;
  for (std::string_view w : words) out.push_back(VerbDictionary::Hash(w));
  return out;
}

bool Contains(const std::vector<uint64_t>& hashes, uint64_t h) {
  return std::find(hashes.begin(), hashes.end(), h) != hashes.end();
}

// "south", "northern", "southeastern", "central": a part of a country.
bool IsDirection(std::string_view w) {
  constexpr std::array<std::string_view, 14> kDirections = {
      "north", "south", "east", "west", "northern", "southern", "eastern",
      "western", "northeastern", "northwestern", "southeastern",
      "southwestern", "central", "northeast"};
  return OneOf(w, kDirections) || w == "northwest" || w == "southeast" ||
         w == "southwest";
}

bool IsClauseBreak(const Token& t) {
  return t.norm == ";" || t.norm == ":" || t.norm == "--";
}

// CAMEO codes a commitment to act in the future as an intent (03x) for
// cooperation and as a threat (13x) for conflict: "X will provide aid" is
// 033, "X will attack" is 138. Returns "" when the code stays as it is.
std::string IntentCode(const std::string& code) {
  if (code.size() < 2) return "";
  std::string root = code.substr(0, 2);
  static const std::pair<const char*, const char*> kExact[] = {
      {"071", "0331"}, {"072", "0332"}, {"073", "0333"}, {"074", "0334"},
      {"061", "0311"}, {"062", "0312"}, {"063", "0313"}, {"064", "0314"},
      {"081", "0351"}, {"082", "0352"}, {"083", "035"},  {"084", "0353"},
      {"085", "0354"}, {"086", "0355"}, {"087", "0356"}, {"0871", "0356"},
      {"045", "039"},  {"046", "036"},  {"057", "030"},  {"161", "134"},
      {"162", "135"},  {"163", "132"},  {"164", "134"},  {"166", "136"},
      {"172", "132"},  {"173", "132"},  {"174", "132"},  {"175", "137"}};
  for (const auto& [from, to] : kExact) {
    if (code == from) return to;
  }
  if (root == "04") return "036";
  if (root == "05") return "032";
  if (root == "06") return "031";
  if (root == "07") return "033";
  if (root == "08") return "035";
  if (root == "14") return "133";
  if (root == "15") return "138";
  if (root == "16") return "134";
  if (root == "17") return "130";
  if (root == "18" || root == "19" || root == "20") return "138";
  return "";
}

// Words that make an event with several sources and no target reciprocal
// ("exchanged messages", "met each other", "bilateral talks").
bool Reciprocal(std::span<const Token> toks) {
  for (size_t i = 0; i < toks.size(); ++i) {
    const std::string& l = toks[i].lemma;
    if (l == "exchange" || l == "swap" || l == "reciprocate" ||
        ((l == "each" || l == "one") && i + 1 < toks.size() &&
         toks[i + 1].lower == "other") ||
        (l == "one" && i + 1 < toks.size() && toks[i + 1].lower == "another")) {
      return true;
    }
  }
  return false;
}

EventActor ActorFromMention(const ActorMention& m, std::string_view text) {
  EventActor a;
  a.code = m.code;
  a.country = m.country;
  a.sector = m.sector;
  a.begin = m.begin;
  a.end = m.end;
  a.text = std::string(text.substr(m.begin, m.end - m.begin));
  a.entry = m.kind == ActorKind::kPerson ? m.entry : -1;
  return a;
}

}  // namespace

Result<std::unique_ptr<EventCoder>> EventCoder::Create(
    const EventCoderOptions& options, std::vector<std::string>* warnings) {
  std::unique_ptr<EventCoder> c(new EventCoder());
  c->options_ = options;
  DYAD_ASSIGN_OR_RETURN(c->text_, TextPipeline::Create(options.text));
  LoadReport report;
  DYAD_ASSIGN_OR_RETURN(c->actors_, LoadActorDictionary(options.actors, &report));
  c->recognizer_ = std::make_unique<ActorRecognizer>(*c->actors_);
  std::vector<std::string> verb_errors;
  auto verbs = options.verbs_dir.empty()
                   ? VerbDictionary::LoadDefault(&verb_errors)
                   : VerbDictionary::Load(options.verbs_dir, &verb_errors);
  if (!verbs.ok()) return verbs.status();
  c->verbs_ = std::move(verbs).value();
  auto cameo = options.cameo_table.empty()
                   ? CameoTable::LoadDefault()
                   : CameoTable::Load(options.cameo_table);
  if (!cameo.ok()) return cameo.status();
  c->cameo_ = std::move(cameo).value();
  c->must_rule_.id = -1;
  c->must_rule_.code = "100";
  c->must_rule_.text = "SRC (say|declare|insist) ... TGT (must|should|has to)";
  c->must_rule_.origin = "engine:reported-demand";
  c->must_rule_.specificity = 2;
  if (warnings != nullptr) {
    for (auto& e : report.errors) warnings->push_back(e);
    for (auto& e : verb_errors) warnings->push_back(e);
    for (const VerbRule& r : c->verbs_->rules()) {
      if (r.code != "---" && c->cameo_->Find(r.code) == nullptr) {
        warnings->push_back(r.origin + ": unknown CAMEO code " + r.code);
      }
    }
  }
  return c;
}

void EventCoder::Code(const Document& doc, CodedDocument* out,
                      bool trace) const {
  out->events.clear();
  out->traces.clear();
  text_->Annotate(doc.text, &out->text);
  Day article_day = kNoDay;
  if (auto d = ParseIsoDay(doc.date); d.ok()) article_day = *d;
  DocumentActors actors;
  SentenceContext ctx;
  const size_t n = out->text.sentences.size();
  size_t limit = options_.lede_sentences > 0
                     ? std::min<size_t>(n, options_.lede_sentences)
                     : n;
  for (size_t i = 0; i < limit; ++i) {
    SentenceTrace* t = nullptr;
    if (trace) {
      out->traces.emplace_back();
      t = &out->traces.back();
      t->sentence_index = static_cast<uint32_t>(i);
    }
    CodeSentence(doc, out->text, static_cast<uint32_t>(i), article_day,
                 &actors, &ctx, &out->events, t);
  }
}

void EventCoder::CodeSentence(const Document& doc, const AnnotatedText& text,
                              uint32_t index, Day article_day,
                              DocumentActors* doc_actors, SentenceContext* ctx,
                              std::vector<Event>* events,
                              SentenceTrace* trace) const {
  const Sentence& s = text.sentences[index];
  std::span<const Token> toks = text.TokensOf(s);
  const size_t n = toks.size();
  if (n == 0) return;
  const std::string_view doc_text = doc.text;
  auto note = [&](std::string msg) {
    if (trace != nullptr) trace->notes.push_back(std::move(msg));
  };
  auto words = [&](size_t b, size_t e) {
    if (b >= e) return std::string();
    return std::string(
        doc_text.substr(toks[b].begin, toks[e - 1].end - toks[b].begin));
  };

  // 1. Actors of the sentence, as refs.
  std::vector<ActorMention> mentions;
  Day role_day = article_day;
  recognizer_->Recognize(text, s, role_day, doc_actors, &mentions);
  if (trace != nullptr) trace->mentions = mentions;
  std::vector<ActorRef> refs;
  for (const ActorMention& m : mentions) {
    uint32_t b = m.begin_token - s.first_token;
    uint32_t e = m.end_token - s.first_token;
    if (!refs.empty() && refs.back().begin == b) {
      refs.back().members.push_back(ActorFromMention(m, doc_text));
      refs.back().end = std::max(refs.back().end, e);
      continue;
    }
    ActorRef r;
    r.begin = b;
    r.end = e;
    r.generic = m.generic;
    r.modifier = m.modifier;
    r.members.push_back(ActorFromMention(m, doc_text));
    refs.push_back(std::move(r));
  }
  // "nine billion US dollars", "US$300", "Hong Kong dollars": a currency
  // is no actor.
  refs.erase(std::remove_if(refs.begin(), refs.end(),
                            [&](const ActorRef& r) {
                              return r.end < n && !r.generic &&
                                     OneOf(toks[r.end].lemma, kCurrencies);
                            }),
             refs.end());
  // "the African nation", "African countries": a region's adjective before
  // a word for a state names no actor; the state is unnamed.
  refs.erase(std::remove_if(refs.begin(), refs.end(),
                            [&](const ActorRef& r) {
                              return r.end < n && r.members.size() == 1 &&
                                     OneOf(r.members[0].code, kRegionCodes) &&
                                     OneOf(toks[r.end].lemma, kStateNouns);
                            }),
             refs.end());
  // "the Association of African Jurists": a region's adjective inside the
  // name of an organisation the dictionary does not know makes it a
  // non-governmental body of many states (CAMEO NGO), not the region.
  for (ActorRef& r : refs) {
    if (r.begin < 2 || r.members.size() != 1 || r.end >= n) continue;
    const EventActor& a = r.members[0];
    if (!OneOf(a.code, kRegionCodes) || toks[r.begin - 1].lower != "of") continue;
    const Token& org = toks[r.begin - 2];
    bool capitalised = !org.norm.empty() && std::isupper(static_cast<unsigned char>(org.norm[0]));
    if (!capitalised || !OneOf(org.lemma, kOrganisationWords) ||
        (toks[r.end].tag != Upos::kPropn && toks[r.end].tag != Upos::kNoun)) {
      continue;
    }
    if (toks[r.end].norm.empty() || !std::isupper(static_cast<unsigned char>(toks[r.end].norm[0]))) {
      continue;
    }
    EventActor ngo = a;
    ngo.code = "NGO";
    ngo.country = "NGO";
    ngo.sector.clear();
    uint32_t b = r.begin - 2;
    if (b > 0 && toks[b - 1].lower == "the") --b;
    ngo.begin = toks[b].begin;
    ngo.end = toks[r.end].end;
    ngo.text = words(b, r.end + 1);
    note(fmt::format("'{}' = NGO (an organisation named after a region)", ngo.text));
    r.begin = b;
    r.end = r.end + 1;
    r.modifier = false;
    r.members = {ngo};
  }
  // Remembers the countries named, for "the two nations" later.
  auto remember = [&](const ActorRef& r) {
    for (const EventActor& a : r.members) {
      // A region ("the Mediterranean") is not one of "the two countries".
      if (a.country.size() != 3 || OneOf(a.code, kRegionCodes)) continue;
      EventActor c = a;
      c.code = a.country;
      c.sector.clear();
      c.entry = -1;
      auto& rc = ctx->recent_countries;
      rc.erase(std::remove_if(rc.begin(), rc.end(),
                              [&](const EventActor& x) {
                                return x.country == c.country;
                              }),
               rc.end());
      rc.push_back(std::move(c));
    }
  };
  // "the two nations", "both countries", "the two sides": the dyad in context.
  size_t remembered = 0;
  for (size_t i = 0; i + 1 < n; ++i) {
    while (remembered < refs.size() && refs[remembered].end <= i) {
      remember(refs[remembered++]);
    }
    const std::string& a = toks[i].lower;
    const std::string& b = toks[i + 1].lemma;
    bool two = (a == "two" || a == "both") &&
               (b == "nation" || b == "country" || b == "side" ||
                b == "leader" || b == "government" || b == "neighbor" ||
                b == "neighbour" || b == "state");
    if (!two || ctx->recent_countries.size() < 2) continue;
    bool inside = false;
    for (auto it = refs.begin(); it != refs.end();) {
      bool overlaps = it->begin < i + 2 && i < it->end;
      if (overlaps && it->generic) {
        it = refs.erase(it);  // "the two leaders" is more than "leaders"
        continue;
      }
      if (overlaps) inside = true;
      ++it;
    }
    if (inside) continue;
    ActorRef r;
    r.begin = static_cast<uint32_t>(i);
    r.end = static_cast<uint32_t>(i + 2);
    const auto& rc = ctx->recent_countries;
    for (size_t k = rc.size() - 2; k < rc.size(); ++k) {
      EventActor x = rc[k];
      if (b == "leader" || b == "government") x.code = x.country + "GOV", x.sector = "GOV";
      x.text = words(i, i + 2);
      x.entry = kDyadInContext;
      x.begin = toks[i].begin;
      x.end = toks[i + 1].end;
      r.members.push_back(std::move(x));
    }
    note(fmt::format("'{}' = {} and {}", words(i, i + 2), r.members[0].code,
                     r.members[1].code));
    refs.push_back(std::move(r));
  }
  std::sort(refs.begin(), refs.end(),
            [](const ActorRef& x, const ActorRef& y) { return x.begin < y.begin; });
  // "Security forces in Guinea", "demonstrators in Baghdad", "opposition
  // groups in Zimbabwe": a group without a country located in a state is
  // that state's group; the place is not an actor of its own.
  auto mt_possessive = [](const Token& t) {
    return t.lower == "its" || t.lower == "their" || t.lower == "his" ||
           t.lower == "her" || t.lower == "our";
  };
  // "Russian-made rockets": the country qualifies a thing; it is no actor
  // of the sentence's events. ("Saudi-led forces" keep theirs.)
  refs.erase(std::remove_if(refs.begin(), refs.end(),
                            [&](const ActorRef& r) {
                              // "anti-Syria journalist", "pro-Russian
                              // separatists": for or against, not of.
                              if (r.begin >= 2 && toks[r.begin - 1].norm == "-" &&
                                  (toks[r.begin - 2].lower == "anti" ||
                                   toks[r.begin - 2].lower == "pro")) {
                                return true;
                              }
                              if (r.end + 1 >= n || toks[r.end].norm != "-") return false;
                              const Token& t = toks[r.end + 1];
                              return t.lower == "made" || t.lower == "built" ||
                                     t.lower == "designed" || t.lower == "supplied" ||
                                     t.lower == "owned" || t.lower == "based" ||
                                     t.lower == "registered" || t.lower == "flagged";
                            }),
             refs.end());
  // "Montenegro Municipality Association (AKK) officials": an acronym in
  // brackets right after a name dyad does not know defines that name; it is
  // not whoever else the letters spell.
  refs.erase(std::remove_if(refs.begin(), refs.end(),
                            [&](const ActorRef& r) {
                              if (r.begin < 2 || r.end >= n) return false;
                              if (toks[r.begin - 1].norm != "(" || toks[r.end].norm != ")") {
                                return false;
                              }
                              const Token& name = toks[r.begin - 2];
                              if (name.tag != Upos::kPropn && name.tag != Upos::kNoun) {
                                return false;
                              }
                              for (const ActorRef& o : refs) {
                                if (o.begin <= r.begin - 2 && r.begin - 2 < o.end) return false;
                              }
                              return true;
                            }),
             refs.end());
  // "Bosnian Serbs", "Croatian Serb refugees", "Turkish Kurds": a people
  // named with the state it lives in belongs to that state.
  for (size_t i = 0; i + 1 < refs.size(); ++i) {
    ActorRef& a = refs[i];
    const ActorRef& b = refs[i + 1];
    // "Croatian Serb refugees": the people word may carry a sector.
    if (a.end != b.begin || a.end - a.begin != 1 || b.end - b.begin > 2 ||
        a.members.size() != 1 || b.members.size() != 1 ||
        (toks[a.begin].tag != Upos::kAdj && toks[a.begin].tag != Upos::kPropn) ||
        // A people in the plural ("Serbs", "Kurds") or a group ("Serb
        // refugees"); not "US Israeli talks".
        (b.members[0].sector.empty() && !toks[b.begin].lower.ends_with("s"))) {
      continue;
    }
    const EventActor& state = a.members[0];
    const EventActor& people = b.members[0];
    if (state.country.size() != 3 || people.country.size() != 3 ||
        state.country == people.country || !state.sector.empty() ||
        state.code != state.country ||
        people.code != people.country + people.sector ||
        (toks[b.begin].tag != Upos::kAdj && toks[b.begin].tag != Upos::kPropn &&
         toks[b.begin].tag != Upos::kNoun)) {
      continue;
    }
    note(fmt::format("'{}' = {}{} (a people named with its state)",
                     words(a.begin, b.end), state.country, people.sector));
    a.end = b.end;
    a.members[0].end = b.members[0].end;
    a.members[0].text = words(a.begin, b.end);
    a.members[0].sector = people.sector;
    a.members[0].code = state.country + people.sector;
    a.modifier = b.modifier;
    refs.erase(refs.begin() + static_cast<std::ptrdiff_t>(i + 1));
  }
  // "ethnic Albanians in south Serbia", "ethnic Albanian guerrillas
  // operating in Macedonia": an ethnic group is coded by the state it lives
  // in (the one the sentence places it in, else the sentence's one other
  // state), as CAMEO codes minorities; with no such state it has none.
  for (size_t i = 0; i < refs.size(); ++i) {
    ActorRef& g = refs[i];
    if (g.begin == 0 || toks[g.begin - 1].lower != "ethnic" ||
        g.members.size() != 1 || g.members[0].country.size() != 3) {
      continue;
    }
    const std::string own = g.members[0].country;
    const ActorRef* home = nullptr;
    int others = 0;
    const ActorRef* other = nullptr;
    for (size_t j = 0; j < refs.size(); ++j) {
      const ActorRef& r = refs[j];
      if (j == i || r.generic || r.members.size() != 1) continue;
      const EventActor& c = r.members[0];
      if (c.country.size() != 3 || c.country == own) continue;
      if (other == nullptr || c.country != other->members[0].country) ++others;
      other = &r;
      uint32_t p = r.begin;
      while (p > 0 && (toks[p - 1].tag == Upos::kDet || IsDirection(toks[p - 1].lower))) --p;
      if (home == nullptr && p > 0 && p > g.begin &&
          (toks[p - 1].lower == "in" || toks[p - 1].lower == "near")) {
        home = &r;
      }
    }
    if (home == nullptr && others == 1) home = other;
    EventActor& a = g.members[0];
    std::string state = home != nullptr ? home->members[0].country : "";
    note(fmt::format("'ethnic {}' = {}", a.text,
                     state.empty() ? "a group with no state named" : state));
    a.country = state;
    a.code = state + a.sector;
    a.entry = kEthnicGroup;
    if (state.empty()) g.generic = true;
  }
  auto ref_at_token = [&](uint32_t k) {
    for (size_t r = 0; r < refs.size(); ++r) {
      if (refs[r].begin <= k && k < refs[r].end) return static_cast<int>(r);
    }
    return -1;
  };
  for (size_t i = 0; i + 1 < refs.size(); ++i) {
    ActorRef& g = refs[i];
    const ActorRef& place = refs[i + 1];
    // "Opposition groups in Zimbabwe": one noun may follow the group word.
    uint32_t in = g.end;
    if (in + 1 < n && toks[in].tag == Upos::kNoun && ref_at_token(in) < 0) ++in;
    // "in south Serbia", "in eastern Ukraine", "in the Ivory Coast".
    uint32_t at = in + 1;
    if (at < n && at < place.begin && toks[at].lower == "the") ++at;
    if (at < n && at < place.begin && IsDirection(toks[at].lower)) ++at;
    if (!g.generic || at != place.begin || in >= n ||
        toks[in].lower != "in" || place.generic || place.members.size() != 1) {
      continue;
    }
    // "deploy peacekeepers in Iraq": the object of a verb is sent there.
    int before = static_cast<int>(g.begin) - 1;
    while (before >= 0 && (toks[before].tag == Upos::kDet ||
                           toks[before].tag == Upos::kAdj ||
                           toks[before].tag == Upos::kNum)) {
      --before;
    }
    if (before >= 0 && toks[before].tag == Upos::kVerb) continue;
    // "its forces in Lebanon" are the possessor's.
    if (g.begin > 0 && mt_possessive(toks[g.begin - 1])) continue;
    const EventActor& c = place.members[0];
    if (c.country.size() != 3 || !c.sector.empty() ||
        c.code.starts_with("IGO") || c.code.starts_with("NGO")) {
      continue;
    }
    for (EventActor& a : g.members) {
      if (a.sector.empty()) continue;
      a.country = c.country;
      a.code = c.country + a.sector;
    }
    g.generic = false;
    note(fmt::format("'{} in {}' = {}", words(g.begin, in), c.text,
                     g.members[0].code));
    g.end = in;
    refs.erase(refs.begin() + static_cast<std::ptrdiff_t>(i + 1));
  }

  // 2. Tokens for the matcher.
  std::vector<MatchToken> mt(n);
  for (size_t i = 0; i < n; ++i) {
    mt[i].lemma = VerbDictionary::Hash(toks[i].lemma);
    mt[i].lower = VerbDictionary::Hash(toks[i].lower);
    mt[i].tag = toks[i].tag;
    mt[i].clause_break = IsClauseBreak(toks[i]);
    mt[i].hyphen = toks[i].norm == "-";
    // Hash lookups: this runs for every token of every sentence.
    static const std::vector<uint64_t> kPossessiveHashes = HashAll(
        {"its", "their", "his", "her", "our"});
    static const std::vector<uint64_t> kQuantityHashes = HashAll(
        {"at", "least", "more", "than", "up", "to", "about", "some", "several",
         "dozens", "hundreds", "thousands", "scores", "of", "nearly", "almost",
         "over"});
    mt[i].possessive = Contains(kPossessiveHashes, mt[i].lower);
    mt[i].quantity = Contains(kQuantityHashes, mt[i].lower);
  }
  const std::vector<DateMention> sentence_dates = dates_.Find(toks, article_day);
  for (const DateMention& d : sentence_dates) {
    for (uint32_t k = d.begin_token; k < d.end_token && k < n; ++k) {
      mt[k].skippable = true;
    }
  }
  std::vector<int> ref_at(n, -1);
  for (size_t r = 0; r < refs.size(); ++r) {
    mt[refs[r].begin].actor_start = true;
    for (uint32_t i = refs[r].begin; i < refs[r].end && i < n; ++i) {
      mt[i].actor = static_cast<int>(r);
      mt[i].modifier = refs[r].modifier;
      if (ref_at[i] < 0) ref_at[i] = static_cast<int>(r);
    }
  }

  // 3. Triggers.
  std::vector<RuleMatch> matches;
  for (size_t i = 0; i < n; ++i) {
    if (ref_at[i] >= 0 && refs[ref_at[i]].begin != i) continue;
    if (toks[i].tag == Upos::kPunct) continue;
    if (i > 0 && toks[i - 1].norm == "-" && toks[i].tag == Upos::kVerb &&
        toks[i].lower.ends_with("ed")) {
      // "the Israeli-occupied West Bank", "its long-threatened invasion":
      // a compound adjective describes; it reports no event.
      continue;
    }
    if (i > 0 && i + 1 < n && toks[i].tag == Upos::kVerb &&
        (toks[i].lower.ends_with("ed") || toks[i].lower.ends_with("ing")) &&
        (toks[i - 1].tag == Upos::kDet || mt[i - 1].possessive) &&
        toks[i + 1].tag == Upos::kNoun) {
      // "a planned visit", "its proposed deal": the participle describes
      // the noun (which may be a trigger of its own).
      continue;
    }
    if (trace != nullptr) {
      for (const RuleMatch& m : verbs_->AllMatchesAt(mt, i)) {
        trace->candidates.push_back(fmt::format(
            "{} '{}' at '{}': {}", m.rule->code, m.rule->text,
            words(m.trigger_begin, m.end), m.rule->origin));
      }
    }
    RuleMatch m = verbs_->MatchAt(mt, i);
    if (m.rule == nullptr) continue;
    matches.push_back(m);
  }
  // Nested matches: the outer rule read the inner words already.
  std::vector<RuleMatch> kept;
  for (const RuleMatch& m : matches) {
    bool nested = false;
    for (const RuleMatch& o : matches) {
      if (&o == &m) continue;
      // An accusation's content is an (alleged) event of its own.
      const CameoCode* oc = cameo_->Find(o.rule->code);
      if (oc != nullptr && oc->root == "11" && m.trigger_begin >= o.trigger_end) {
        continue;
      }
      if (m.trigger_begin > o.trigger_begin && m.trigger_begin < o.end) {
        nested = true;
        note(fmt::format("rule {} at '{}' dropped: inside rule {} ('{}')",
                         m.rule->code, words(m.trigger_begin, m.trigger_end),
                         o.rule->code, o.rule->text));
      }
    }
    if (!nested && m.rule->code != "---") kept.push_back(m);
  }
  // Content of an intent, appeal, demand, refusal or threat: "agreed to
  // hold talks", "urged X to withdraw" are one event, the outer one.
  std::vector<RuleMatch> final_matches;
  // The code of what an intent is to do, by the intent's trigger: "is
  // prepared to impose martial law" is a threat, not cooperation.
  std::unordered_map<uint32_t, std::string> content_code;
  for (const RuleMatch& m : kept) {
    bool governed = false;
    for (const RuleMatch& o : kept) {
      if (&o == &m || o.trigger_begin >= m.trigger_begin) continue;
      const CameoCode* oc = cameo_->Find(o.rule->code);
      if (oc == nullptr) continue;
      // Accusations are not here: "accused X of supplying arms" is an
      // accusation and an alleged supply, both worth keeping.
      bool governing = oc->root == "02" || oc->root == "03" ||
                       oc->root == "10" || oc->root == "12" ||
                       oc->root == "13";
      if (!governing) continue;
      // "to" between the outer match's end and this trigger, no clause break.
      bool to = false;
      for (uint32_t k = o.trigger_end; k < m.trigger_begin && k < n; ++k) {
        if (IsClauseBreak(toks[k])) {
          to = false;
          break;
        }
        if (toks[k].lower == "to" || toks[k].lower == "of" ||
            toks[k].lower == "that") {
          to = true;
        }
      }
      if (to && m.trigger_begin - o.end <= 6) {
        governed = true;
        if (oc->root == "03") content_code[o.trigger_begin] = m.rule->code;
      }
    }
    if (governed) {
      note(fmt::format("rule {} at '{}' dropped: the content of an earlier "
                       "intent, appeal or demand",
                       m.rule->code, words(m.trigger_begin, m.trigger_end)));
      continue;
    }
    final_matches.push_back(m);
  }

  // Reporting verbs: attribution frames and clause starts.
  std::vector<uint32_t> report_at;
  for (size_t i = 0; i < n; ++i) {
    if ((toks[i].tag == Upos::kVerb || toks[i].tag == Upos::kAux) &&
        OneOf(toks[i].lemma, kReportVerbs)) {
      report_at.push_back(static_cast<uint32_t>(i));
    }
    if (toks[i].lower == "according" && i + 1 < n && toks[i + 1].lower == "to") {
      report_at.push_back(static_cast<uint32_t>(i));
    }
  }

  // Reported demands: "Russia said that Sudan must return ...".
  auto add_must = [&](const auto& ref_before_fn) {
    std::vector<uint32_t> said = report_at;
    for (uint32_t i = 0; i < n; ++i) {
      // Verbs that frame a demand but attribute nothing else.
      if (toks[i].tag == Upos::kVerb &&
          OneOf(toks[i].lemma, kDemandFrameVerbs)) {
        said.push_back(i);
      }
      // "issued a stern reminder to Iraq that it must cooperate".
      if (toks[i].tag == Upos::kNoun &&
          (toks[i].lemma == "reminder" || toks[i].lemma == "warning")) {
        said.push_back(i);
      }
    }
    for (uint32_t r : said) {
      if (toks[r].lower == "according") continue;
      int speaker = ref_before_fn(r, 0);
      if (speaker < 0) continue;
      for (uint32_t k = r + 1; k < n && k < r + 12; ++k) {
        if (IsClauseBreak(toks[k])) break;
        int y = ref_at[k];
        if (y < 0 || refs[y].begin != k || refs[y].generic || y == speaker) continue;
        uint32_t after = refs[y].end;
        // "Kagame and his party must", "the US and other developed nations
        // must": the subject may go on past the first actor.
        for (uint32_t hop = 0; hop < 6 && after < n; ++hop) {
          const Token& t = toks[after];
          if (t.lower == "must" || t.lower == "should" || t.lemma == "have" ||
              t.lemma == "need") {
            break;
          }
          // "the government and the rebels in Darfur must".
          bool np = t.tag == Upos::kCconj || t.tag == Upos::kDet ||
                    t.tag == Upos::kAdj || t.tag == Upos::kNoun ||
                    t.tag == Upos::kPropn || t.lower == "his" ||
                    t.lower == "its" || t.lower == "their" ||
                    t.lower == "in" || t.lower == "of";
          if (!np && ref_at[after] < 0) break;
          ++after;
        }
        // "to Iraq that it must": the complement's subject is a pronoun
        // for the addressee.
        if (after + 2 < n && toks[after].lower == "that" &&
            (toks[after + 1].lower == "it" || toks[after + 1].lower == "they")) {
          after += 2;
        }
        if (after < n && (toks[after].lower == "must" ||
                          toks[after].lower == "should" ||
                          (after + 1 < n && (toks[after].lemma == "have" ||
                                             toks[after].lemma == "need") &&
                           toks[after + 1].lower == "to"))) {
          // The engine's reading replaces a pattern's at the same word.
          final_matches.erase(
              std::remove_if(final_matches.begin(), final_matches.end(),
                             [&](const RuleMatch& f) {
                               return f.trigger_begin == after;
                             }),
              final_matches.end());
          RuleMatch m;
          m.rule = &must_rule_;
          m.trigger_begin = after;
          m.trigger_end = after + 1;
          m.end = after + 1;
          m.source = speaker;
          m.target = y;
          final_matches.push_back(m);
        }
        break;  // only the complement's subject
      }
    }
  };

  auto ref_before = [&](uint32_t pos, uint32_t stop) -> int {
    // Nearest ref ending at or before `pos`, not before `stop`, that is not
    // the object of a preposition ("in a message to Xi").
    uint32_t generic_begin = 0;
    bool passed_generic = false;
    for (int r = static_cast<int>(refs.size()) - 1; r >= 0; --r) {
      const ActorRef& ref = refs[r];
      if (ref.end > pos || ref.begin < stop) continue;
      if (ref.generic) {  // "officials", "troops": no state to code
        // Only the verb's own subject: "a human rights group protested",
        // not an appositive ("the NUT, the umbrella union for teachers,
        // announced").
        bool subject = !passed_generic;
        for (uint32_t k = ref.end; subject && k < pos; ++k) {
          subject = toks[k].tag == Upos::kAdv || toks[k].tag == Upos::kAux ||
                    toks[k].tag == Upos::kPart;
        }
        if (subject) {
          generic_begin = ref.begin;
          passed_generic = true;
        }
        continue;
      }
      // "..., a human rights group protested": a subject without a country
      // does not borrow one from across a comma.
      if (passed_generic &&
          std::any_of(toks.begin() + ref.end, toks.begin() + generic_begin,
                      [](const Token& t) { return t.norm == ","; })) {
        return -1;
      }
      if (ref.begin > 0) {
        // "on the US Constitution", "with Roman Catholic Pope Francis": the
        // preposition may stand before the noun phrase's modifiers.
        uint32_t p = ref.begin;
        while (p > 1 && (toks[p - 1].tag == Upos::kDet || toks[p - 1].tag == Upos::kAdj ||
                         toks[p - 1].tag == Upos::kNum ||
                         (toks[p - 1].tag == Upos::kPropn && ref_at[p - 1] < 0))) {
          --p;
        }
        // Past modifiers only in a verb phrase: "Doctors from two American
        // aid groups donated" keeps its subject's origin.
        bool after_verb = false;
        for (uint32_t k = stop; k + 1 < p && !after_verb; ++k) {
          // "workers affiliated with ...": a participle after a common
          // noun; after a name ("Smith based his platform") it is the verb.
          bool reduced = k > 0 && toks[k - 1].tag == Upos::kNoun &&
                         (toks[k].lower.ends_with("ed") ||
                          toks[k].lower.ends_with("ing"));
          after_verb = (toks[k].tag == Upos::kVerb && !reduced) ||
                       toks[k].tag == Upos::kAux;
        }
        if (!after_verb) p = ref.begin;
        const Token& prev = toks[p - 1];
        bool prep = prev.tag == Upos::kAdp && prev.lower != "by" &&
                    prev.lower != "of";
        // "representatives from Iran acknowledged": where the subject's
        // people come from names their state.
        if (prep && prev.lower == "from" && !after_verb && p >= 2 &&
            toks[p - 2].tag == Upos::kNoun) {
          prep = false;
        }
        if (prep) continue;
        // "told Agence France-Presse arson has been used": the addressee
        // of what is said is not the subject of what follows.
        if (prev.lemma == "tell" && prev.tag == Upos::kVerb) continue;
        // "in the capital city of Algiers": the object of a preposition
        // through "of", unlike "the leaders of China".
        if (prev.lower == "of") {
          uint32_t k = ref.begin - 1;
          while (k > 0 && (toks[k - 1].tag == Upos::kNoun ||
                           toks[k - 1].tag == Upos::kAdj ||
                           toks[k - 1].tag == Upos::kDet)) {
            --k;
          }
          if (k > 0 && k + 1 < ref.begin && toks[k - 1].tag == Upos::kAdp &&
              toks[k - 1].lower != "by" && toks[k - 1].lower != "of") {
            continue;
          }
        }
      }
      return r;
    }
    return -1;
  };
  // Extends ref r to a coordinated group: "X and Y", "X, Y and Z".
  auto group = [&](int r) {
    std::vector<int> g = {r};
    // 0: not joined; 1: joined by a comma only; 2: by "and", "or", "as
    // well as" (a comma list counts only if an "and" closes it).
    auto joined = [&](const ActorRef& a, const ActorRef& b) {
      if (b.begin < a.end) return 0;
      int kind = 0;
      uint32_t from = a.end;
      // "an Israeli peace movement and the PLO": the nouns an adjective
      // mention qualifies belong to it.
      while (a.modifier && kind == 0 && from < b.begin &&
             (toks[from].tag == Upos::kNoun || toks[from].tag == Upos::kPropn)) {
        ++from;
      }
      for (uint32_t k = from; k < b.begin; ++k) {
        const std::string& w = toks[k].lower;
        if (w == "and" || w == "or" || w == "as" || w == "well") {
          kind = 2;
        } else if (w == ",") {
          kind = std::max(kind, 1);
        } else if (!(kind > 0 && toks[k].tag == Upos::kDet)) {
          return 0;
        }
      }
      return a.end == b.begin ? 2 : kind;
    };
    for (int k = r - 1; k >= 0; --k) {
      int j = joined(refs[k], refs[g.front()]);
      if (j == 0) break;
      if (j == 1 && joined(refs[g.front()],
                           g.size() > 1 ? refs[g[1]] : refs[g.front()]) != 2 &&
          g.size() == 1) {
        break;  // "X, Y said": not a list
      }
      g.insert(g.begin(), k);
    }
    for (int k = r + 1; k < static_cast<int>(refs.size()); ++k) {
      int j = joined(refs[g.back()], refs[k]);
      if (j == 0) break;
      if (j == 1) {
        // A comma continues the list only if "and" follows later.
        // Three names in a row are a list even when its end is interrupted
        // ("to Iran, Libya, North Korea, Sudan, and with strings attached,
        // Cuba").
        bool closed = false;
        int commas = 1;
        for (int q = k + 1; q < static_cast<int>(refs.size()); ++q) {
          int jq = joined(refs[q - 1], refs[q]);
          if (jq == 0) break;
          if (jq == 2) {
            closed = true;
            break;
          }
          ++commas;
        }
        bool named = [&] {
          for (int q = k; q < k + 2 && q < static_cast<int>(refs.size()); ++q) {
            if (refs[q].generic) return false;
          }
          return !refs[g.back()].generic;
        }();
        if (!closed && !(g.size() + commas >= 3 && named)) break;
      }
      g.push_back(k);
    }
    std::vector<EventActor> out;
    for (int k : g) {
      if (refs[k].generic && g.size() > 1) continue;  // "X and officials"
      for (const EventActor& a : refs[k].members) out.push_back(a);
    }
    return out;
  };

  add_must(ref_before);
  std::vector<Event> sentence_events;
  for (const RuleMatch& m : final_matches) {
    const VerbRule& rule = *m.rule;
    const CameoCode* cc = cameo_->Find(rule.code);
    if (cc == nullptr) continue;
    if (cc->root == "01" && !options_.statements) {
      note(fmt::format("rule {} at '{}': statements (01x) are not kept",
                       rule.code, words(m.trigger_begin, m.trigger_end)));
      continue;
    }
    uint32_t tb = m.trigger_begin, te = m.trigger_end;
    double confidence = 0.7;
    // Clause start: the last reporting verb or clause break before the
    // trigger (the complement of "Seoul said Pyongyang fired" starts after
    // "said").
    uint32_t clause_start = 0;
    int report_before = -1;
    for (uint32_t r : report_at) {
      if (r >= tb) continue;
      // "Italy announced a suspension of air links": a noun trigger that is
      // the reporting verb's own object is the speaker's act.
      bool object = m.noun_trigger && toks[r].tag == Upos::kVerb && r + 4 >= tb;
      for (uint32_t k = r + 1; object && k < tb; ++k) {
        object = toks[k].tag == Upos::kDet || toks[k].tag == Upos::kAdj ||
                 toks[k].tag == Upos::kNum || toks[k].tag == Upos::kNoun;
      }
      if (object) continue;
      clause_start = r + 1;
      report_before = static_cast<int>(r);
    }
    for (uint32_t k = 0; k < tb; ++k) {
      if (IsClauseBreak(toks[k])) clause_start = std::max(clause_start, k + 1);
    }
    if (clause_start < n && toks[clause_start].lower == "that") ++clause_start;

    // --- Roles ---
    std::vector<EventActor> sources, targets;
    std::string source_why, target_why;
    bool passive = false;
    if (!m.noun_trigger) {
      // be (+ adverbs) + participle: "was attacked by".
      int k = static_cast<int>(tb) - 1;
      while (k >= 0 && (toks[k].tag == Upos::kAdv || toks[k].lower == "not" ||
                        toks[k].lower == "n't")) {
        --k;
      }
      // "are being teased or harassed": the auxiliary stands before the
      // first of coordinated participles.
      while (k >= 1 && toks[k].tag == Upos::kCconj && toks[k - 1].tag == Upos::kVerb &&
             toks[k - 1].lower != toks[k - 1].lemma) {
        k -= 2;
        while (k >= 0 && toks[k].tag == Upos::kAdv) --k;
      }
      // "is expected to meet", "is set to visit": raising, not passive.
      bool raising = te < n && toks[te].lower == "to";
      // Participles spelled like the lemma: "has been put under investigation".
      bool same_form = OneOf(toks[tb].lower,
                             std::array<std::string_view, 8>{
                                 "put", "set", "hit", "cut", "shut", "hurt", "let", "beat"});
      if (k >= 0 && !raising && (IsBe(toks[k]) || toks[k].lemma == "get") &&
          (toks[tb].lower != toks[tb].lemma || same_form) &&
          (toks[tb].lower.ends_with("ed") || toks[tb].lower.ends_with("en") ||
           toks[tb].lower.ends_with("t") || toks[tb].lower.ends_with("n"))) {
        passive = true;
      }
    }
    // "Three civilians were killed in a car bombing": the subject of a
    // passive verb governing the noun trigger is a victim, not its author.
    bool victim_subject = false;
    if (m.noun_trigger) {
      int k = static_cast<int>(tb) - 1;
      while (k >= static_cast<int>(clause_start) && tb - k <= 5 &&
             (toks[k].tag == Upos::kDet || toks[k].tag == Upos::kAdj ||
              toks[k].tag == Upos::kNoun || toks[k].tag == Upos::kNum ||
              toks[k].tag == Upos::kPropn)) {
        --k;
      }
      if (k > static_cast<int>(clause_start) &&
          (toks[k].lower == "in" || toks[k].lower == "during" ||
           toks[k].lower == "from") &&
          toks[k - 1].tag == Upos::kVerb && k >= 2 &&
          (IsBe(toks[k - 2]) || toks[k - 2].lower == "been") &&
          toks[k - 1].lower != toks[k - 1].lemma) {
        victim_subject = true;
      }
    }
    if (m.source >= 0) {
      sources = group(m.source);
      source_why = "the pattern's SRC slot";
    }
    if (victim_subject && sources.empty()) {
      int subj = ref_before(tb, clause_start);
      if (subj >= 0 && m.target < 0) {
        targets = group(subj);
        target_why = "the subject of the passive verb governing the trigger";
      }
      note(fmt::format("rule {} at '{}': the subject of a passive verb is the "
                       "victim; no source",
                       rule.code, words(tb, te)));
    }
    if (passive && sources.empty()) {
      // The agent follows "by"; the subject is the target.
      for (uint32_t k = te; k < n && k < te + 6; ++k) {
        if (toks[k].lower == "by" && k + 1 < n) {
          uint32_t a = k + 1;
          if (a < n && toks[a].tag == Upos::kDet && a + 1 < n) ++a;
          if (ref_at[a] >= 0 && refs[ref_at[a]].begin == a) {
            sources = group(ref_at[a]);
            source_why = "passive voice: the 'by' agent";
          }
          break;
        }
      }
      int subj = ref_before(tb, clause_start);
      // "A camp for Congolese refugees was attacked": the people a place
      // is for are the target when the subject names no actor itself.
      if (subj < 0) {
        for (size_t r = 0; r < refs.size(); ++r) {
          const ActorRef& ref = refs[r];
          if (ref.begin < clause_start + 2 || ref.end > tb || ref.generic) continue;
          if (toks[ref.begin - 1].lower != "for" ||
              toks[ref.begin - 2].tag != Upos::kNoun) {
            continue;
          }
          bool first_np = true;
          for (uint32_t k = clause_start; k + 1 < ref.begin && first_np; ++k) {
            first_np = toks[k].tag != Upos::kVerb && toks[k].tag != Upos::kAux &&
                       toks[k].norm != ",";
          }
          if (first_np) subj = static_cast<int>(r);
          break;
        }
      }
      if (subj >= 0 && m.target < 0) {
        targets = group(subj);
        target_why = "passive voice: the subject";
      }
      // "Two American journalists were detained in Iran", "has been put
      // under investigation in Italy": a state's own acts (investigate,
      // accuse, reduce relations, coerce) done in a country without a named
      // agent are its government's.
      if (sources.empty() && !targets.empty() &&
          (cc->root == "09" || cc->root == "11" || cc->root == "16" ||
           cc->root == "17")) {
        for (uint32_t k = te; k + 1 < n && k < te + 4; ++k) {
          if (toks[k].norm == "," || IsClauseBreak(toks[k])) break;
          if (toks[k].lower != "in") continue;
          uint32_t a = k + 1;
          if (ref_at[a] < 0 || refs[ref_at[a]].begin != a) break;
          const ActorRef& place = refs[ref_at[a]];
          const EventActor& p = place.members.front();
          if (place.members.size() == 1 && p.sector.empty() && p.entry < 0 &&
              p.country.size() == 3 && p.code == p.country &&
              p.country != targets.front().country) {
            EventActor gov = p;
            gov.code = p.country + "GOV";
            gov.sector = "GOV";
            sources.push_back(gov);
            source_why = "passive voice without an agent: the state where it was done";
          }
          break;
        }
      }
      if (sources.empty()) {
        note(fmt::format("rule {} at '{}': passive without a 'by' agent; "
                         "no source",
                         rule.code, words(tb, te)));
      }
    }
    if (sources.empty() && !passive && !victim_subject && m.noun_trigger) {
      // Possessor ("Russia's attack"), adjective ("the Russian attack"),
      // "by X" after the noun, "between X and Y".
      for (const ActorRef& r : refs) {
        uint32_t gap_end = tb;
        bool adjacent = r.end == gap_end ||
                        (r.end + 1 == gap_end && toks[r.end].lower == "'s");
        // "told Agence France-Presse arson has been used": an addressee
        // does not modify the noun after it.
        bool addressee = r.begin > 0 && toks[r.begin - 1].lemma == "tell";
        if (adjacent && !addressee) {
          sources = r.members;
          source_why = "possessor or modifier of the noun trigger";
        }
      }
      if (sources.empty()) {
        for (uint32_t k = te; k + 1 < n && k < te + 4; ++k) {
          if (toks[k].lower == "by" && ref_at[k + 1] >= 0) {
            sources = group(ref_at[k + 1]);
            source_why = "'by' after the noun trigger";
            break;
          }
          if (toks[k].lower == "between" || toks[k].lower == "among") {
            uint32_t a = k + 1;
            if (a < n && toks[a].tag == Upos::kDet) ++a;
            if (a < n && ref_at[a] >= 0) {
              sources = group(ref_at[a]);
              source_why = "'between X and Y': both directions";
            }
            break;
          }
        }
      }
    }
    // "Trump railed against the rioters": people named by what they do
    // ("protesters", "rioters") are the actors of that act, never the
    // subject of the verb that governs them.
    // "Netanyahu found the air strike justified": the subject of a verb
    // that judges or tells of an act is not its author.
    if (sources.empty() && m.noun_trigger) {
      int k = static_cast<int>(tb) - 1;
      while (k >= static_cast<int>(clause_start) &&
             (toks[k].tag == Upos::kDet || toks[k].tag == Upos::kAdj ||
              toks[k].tag == Upos::kNoun || toks[k].tag == Upos::kNum ||
              toks[k].tag == Upos::kPart || toks[k].tag == Upos::kPron ||
              mt[k].skippable)) {
        --k;
      }
      // "pointing to the December 31 attack", "responded to the attack".
      if (k >= 1 && static_cast<uint32_t>(k) > clause_start &&
          (toks[k].lower == "to" || toks[k].lower == "at") &&
          toks[k - 1].tag == Upos::kVerb &&
          OneOf(toks[k - 1].lemma, std::array<std::string_view, 6>{
                                       "point", "refer", "respond", "react", "look", "allude"})) {
        --k;
      }
      // "Trump hid in the basement during riots": the circumstances of an
      // act are not its subject's doing either.
      bool circumstance = k >= 0 && OneOf(toks[k].lower,
                                          std::array<std::string_view, 5>{
                                              "during", "amid", "amidst", "despite", "among"});
      if (circumstance) {
        note(fmt::format("rule {} at '{}': an act in the circumstances ('{}') is "
                         "not the subject's; no source",
                         rule.code, words(tb, te), toks[k].norm));
        continue;
      }
      if (k >= static_cast<int>(clause_start) && toks[k].tag == Upos::kVerb &&
          (OneOf(toks[k].lemma, kJudgingVerbs) ||
           OneOf(toks[k].lemma, std::array<std::string_view, 6>{
                                    "point", "refer", "respond", "react", "look", "allude"}))) {
        note(fmt::format("rule {} at '{}': the object of '{}' is not the "
                         "subject's act; no source",
                         rule.code, words(tb, te), toks[k].norm));
        continue;
      }
    }
    // "where riots had broken out", "clashes erupted": a noun trigger that is
    // the subject of its own verb names no author before it.
    if (sources.empty() && m.noun_trigger && te < n && m.end <= te &&
        (toks[te].tag == Upos::kAux ||
         (toks[te].tag == Upos::kVerb && toks[te].lower != toks[te].lemma &&
          !toks[te].lower.ends_with("ing")))) {
      note(fmt::format("rule {} at '{}': the act is the subject of its own verb; "
                       "no author before it",
                       rule.code, words(tb, te)));
      continue;
    }
    if (sources.empty() && m.noun_trigger && OneOf(toks[tb].lemma, kPersonTriggers)) {
      note(fmt::format("rule {} at '{}': the people named by the act have no "
                       "country; no event",
                       rule.code, words(tb, te)));
      continue;
    }
    if (sources.empty() && !passive && !victim_subject) {
      // Walk back over auxiliaries and adverbs to what precedes the verb.
      int k0 = static_cast<int>(tb) - 1;
      while (k0 >= static_cast<int>(clause_start) &&
             (toks[k0].tag == Upos::kAux || toks[k0].tag == Upos::kAdv ||
              toks[k0].tag == Upos::kPart)) {
        --k0;
      }
      int subj = -1;
      // ", who spoke by telephone": the relative pronoun's antecedent is
      // the subject, even as the object of a preposition ("between the two
      // countries' directors general, who spoke").
      if (!m.noun_trigger && k0 >= 1 && static_cast<uint32_t>(k0) >= clause_start &&
          (toks[k0].lower == "who" || toks[k0].lower == "which") &&
          toks[k0 - 1].norm == ",") {
        for (int r = static_cast<int>(refs.size()) - 1; r >= 0; --r) {
          if (refs[r].end > static_cast<uint32_t>(k0 - 1) || refs[r].generic) continue;
          bool verb_between = false;
          for (uint32_t k = refs[r].end; k + 1 < static_cast<uint32_t>(k0); ++k) {
            if (toks[k].tag == Upos::kVerb || toks[k].norm == ",") verb_between = true;
          }
          if (!verb_between && k0 - 1 - static_cast<int>(refs[r].end) <= 6) {
            subj = r;
            source_why = "the antecedent of the relative pronoun";
          }
          break;
        }
      }
      // "a plan that Buttigieg proposed", "Smith criticized the decision":
      // a name the dictionaries do not know is the subject; no actor from
      // further back stands in for it.
      if (!m.noun_trigger && k0 >= static_cast<int>(clause_start) &&
          toks[k0].tag == Upos::kPropn && ref_at[k0] < 0 && !mt[k0].skippable) {
        int b = k0;
        while (b > static_cast<int>(clause_start) && toks[b - 1].tag == Upos::kPropn &&
               ref_at[b - 1] < 0 && !mt[b - 1].skippable) {
          --b;
        }
        bool standalone = b == 0 || b == static_cast<int>(clause_start) ||
                          toks[b - 1].lower == "that" || toks[b - 1].lower == "which" ||
                          toks[b - 1].lower == "as" ||
                          toks[b - 1].norm == "," || toks[b - 1].tag == Upos::kCconj ||
                          toks[b - 1].tag == Upos::kVerb || toks[b - 1].tag == Upos::kSconj;
        if (standalone) {
          note(fmt::format("rule {} at '{}': its subject '{}' is no known actor; "
                           "no event",
                           rule.code, words(tb, te), words(b, k0 + 1)));
          continue;
        }
      }
      bool participle = subj < 0 && k0 + 1 == static_cast<int>(tb) && k0 > 0 &&
                        toks[k0].norm == "," && !m.noun_trigger &&
                        toks[tb].tag == Upos::kVerb && toks[tb].lower.ends_with("ing");
      if (participle) {
        // "..., blaming human error": a participle after a comma shares
        // the main clause's subject, never the nearest noun.
        uint32_t first_verb = static_cast<uint32_t>(k0);
        for (uint32_t k = clause_start; k < static_cast<uint32_t>(k0); ++k) {
          if (toks[k].tag == Upos::kVerb) {
            first_verb = k;
            break;
          }
        }
        subj = ref_before(first_verb, clause_start);
        source_why = "the main clause's subject (a participle after a comma)";
        if (subj < 0) {
          note(fmt::format("rule {} at '{}': the main clause's subject is no "
                           "known actor; no event",
                           rule.code, words(tb, te)));
          continue;
        }
      } else if (subj >= 0) {
        // the antecedent found above
      } else if (k0 >= static_cast<int>(clause_start) && toks[k0].norm == "," &&
          !m.noun_trigger) {
        // "Pakistan, a key U.S. ally in the war, has refused": the subject
        // stands before the appositive or relative clause.
        for (int c = k0 - 1; c > static_cast<int>(clause_start) && c > k0 - 20;
             --c) {
          if (toks[c].norm == ",") {
            subj = ref_before(static_cast<uint32_t>(c), clause_start);
            if (subj >= 0) source_why = "the subject before an appositive";
            break;
          }
        }
      } else if (k0 >= static_cast<int>(clause_start) &&
                 toks[k0].tag == Upos::kCconj && !m.noun_trigger) {
        // "Benin opened its borders ... but was still refusing": the verb
        // shares the first clause's subject.
        // The shared subject stands before the clause's first verb: "it
        // would prohibit aid to the rebels and would deny entry".
        uint32_t first_verb = static_cast<uint32_t>(k0);
        for (uint32_t k = clause_start; k < static_cast<uint32_t>(k0); ++k) {
          if (toks[k].tag == Upos::kVerb) {
            first_verb = k;
            break;
          }
        }
        int pron = static_cast<int>(first_verb) - 1;
        while (pron >= static_cast<int>(clause_start) &&
               (toks[pron].tag == Upos::kAux || toks[pron].tag == Upos::kAdv)) {
          --pron;
        }
        if (pron >= static_cast<int>(clause_start) && toks[pron].tag == Upos::kPron &&
            OneOf(toks[pron].lower, kPronouns) && report_before >= 0) {
          int speaker = ref_before(static_cast<uint32_t>(report_before), 0);
          if (speaker >= 0) {
            subj = speaker;
            source_why = "the pronoun subject shared with the previous verb: the speaker";
          }
        }
        for (int r = 0; subj < 0 && r < static_cast<int>(refs.size()); ++r) {
          if (refs[r].begin >= clause_start && !refs[r].generic &&
              refs[r].end <= first_verb) {
            subj = r;
            source_why = "the subject shared with the previous verb";
            break;
          }
        }
        // "Hawkins predicted Trump would lose and asked voters": the shared
        // subject is a name no dictionary knows.
        int before = static_cast<int>(first_verb) - 1;
        while (before >= static_cast<int>(clause_start) &&
               (toks[before].tag == Upos::kAux || toks[before].tag == Upos::kAdv)) {
          --before;
        }
        if (subj < 0 && before >= static_cast<int>(clause_start) &&
            toks[before].tag == Upos::kPropn && ref_at[before] < 0 &&
            !mt[before].skippable) {
          note(fmt::format("rule {} at '{}': the shared subject '{}' is no known "
                           "actor; no event",
                           rule.code, words(tb, te), toks[before].norm));
          continue;
        }
      }
      if (subj < 0) {
        subj = ref_before(tb, clause_start);
        source_why = "the nearest actor before the trigger in its clause";
      }
      if (subj >= 0) {
        sources = group(subj);
      } else {
        // A pronoun subject: "it", "they" → the last source in the document,
        // or the speaker of "X said it would ...".
        int k = static_cast<int>(tb) - 1;
        while (k >= static_cast<int>(clause_start) &&
               (toks[k].tag == Upos::kAux || toks[k].tag == Upos::kAdv ||
                toks[k].tag == Upos::kPart || toks[k].lower == "to")) {
          --k;
        }
        // "a collision which killed ...": a relative pronoun refers inside
        // its sentence, never to an earlier sentence's actor.
        if (k >= static_cast<int>(clause_start) && toks[k].tag == Upos::kPron &&
            OneOf(toks[k].lower, kPronouns) && toks[k].lower != "which" &&
            toks[k].lower != "who") {
          if (report_before >= 0) {
            int speaker = ref_before(static_cast<uint32_t>(report_before), 0);
            if (speaker >= 0) {
              sources = group(speaker);
              source_why = "pronoun subject after a reporting verb: the speaker";
              confidence -= 0.1;
            }
          }
          if (sources.empty() && ctx->last_source &&
              index - ctx->last_source_sentence <= 2) {
            sources = {*ctx->last_source};
            source_why = "pronoun subject: the previous event's source";
            confidence -= 0.3;
          }
        }
      }
    }
    // "Judge Rivera opened investigations against Chilean officials",
    // "Police arrested ...": a subject without a country is held until the
    // target or the sentence names the state.
    bool generic_source = false;
    if (sources.empty() && !passive && !victim_subject && m.source < 0) {
      for (int r = static_cast<int>(refs.size()) - 1; r >= 0; --r) {
        const ActorRef& ref = refs[r];
        if (ref.end > tb || ref.begin < clause_start) continue;
        if (!ref.generic) break;
        // "Hundreds of thousands of people blocked": a count is no phrase
        // of its own.
        bool counted = ref.begin >= 2 && toks[ref.begin - 1].lower == "of" &&
                       (toks[ref.begin - 2].lemma == "hundred" ||
                        toks[ref.begin - 2].lemma == "thousand" ||
                        toks[ref.begin - 2].lemma == "million" ||
                        toks[ref.begin - 2].lemma == "dozen" ||
                        toks[ref.begin - 2].lemma == "score" ||
                        toks[ref.begin - 2].lemma == "ten");
        if (ref.begin > 0 && toks[ref.begin - 1].tag == Upos::kAdp && !counted) break;
        // Only the verb's own subject: "police have arrested", not
        // "civilians and that it had shot down".
        bool adjacent = true;
        for (uint32_t k = ref.end; k < tb; ++k) {
          // A name after a title stays the subject: "Judge Alejandro Rivera".
          if (toks[k].tag != Upos::kAux && toks[k].tag != Upos::kAdv &&
              toks[k].tag != Upos::kPart && toks[k].tag != Upos::kPropn &&
              !mt[k].skippable) {
            adjacent = false;
          }
        }
        if (!adjacent) break;
        if (ref.members.empty() || ref.members[0].sector.empty()) break;
        sources = {ref.members[0]};
        generic_source = true;
        break;
      }
      // "The Umma party has said it will boycott ...": a pronoun subject
      // whose speaker is a group without a country.
      int k = static_cast<int>(tb) - 1;
      while (k >= static_cast<int>(clause_start) &&
             (toks[k].tag == Upos::kAux || toks[k].tag == Upos::kAdv ||
              toks[k].tag == Upos::kPart)) {
        --k;
      }
      if (!generic_source && report_before > 0 &&
          k >= static_cast<int>(clause_start) && toks[k].tag == Upos::kPron &&
          OneOf(toks[k].lower, kPronouns)) {
        int j = report_before - 1;
        while (j >= 0 && (toks[j].tag == Upos::kAux || toks[j].tag == Upos::kAdv)) --j;
        if (j >= 0 && ref_at[j] >= 0 && refs[ref_at[j]].generic &&
            !refs[ref_at[j]].members.empty() &&
            !refs[ref_at[j]].members[0].sector.empty()) {
          sources = {refs[ref_at[j]].members[0]};
          generic_source = true;
        }
      }
    }
    if (targets.empty() && !passive && m.target < 0) {
      // An adjective inside the matched words names the target: "released
      // 50 Palestinian prisoners", "expelled Russian diplomats".
      for (uint32_t k = te; k < m.end && k < n; ++k) {
        if (ref_at[k] >= 0 && refs[ref_at[k]].modifier) {
          targets = refs[ref_at[k]].members;
          target_why = "the country of the matched object";
          break;
        }
      }
    }
    if (m.target >= 0) {
      targets = group(m.target);
      target_why = "the pattern's TGT slot";
    } else if (targets.empty() && !passive) {
      // The first actor after the match in the same clause, not past
      // another verb or a clause boundary.
      for (uint32_t k = m.end; k < n && k < m.end + 10; ++k) {
        const Token& t = toks[k];
        if (IsClauseBreak(t) || t.norm == "." || t.norm == "," ||
            (t.tag == Upos::kVerb && ref_at[k] < 0) ||
            t.tag == Upos::kSconj || OneOf(t.lemma, kReportVerbs)) {
          break;
        }
        // A place is the target of force ("struck targets in Ukraine"),
        // not of a meeting or a signing ("signed a pact in Pyongyang").
        uint32_t p = k;  // the word before the actor, past "the"
        if (p > 1 && toks[p - 1].tag == Upos::kDet) --p;
        // "in the Eastern Mediterranean": a region named as a place is no
        // one's target.
        uint32_t q = k;
        while (q > 1 && (toks[q - 1].tag == Upos::kDet || toks[q - 1].tag == Upos::kAdj)) --q;
        bool region_place = q > 0 && (toks[q - 1].lower == "in" || toks[q - 1].lower == "at") &&
                            ref_at[k] >= 0 &&
                            refs[ref_at[k]].members.size() == 1 &&
                            OneOf(refs[ref_at[k]].members[0].code, kRegionCodes);
        if (region_place) continue;
        bool location = p > 0 && (toks[p - 1].lower == "in" ||
                                  toks[p - 1].lower == "at" ||
                                  toks[p - 1].lower == "near" ||
                                  toks[p - 1].lower == "across" ||
                                  toks[p - 1].lower == "inside" ||
                                  toks[p - 1].lower == "outside");
        bool force = !(cc->root >= "03" && cc->root <= "08");
        if (ref_at[k] >= 0 && refs[ref_at[k]].begin == k &&
            !refs[ref_at[k]].generic && (!location || force) &&
            !AfterCompanionWord(toks, k) &&
            !(location && ForeignStage(cc->root, refs[ref_at[k]], sources))) {
          targets = group(ref_at[k]);
          target_why = "the first actor after the trigger";
          confidence -= 0.1;
          break;
        }
      }
    }
    if (targets.empty() && !passive && m.target < 0 && sources.size() < 2) {
      // The target may stand further on, in the content of an intent,
      // demand or threat or past the verb's own object: "threatened to break
      // relations with Russia", "is willing to send material to help defend
      // Saudi Arabia", "suspended aid deliveries in Baghdad".
      for (uint32_t k = m.end; k < n && k < m.end + 15; ++k) {
        const Token& t = toks[k];
        if (IsClauseBreak(t) || t.norm == "." || t.norm == "," ||
            t.lower == "if" || t.lower == "unless" || t.lower == "because" ||
            OneOf(t.lemma, kReportVerbs)) {
          break;
        }
        uint32_t p = k;
        // "agreed on maritime borders in the Eastern Mediterranean": a
        // region named as a place is no one's target (a state named so may
        // be: "lifted a curfew in Montenegro").
        while (p > 1 && (toks[p - 1].tag == Upos::kDet || toks[p - 1].tag == Upos::kAdj)) --p;
        bool place = p > 0 && (toks[p - 1].lower == "in" ||
                               toks[p - 1].lower == "at");
        bool cooperation = ref_at[k] >= 0 && refs[ref_at[k]].members.size() == 1 &&
                           OneOf(refs[ref_at[k]].members[0].code, kRegionCodes);
        if (ref_at[k] >= 0 && refs[ref_at[k]].begin == k &&
            !refs[ref_at[k]].generic && !AfterCompanionWord(toks, k) &&
            !(place && cooperation) &&
            !(place && ForeignStage(cc->root, refs[ref_at[k]], sources))) {
          targets = group(ref_at[k]);
          target_why = "the first actor further on in the clause";
          confidence -= 0.1;
          break;
        }
      }
    }
    if (targets.empty() && !passive && m.target < 0 && cc->root == "13") {
      // A threat is aimed at whoever must meet its condition: "threatened
      // to stop negotiations if the United States goes ahead".
      for (uint32_t k = m.end; k + 1 < n && k < m.end + 20; ++k) {
        if (IsClauseBreak(toks[k]) || toks[k].norm == ".") break;
        if (toks[k].lower != "if" && toks[k].lower != "unless") continue;
        for (uint32_t j = k + 1; j < n && j < k + 6; ++j) {
          if (ref_at[j] >= 0 && refs[ref_at[j]].begin == j && !refs[ref_at[j]].generic) {
            targets = group(ref_at[j]);
            target_why = "the subject of the threat's condition";
            break;
          }
        }
        break;
      }
    }
    if (sources.size() >= 2 && m.target < 0) {
      // "Palestinians and Israelis failed to reach agreement on the fate of
      // Palestinian offices": a joint act of the sources is not aimed at one
      // of them.
      std::erase_if(targets, [&](const EventActor& t) {
        return std::any_of(sources.begin(), sources.end(),
                           [&](const EventActor& a) { return a.country == t.country; });
      });
    }
    bool state_source = sources.size() == 1 && sources[0].country.size() == 3 &&
                        !sources[0].code.starts_with("IGO") &&
                        !sources[0].code.starts_with("NGO");
    bool domestic_source = state_source && sources[0].sector != "UAF" &&
                           sources[0].sector != "REB" && sources[0].sector != "INS";
    if (domestic_source) {
      // "Iranian authorities pressured workers": the TGT slot's group
      // without a country is the source's own.
      for (EventActor& t : targets) {
        // Refugees are by definition from somewhere else.
        if (!t.country.empty() || t.sector.empty() || t.sector == "REF") continue;
        t.country = sources[0].country;
        t.code = t.country + t.sector;
        target_why += "; a group without a country: the source's own";
      }
    }
    if (targets.empty() && !passive && m.target < 0 && domestic_source) {
      // A group named without a country as the object ("police dispersed
      // demonstrators", "the army arrested opposition leaders") is domestic:
      // it takes the source's country, as CAMEO and PLOVER code it. Not for
      // armed groups, whose victims are as often foreign.
      for (uint32_t k = te; k < n && k < std::max(m.end, te) + 6; ++k) {
        const Token& t = toks[k];
        if (k >= m.end && (IsClauseBreak(t) || t.norm == "." || t.norm == "," ||
                           (t.tag == Upos::kVerb && ref_at[k] < 0) ||
                           t.tag == Upos::kSconj || OneOf(t.lemma, kReportVerbs))) {
          break;
        }
        if (ref_at[k] < 0 || refs[ref_at[k]].begin != k) continue;
        const ActorRef& r = refs[ref_at[k]];
        // "a drill by a frontline unit": the performer, not the object.
        bool location = k > 0 && (toks[k - 1].lower == "in" || toks[k - 1].lower == "at" ||
                                  toks[k - 1].lower == "by");
        // Inside the matched words only as their head ("disperse
        // demonstrators"), not as a modifier ("an artillery drill").
        if (k < m.end && r.end != m.end) continue;
        if (!r.generic || location || r.members.empty() ||
            r.members[0].sector.empty() || r.members[0].sector == "REF" ||
            r.members[0].sector == sources[0].sector) {
          break;
        }
        EventActor domestic = r.members[0];
        domestic.country = sources[0].country;
        domestic.code = domestic.country + domestic.sector;
        targets = {domestic};
        target_why = "a group without a country after the trigger: the source's own";
        confidence -= 0.1;
        break;
      }
    }
    if (sources.empty()) {
      note(fmt::format("rule {} at '{}': no source actor; no event", rule.code,
                       words(tb, te)));
      continue;
    }
    // "Croatian authorities are failing to uphold ..., a human rights group
    // protested": a complaint reported after the clause it is about is a
    // criticism (CAMEO 111) of that clause's subject. A group without a
    // country is a non-governmental one (CAMEO NGO), not of the state it
    // criticises.
    bool trailing_complaint = false;
    if (!m.noun_trigger && sources.size() == 1 && targets.empty() &&
        (toks[tb].lemma == "protest" || toks[tb].lemma == "complain" ||
         toks[tb].lemma == "charge") &&
        sources[0].begin > s.begin) {
      uint32_t subj = tb;
      while (subj > 0 && toks[subj - 1].begin >= sources[0].begin) --subj;
      while (subj > 0 && toks[subj - 1].tag == Upos::kDet) --subj;
      bool after_comma = subj > 0 && toks[subj - 1].norm == ",";
      bool nothing_after = true;
      for (uint32_t k = te; k < n && nothing_after; ++k) {
        nothing_after = ref_at[k] < 0 && toks[k].tag != Upos::kVerb &&
                        toks[k].lower != "that" && toks[k].lower != "against";
      }
      int about = -1;
      for (size_t r = 0; r < refs.size(); ++r) {
        if (refs[r].end < subj && !refs[r].generic) {
          about = static_cast<int>(r);
          break;
        }
      }
      if (after_comma && nothing_after && about >= 0) {
        trailing_complaint = true;
        targets = group(about);
        target_why = "the subject of the clause the complaint is about";
        if (generic_source) {
          EventActor& a = sources[0];
          a.code = "NGO" + a.sector;
          a.country = a.code;  // an organisation's country is its whole code
          generic_source = false;
          source_why = "a group without a country: non-governmental (NGO)";
        }
      }
    }
    // "in Seoul and Washington, where officials have urged China": the
    // place "where" refers to is the subject's state.
    if (generic_source) {
      uint32_t subj_at = tb;
      for (uint32_t k = 0; k < tb; ++k) {
        if (toks[k].begin == sources[0].begin) subj_at = k;
      }
      uint32_t w = subj_at;
      while (w > 0 && toks[w - 1].tag == Upos::kDet) --w;
      if (w >= 2 && toks[w - 1].lower == "where") {
        for (int r = static_cast<int>(refs.size()) - 1; r >= 0; --r) {
          const ActorRef& place = refs[r];
          if (place.end > w - 1 || place.generic) continue;
          uint32_t p = place.begin;
          // Back to the first of coordinated places: "in Seoul and Washington".
          while (p >= 2 && (toks[p - 1].lower == "and" || toks[p - 1].norm == ",") &&
                 ref_at[p - 2] >= 0) {
            p = refs[ref_at[p - 2]].begin;
          }
          if (p > 0 && toks[p - 1].tag == Upos::kDet) --p;
          bool located = p > 0 && (toks[p - 1].lower == "in" || toks[p - 1].lower == "at");
          if (located && w - 1 - place.end <= 2) {
            std::string sector = sources[0].sector;
            std::vector<EventActor> placed;
            for (EventActor a : group(r)) {
              if (a.country.size() != 3 || a.code.starts_with("IGO")) continue;
              a.code = a.country + sector;
              a.sector = sector;
              placed.push_back(std::move(a));
            }
            if (!placed.empty()) {
              sources = std::move(placed);
              generic_source = false;
              source_why = "a subject without a country in the place 'where' refers to";
            }
          }
          break;
        }
      }
    }
    if (generic_source) {
      // The state: where the act happened, else the target's, else the
      // one state the sentence names. Several target states ("embargoes on
      // Iran, Libya and Sudan") say nothing about the subject's.
      std::string state;
      {
        // Where the act happened comes first: "people blocked streets in
        // Hong Kong in defiance of Chinese authorities".
        for (uint32_t k = te; k + 1 < n && k < te + 8; ++k) {
          if (IsClauseBreak(toks[k]) || toks[k].norm == "," ||
              (k > te && toks[k].tag == Upos::kVerb)) {
            break;
          }
          if (toks[k].lower != "in") continue;
          uint32_t p = k + 1;
          if (p < n && toks[p].tag == Upos::kDet) ++p;
          // "in the capital city of Algiers", "in the northern town of Jaffna".
          for (uint32_t q = p; q < n && q < p + 4 && ref_at[p] < 0; ++q) {
            if (toks[q].lower == "of" && q + 1 < n && ref_at[q + 1] >= 0 &&
                (toks[q - 1].lemma == "capital" || toks[q - 1].lemma == "city" ||
                 toks[q - 1].lemma == "town" || toks[q - 1].lemma == "village" ||
                 toks[q - 1].lemma == "province" || toks[q - 1].lemma == "region")) {
              p = q + 1;
              break;
            }
            if (toks[q].tag != Upos::kNoun && toks[q].tag != Upos::kAdj) break;
          }
          if (p < n && ref_at[p] >= 0 && refs[ref_at[p]].begin == p &&
              !refs[ref_at[p]].generic && refs[ref_at[p]].members.size() == 1) {
            const EventActor& c = refs[ref_at[p]].members[0];
            if (c.country.size() == 3 && c.sector.empty() &&
                !c.code.starts_with("IGO") && !c.code.starts_with("NGO")) {
              state = c.country;
            }
          }
          break;
        }
      }
      std::set<std::string> target_states;
      for (const EventActor& t : targets) {
        if (t.country.size() == 3 && !t.code.starts_with("IGO") &&
            !t.code.starts_with("NGO")) {
          target_states.insert(t.country);
        }
      }
      if (state.empty() && target_states.size() == 1) state = *target_states.begin();
      if (state.empty() && target_states.empty()) {
        std::set<std::string> named;
        for (const ActorRef& ref : refs) {
          for (const EventActor& a : ref.members) {
            if (!ref.generic && a.country.size() == 3 &&
                !a.code.starts_with("IGO") && !a.code.starts_with("NGO")) {
              named.insert(a.country);
            }
          }
        }
        if (named.size() == 1) state = *named.begin();
      }
      if (state.empty()) {
        note(fmt::format("rule {} at '{}': the subject '{}' has no country "
                         "and the sentence names no single state; no event",
                         rule.code, words(tb, te), sources[0].text));
        continue;
      }
      sources[0].country = state;
      sources[0].code = state + sources[0].sector;
      source_why = "a subject without a country: the state of the target or "
                   "of the sentence";
      confidence -= 0.2;
      for (EventActor& t : targets) {
        if (t.country.empty() && !t.sector.empty()) {
          t.country = state;
          t.code = state + t.sector;
        }
      }
    }
    bool source_known = std::any_of(sources.begin(), sources.end(),
                                    [](const EventActor& a) { return !a.country.empty(); });
    bool target_known = std::any_of(targets.begin(), targets.end(),
                                    [](const EventActor& a) { return !a.country.empty(); });
    if (!source_known && !target_known) {
      note(fmt::format("rule {} at '{}': neither actor has a country; no event",
                       rule.code, words(tb, te)));
      continue;
    }
    if (!source_known) {
      // "Officials said", "the military fired": a dyad needs a state.
      note(fmt::format("rule {} at '{}': the source has no country; no event",
                       rule.code, words(tb, te)));
      continue;
    }

    // --- Modality ---
    Modality modality = Modality::kAsserted;
    std::string cue;
    bool future_before_trigger = false;
    auto set_modality = [&](Modality mo, std::string c) {
      // Priority: negated > hypothetical > alleged > future.
      auto rank = [](Modality x) {
        switch (x) {
          case Modality::kNegated: return 4;
          case Modality::kHypothetical: return 3;
          case Modality::kAlleged: return 2;
          case Modality::kFuture: return 1;
          default: return 0;
        }
      };
      if (rank(mo) > rank(modality)) {
        modality = mo;
        cue = std::move(c);
      }
    };
    uint32_t window = tb > 6 ? tb - 6 : 0;
    // The trigger's own words count for the future: "pledged to", "is
    // expected to meet" are commitments whatever the rule codes.
    for (uint32_t k = 0; k < te; ++k) {
      const Token& t = toks[k];
      const std::string& w = t.lower;
      bool near = k >= std::max(window, clause_start);
      std::string_view next = k + 1 < n ? std::string_view(toks[k + 1].lower) : "";
      if (k >= tb && !(t.lemma == "plan" || t.lemma == "intend" ||
                       t.lemma == "expect" || t.lemma == "pledge" ||
                       t.lemma == "vow" || t.lemma == "promise")) {
        continue;  // inside the trigger only the commitment verbs count
      }
      if (near && (w == "not" || w == "n't" || w == "never" ||
                   (w == "no" && m.noun_trigger && k + 3 >= tb))) {
        set_modality(Modality::kNegated, words(k, k + 1));
      }
      if (near && (w == "hesitant" || w == "reluctant" || w == "unwilling" ||
                   t.lemma == "refuse" || t.lemma == "decline" ||
                   t.lemma == "fail" || t.lemma == "hesitate") &&
          k + 1 < n && (next == "to" || next == "in" || next == "about")) {
        set_modality(Modality::kNegated, words(k, k + 2));
      }
      if (w == "if" || w == "unless" || (w == "in" && next == "case")) {
        set_modality(Modality::kHypothetical, words(k, k + 1));
      }
      if (near && k >= clause_start &&
          (w == "must" || w == "should" || w == "ought" ||
           (w == "has" && next == "to" && k + 2 < tb) ||
           (t.lemma == "need" && next == "to")) &&
          t.tag == Upos::kAux) {
        // "Y must withdraw", "the president should accept": demanded, not
        // done.
        set_modality(Modality::kHypothetical, words(k, k + 1));
      }
      if (near && k >= clause_start &&
          (w == "would" || w == "could" || w == "might" ||
           (w == "should" && k + 1 < n && toks[k + 1].tag != Upos::kVerb) ||
           (w == "may" && t.tag == Upos::kAux))) {
        set_modality(Modality::kHypothetical, words(k, k + 1));
      }
      // "alleged bombers", "suspected militants": the people are suspected,
      // not the act a few words on (unless the phrase ends in the trigger).
      bool attributive = (w == "alleged" || w == "suspected") && k + 1 < n &&
                         (toks[k + 1].tag == Upos::kNoun ||
                          toks[k + 1].tag == Upos::kAdj ||
                          toks[k + 1].tag == Upos::kPropn) &&
                         k + 3 < tb;
      if (!attributive && (k >= clause_start || k + 8 >= tb)) {
        if (w == "allegedly" || w == "reportedly" || w == "suspected" ||
            w == "alleged" || t.lemma == "allegation" || w == "purportedly" ||
            (t.lemma == "accuse" && true) || (t.lemma == "suspect") ||
            (t.lemma == "claim" && next == "that") ||
            // "Bolton claims Trump asked Xi for help".
            (t.lemma == "claim" && t.tag == Upos::kVerb && k < tb && k + 1 < n &&
             (toks[k + 1].tag == Upos::kPropn || toks[k + 1].tag == Upos::kPron))) {
          set_modality(Modality::kAlleged, words(k, k + 1));
        }
      }
      if (near && (w == "will" || w == "'ll" || w == "shall" ||
                   ((t.lemma == "plan" || t.lemma == "intend" ||
                     t.lemma == "expect" || t.lemma == "pledge" ||
                     t.lemma == "vow" || t.lemma == "promise" ||
                     t.lemma == "aim" || t.lemma == "prepare" ||
                     t.lemma == "schedule" || t.lemma == "set" ||
                     t.lemma == "seek" || w == "going" || w == "upcoming" ||
                     w == "planned" || w == "proposed") &&
                    (next == "to" || m.noun_trigger)))) {
        set_modality(Modality::kFuture, words(k, k + 1));
        if (k < tb) future_before_trigger = true;
      }
    }
    // "... to provide assistance if the other is attacked".
    for (uint32_t k = te; k < n && k < te + 10; ++k) {
      if (IsClauseBreak(toks[k]) || toks[k].norm == ".") break;
      if (toks[k].lower == "if" || toks[k].lower == "unless") {
        // "will boycott the elections unless ...": a commitment on a
        // condition is a threat or a promise (future), made now.
        if (cc->root == "13") break;  // a threat's condition is the threat's
        if (modality == Modality::kFuture && future_before_trigger) {
          note(fmt::format("'{}' after a commitment: a conditional {} stays "
                           "future (a threat or a promise)",
                           toks[k].lower, cue));
          break;
        }
        set_modality(Modality::kHypothetical, words(k, k + 1));
        break;
      }
    }
    // "allegations that X supplied": the allegation word may stand after.
    for (uint32_t k = te; k < n && k < te + 3; ++k) {
      if (toks[k].lower == "allegedly" || toks[k].lower == "reportedly") {
        set_modality(Modality::kAlleged, words(k, k + 1));
      }
    }

    // --- Date ---
    // Dates of commitments made in the past ("pledged on Sunday") look
    // back; only an auxiliary before the trigger ("will visit on Monday")
    // looks forward.
    bool future = modality == Modality::kFuture && future_before_trigger;
    std::vector<DateMention> future_dates;
    if (future) future_dates = dates_.Find(toks, article_day, true);
    const std::vector<DateMention>& dates = future ? future_dates : sentence_dates;
    Day day = article_day;
    DatePrecision precision = DatePrecision::kDay;
    std::string date_rule = article_day == kNoDay ? "no date" : "article date";
    int best_dist = 1 << 30;
    for (const DateMention& d : dates) {
      // What happened cannot be dated after the article: "blocked the
      // package, demanding guarantees over plans to phase out imports by
      // 2027" — 2027 dates the plan, not the blocking.
      if (!future && article_day != kNoDay && d.day > article_day &&
          (modality == Modality::kAsserted || modality == Modality::kAlleged ||
           modality == Modality::kNegated)) {
        continue;
      }
      int dist = d.begin_token >= te ? static_cast<int>(d.begin_token - te)
                                     : static_cast<int>(tb - d.end_token) + 2;
      // A date in another clause counts less.
      if (d.end_token <= clause_start) dist += 20;
      if (dist < best_dist) {
        best_dist = dist;
        day = d.day;
        precision = d.precision;
        date_rule = fmt::format("'{}': {}", words(d.begin_token, d.end_token),
                                d.rule);
      }
    }
    if (article_day != kNoDay && day != kNoDay && day < article_day - 365 &&
        modality == Modality::kAsserted) {
      modality = Modality::kHistorical;
      cue = "date more than a year before the article";
    }

    // --- Attribution ---
    std::optional<EventActor> attribution;
    std::string attribution_text;
    for (uint32_t r : report_at) {
      bool governs = false;
      int speaker = -1;
      if (r < tb) {
        governs = true;  // "KCNA reported that ...": the speaker before r
        speaker = ref_before(r, 0);
        if (toks[r].lower == "according") {
          if (r + 2 < n && ref_at[r + 2] >= 0) speaker = ref_at[r + 2];
        }
      } else if (r >= te) {
        // "..., Seoul said." / "..., said KCNA."
        bool comma = r > 0 && (toks[r - 1].norm == "," ||
                               (r > 1 && ref_at[r - 1] >= 0 &&
                                toks[refs[ref_at[r - 1]].begin - 1].norm == ","));
        if (comma || toks[r].lower == "according") {
          governs = true;
          if (r + 1 < n && ref_at[r + 1] >= 0) speaker = ref_at[r + 1];
          if (r + 2 < n && toks[r].lower == "according" && ref_at[r + 2] >= 0) {
            speaker = ref_at[r + 2];
          }
          if (speaker < 0 && r > 0 && ref_at[r - 1] >= 0) speaker = ref_at[r - 1];
        }
      }
      if (!governs) continue;
      if (speaker >= 0) {
        attribution = refs[speaker].members.front();
        attribution_text = words(refs[speaker].begin, refs[speaker].end) + " " +
                           toks[r].norm;
      } else {
        // A non-actor speaker: "analysts say", "officials said".
        int k = static_cast<int>(r) - 1;
        while (k >= 0 && (toks[k].tag == Upos::kNoun || toks[k].tag == Upos::kPropn ||
                          toks[k].tag == Upos::kAdj)) {
          --k;
        }
        if (k + 1 < static_cast<int>(r)) {
          attribution_text = words(k + 1, r + 1);
        }
      }
      if (r < tb) continue;  // a later frame may still be nearer
      break;
    }

    // --- Future commitments become intents or threats (CAMEO) ---
    std::string code = trailing_complaint ? "111" : rule.code;
    if (auto it = content_code.find(tb); it != content_code.end()) {
      const CameoCode* content = cameo_->Find(it->second);
      if (content != nullptr && content->root >= "13" && content->root <= "20") {
        std::string threat = content->root == "13" ? content->code
                                                   : IntentCode(content->code);
        // "The army prepared to resume shelling": getting ready for an
        // attack is a show of force (15x), not a statement of intent; "is
        // prepared to use force" stays a threat.
        bool preparing = toks[tb].lemma == "prepare" && toks[tb].tag == Upos::kVerb &&
                         (tb == 0 || !IsBe(toks[tb - 1])) &&
                         content->root >= "18" && cameo_->Find("150") != nullptr;
        if (preparing) {
          note(fmt::format("preparing to do {} ({}): a show of force, 150",
                           content->code, content->name));
          code = "150";
        } else if (!threat.empty() && cameo_->Find(threat) != nullptr) {
          note(fmt::format("intent to do {} ({}): coded as the threat {}",
                           content->code, content->name, threat));
          code = threat;
        }
      }
    }
    // "would boycott", "may halt mediation": CAMEO reads a conditional
    // commitment as an intent or a threat too.
    bool conditional_commitment =
        modality == Modality::kHypothetical &&
        (cue == "would" || cue == "could" || cue == "may" || cue == "might" ||
         cue == "will");
    if (modality == Modality::kFuture || conditional_commitment) {
      if (std::string intent = IntentCode(code);
          !intent.empty() && cameo_->Find(intent) != nullptr) {
        note(fmt::format("future: {} coded as {} (intent or threat)", code,
                         intent));
        code = intent;
      }
    }

    // Refusing to cooperate is a rejection (CAMEO 12x): "will not accept
    // refugees", "would not meet the demands". Hesitancy stays a negated
    // cooperation: it reports no decision.
    if (modality == Modality::kNegated && cue.find("hesita") == std::string::npos &&
        cue.find("reluctant") == std::string::npos &&
        cue.find("unwilling") == std::string::npos) {
      const CameoCode* c = cameo_->Find(code);
      std::string reject;
      if (c != nullptr) {
        if (c->root == "03") reject = "120";
        if (c->root == "04") reject = "125";
        if (c->root == "05") reject = code == "057" ? "127" : "120";
        if (c->root == "06") reject = "121";
        if (c->root == "07") reject = "122";
        if (c->root == "08") reject = "124";
      }
      if (!reject.empty() && cameo_->Find(reject) != nullptr) {
        note(fmt::format("negated {}: coded as the rejection {}", code, reject));
        code = reject;
        modality = Modality::kAsserted;
      }
    }

    // "Israel's Cabinet met Sunday and decided ...": a body meeting on its
    // own consults no one; CAMEO 04x needs a second party.
    uint32_t after_trigger = te;
    while (after_trigger < n && mt[after_trigger].skippable) ++after_trigger;  // "met Sunday"
    bool object_follows = after_trigger < n &&
                          (toks[after_trigger].tag == Upos::kPropn ||
                           toks[after_trigger].tag == Upos::kNoun ||
                           toks[after_trigger].tag == Upos::kDet ||
                           toks[after_trigger].lower == "with");
    // Discussing a topic alone is no consultation either ("discussing the
    // original sin of slavery").
    if (code == "040" && targets.empty() && sources.size() == 1 &&
        ((!object_follows && (toks[tb].lemma == "meet" || toks[tb].lemma == "convene" ||
                              toks[tb].lemma == "confer")) ||
         toks[tb].lemma == "discuss")) {
      note(fmt::format("rule {} at '{}': {} met alone; no consultation",
                       rule.code, words(tb, te), sources.front().code));
      continue;
    }
    // "after traveling to Cleveland, Ohio": a trip to no known state is
    // not a visit to anyone.
    if (code == "042" && targets.empty() && sources.size() == 1) {
      note(fmt::format("rule {} at '{}': a trip with no destination state; "
                       "no event",
                       rule.code, words(tb, te)));
      continue;
    }

    // --- Events: one per source-target pair ---
    const auto& rel = targets;
    // Several sources and no target: each acts toward the others when the
    // clause says so ("exchanged messages", "talks between"), else each
    // acts alone ("X and Y agreed to share information").
    // Otherwise, as in the PLOVER gold records, each source is coded
    // without a target and the others are kept as its partners, so the
    // relations stage still sees the dyad ("X and Y signed a pact").
    bool symmetric = rel.empty() && sources.size() >= 2 && Reciprocal(toks);
    std::vector<std::pair<EventActor, std::optional<EventActor>>> pairs;
    if (symmetric) {
      for (const EventActor& a : sources) {
        for (const EventActor& b : sources) {
          if (&a != &b && a.code != b.code) pairs.emplace_back(a, b);
        }
      }
    } else {
      for (const EventActor& a : sources) {
        if (rel.empty()) {
          pairs.emplace_back(a, std::nullopt);
        }
        for (const EventActor& b : rel) {
          // "Kim ... between the two neighbours": not Kim toward his own
          // state. (A rebel group toward its own state is an event.)
          // A person and a place with the same code ("Gbagbo ... a curfew
          // in Abidjan" before his term: both CIV) make a domestic event.
          // (Only people carry a dictionary entry here.)
          bool same_actor = a.code == b.code && a.entry == b.entry;
          if (same_actor ||
              (b.entry == kDyadInContext && b.country == a.country)) {
            continue;
          }
          pairs.emplace_back(a, b);
        }
      }
    }
    note(fmt::format("rule {} '{}' ({}) at '{}': source {} [{}]; target {} [{}]; "
                     "modality {}{}; date {} ({}, {})",
                     rule.code, rule.text, rule.origin, words(tb, te),
                     sources.empty() ? "-" : sources.front().code, source_why,
                     rel.empty() ? "-" : rel.front().code,
                     rel.empty() ? "none found" : target_why,
                     ModalityName(modality),
                     cue.empty() ? "" : " ('" + cue + "')", FormatIsoDay(day),
                     DatePrecisionName(precision), date_rule));
    // A person with several roles acts in the one the event calls for.
    const CameoCode* final_cc = cameo_->Find(code);
    std::string_view want =
        final_cc != nullptr &&
                (final_cc->root == "15" || final_cc->root == "18" ||
                 final_cc->root == "19" || final_cc->root == "20")
            ? "MIL"
            : "GOV";
    auto refine = [&](EventActor& a) {
      if (a.entry < 0 || day == kNoDay) return;
      std::string c = actors_->CodeOn(a.entry, day, want);
      if (c.empty() || c == a.code) return;
      CodeParts parts = actors_->SplitCode(c);
      a.code = c;
      a.country = parts.country;
      a.sector = parts.sector;
    };
    for (auto& [src, tgt] : pairs) {
      refine(src);
      if (tgt) refine(*tgt);
      Event e;
      e.doc_id = doc.id;
      e.sentence_index = index;
      e.sentence_begin = s.begin;
      e.sentence_end = s.end;
      e.date = day;
      e.date_precision = precision;
      e.date_rule = date_rule;
      e.source = src;
      e.target = tgt;
      e.code = code;
      if (!tgt) {
        for (const EventActor& p : sources) {
          if (p.country != src.country && !p.country.empty()) {
            e.partners.push_back(p);
          }
        }
        // Two states' forces drilling together cooperate militarily
        // (CAMEO 062), where one state's drill is a show of force (150).
        if (!e.partners.empty() && code == "150") {
          e.code = "062";
          note(fmt::format("a drill by {} with partners: coded 062 (military "
                           "cooperation)",
                           src.code));
        }
      }
      e.modality = modality;
      e.modality_cue = cue;
      e.attribution = attribution;
      e.attribution_text = attribution_text;
      e.rule = rule.origin + " " + rule.text;
      e.rule_specificity = rule.specificity;
      e.noun_trigger = m.noun_trigger;
      e.trigger_begin = toks[tb].begin;
      e.trigger_end = toks[te - 1].end;
      e.confidence = std::clamp(confidence + (m.target >= 0 ? 0.1 : 0.0) +
                                    0.03 * std::min(rule.specificity, 5),
                                0.0, 1.0);
      sentence_events.push_back(std::move(e));
    }
  }

  // Remember actors for later sentences.
  for (const ActorRef& r : refs) {
    if (r.members.size() == 2 && r.end - r.begin == 2) continue;  // "two nations"
    remember(r);
  }
  if (!sentence_events.empty()) {
    ctx->last_source = sentence_events.front().source;
    ctx->last_source_sentence = index;
  }
  sentence_events.erase(
      std::remove_if(sentence_events.begin(), sentence_events.end(),
                     [&](const Event& e) { return e.confidence < options_.min_confidence; }),
      sentence_events.end());
  // "X was indicted by the court for his alleged part in atrocities",
  // "Y accused X of ...": the alleged act is the accused's, not the accuser's.
  for (const Event& acc : sentence_events) {
    if (!acc.target || acc.code.size() < 2 ||
        !(acc.code.starts_with("11") || acc.code.starts_with("09"))) {
      continue;
    }
    for (Event& e : sentence_events) {
      if (&e == &acc || e.modality != Modality::kAlleged ||
          e.trigger_begin <= acc.trigger_begin ||
          e.source.code != acc.source.code) {
        continue;
      }
      // Only inside the accusation's clause: "accused Serbia of abducting
      // officers and demanded their release" — the demand is Kosovo's.
      bool coordinated = false;
      for (uint32_t k = 0; k + 1 < n; ++k) {
        if (toks[k].begin <= acc.trigger_begin || toks[k].begin >= e.trigger_begin) continue;
        if (toks[k].tag == Upos::kCconj && toks[k + 1].tag == Upos::kVerb) coordinated = true;
      }
      if (coordinated) continue;
      note(fmt::format("event {} at byte {}: the alleged act is the accused's "
                       "({}), not the accuser's",
                       e.code, e.trigger_begin, acc.target->code));
      e.source = *acc.target;
      if (e.target && e.target->code == e.source.code) e.target.reset();
    }
  }
  if (!options_.all_events && !sentence_events.empty()) {
    // The sentence's root event: what it reports as fact rather than as a
    // hypothesis or a denial, then the earliest trigger (the main clause
    // usually comes first), then the most specific rule. Its every
    // source-target pair is kept; the other triggers are usually the root's
    // details ("signed a pact at a summit that obliges ...").
    // A trigger after ", " as an -ing form ("..., killing 20 people") or
    // after "to", or in a relative or temporal clause, is subordinate to
    // the clause's main verb (0). A past participle describing a noun
    // ("people accused of crimes", "a bill signed by the minister") only
    // describes (-1): it is never the sentence's root event.
    auto main_clause = [&](const Event& x) {
      for (uint32_t k = 1; k < n; ++k) {
        if (toks[k].begin != x.trigger_begin) continue;
        const Token& prev = toks[k - 1];
        bool participle = prev.norm == "," && toks[k].lower.ends_with("ing");
        if (participle || prev.lower == "to") return 0;
        // Reduced relative clauses after a noun: "supporters blocked roads
        // in Algiers demanding that ...", "a bill signed in by the minister".
        bool after_noun = (prev.tag == Upos::kNoun || prev.tag == Upos::kPropn) &&
                          toks[k].tag == Upos::kVerb && !mt[k - 1].skippable;
        // "-ing" after a noun is mostly the main verb's adjunct ("posted a
        // message on Twitter blaming Iran"): subordinate, not descriptive.
        if (after_noun && toks[k].lower.ends_with("ing")) return 0;
        // A gerund after a preposition: "aimed at establishing ties", "by
        // signing a pact" — but not after an adjective's "of", which makes it
        // the predicate: "are guilty of violating the ceasefire".
        bool adjective_of = prev.lower == "of" && k >= 2 &&
                            toks[k - 2].tag == Upos::kAdj;
        if ((prev.tag == Upos::kAdp || prev.tag == Upos::kSconj) &&
            toks[k].tag == Upos::kVerb && toks[k].lower.ends_with("ing") &&
            !adjective_of) {
          return 0;
        }
        if (after_noun && toks[k].lower.ends_with("ed") && prev.tag == Upos::kNoun &&
            ((k + 1 < n && toks[k + 1].lower == "by") ||
             (k + 2 < n && toks[k + 2].lower == "by"))) {
          return -1;
        }
        // "the curfew imposed in Sudan", "the agreement signed in March"
        // after the clause's own verb: a participle describing the noun.
        if (after_noun && toks[k].lower.ends_with("ed") && prev.tag == Upos::kNoun &&
            k + 1 < n &&
            OneOf(toks[k + 1].lower,
                  std::array<std::string_view, 15>{
                      "in", "on", "at", "during", "last", "earlier", "of", "for", "with",
                      "as", "to", "from", "under", "over", "after"})) {
          for (uint32_t j = k - 1; j-- > 0;) {
            const Token& t = toks[j];
            // A clause of its own begins: "broke out when people rallied at".
            if (t.norm == "," || IsClauseBreak(t) || t.tag == Upos::kCconj ||
                t.tag == Upos::kSconj ||
                OneOf(t.lower, std::array<std::string_view, 11>{
                                   "that", "when", "while", "after", "before", "as",
                                   "since", "because", "if", "who", "which"})) {
              break;
            }
            // A participle after a noun is no finite verb either:
            // "negotiators meeting in Istanbul yesterday agreed to".
            bool participle = t.tag == Upos::kVerb && j > 0 &&
                              toks[j - 1].tag == Upos::kNoun &&
                              (t.lower.ends_with("ing") || t.lower.ends_with("ed"));
            if ((t.tag == Upos::kVerb || t.tag == Upos::kAux) && !participle &&
                !OneOf(t.lemma, kReportVerbs)) {
              return -1;
            }
          }
        }
        // A relative or temporal clause: ", whom they had taken hostage",
        // "one day after a jet shot down a helicopter".
        for (uint32_t j = k; j-- > 0 && j + 8 > k;) {
          const Token& t = toks[j];
          if (t.norm == "," || IsClauseBreak(t)) break;
          // "following" is tagged a verb but opens a temporal phrase.
          if (t.lower == "following" && j + 1 != k) return 0;
          if (t.tag == Upos::kVerb && j + 1 != k) break;
          bool relative = (t.lower == "who" || t.lower == "whom" ||
                           t.lower == "which") &&
                          j > 0 && toks[j - 1].norm == ",";
          bool temporal = t.lower == "after" || t.lower == "before" ||
                          t.lower == "since" || t.lower == "while" ||
                          t.lower == "when" || t.lower == "following";
          if (relative || temporal) return 0;
        }
        return 1;
      }
      return 1;
    };
    auto rank = [&](const Event& x) {
      int factual = x.modality == Modality::kNegated ||
                            x.modality == Modality::kHypothetical
                        ? 0
                        : 1;
      // A verb heads the clause; a noun trigger is often its object
      // ("rejected India's proposal for talks").
      return std::make_tuple(factual, main_clause(x), x.noun_trigger ? 0 : 1,
                             x.rule_specificity,
                             -static_cast<int64_t>(x.trigger_begin));
    };
    const Event* root = &sentence_events.front();
    for (const Event& e : sentence_events) {
      if (rank(e) > rank(*root)) root = &e;
    }
    uint32_t root_trigger = root->trigger_begin;
    if (main_clause(*root) < 0) {
      note(fmt::format("event {} at byte {}: only describes a noun (a relative "
                       "clause or participle); the sentence has no root event",
                       root->code, root->trigger_begin));
      root_trigger = std::numeric_limits<uint32_t>::max();
    }
    // "Police opened fire to disperse demonstrators": a root act without a
    // target takes the target of the act that details it, by the same source.
    const Event* donor = nullptr;
    // Only within the root's clause: not from a relative clause or an
    // appositive ("convicted Avenatti, the lawyer who represented Daniels in
    // her lawsuit against Trump").
    auto same_clause = [&](uint32_t from, uint32_t to) {
      for (uint32_t k = 0; k < n; ++k) {
        if (toks[k].begin <= from || toks[k].begin >= to) continue;
        if (IsClauseBreak(toks[k]) || toks[k].lower == "who" ||
            toks[k].lower == "which" || toks[k].lower == "whose") {
          return false;
        }
      }
      return true;
    };
    for (const Event& e : sentence_events) {
      if (e.trigger_begin > root_trigger && e.target &&
          same_clause(root_trigger, e.trigger_begin) &&
          e.source.country == root->source.country &&
          e.modality != Modality::kNegated &&
          e.modality != Modality::kHypothetical) {
        donor = &e;
        break;
      }
    }
    if (donor != nullptr) {
      EventActor target = *donor->target;
      for (Event& e : sentence_events) {
        if (e.trigger_begin != root_trigger || e.target || !e.partners.empty() ||
            e.source.country != donor->source.country) {
          continue;
        }
        e.target = target;
        note(fmt::format("event {} at byte {}: target {} from the act that "
                         "details it ({} at byte {})",
                         e.code, e.trigger_begin, target.code, donor->code,
                         donor->trigger_begin));
      }
    }
    std::vector<Event> kept_events;
    for (Event& e : sentence_events) {
      // What an actor is accused of is news of its own: keep it.
      bool repeat = std::any_of(
          kept_events.begin(), kept_events.end(), [&](const Event& k) {
            return k.source.country == e.source.country &&
                   (k.target ? k.target->country : "") ==
                       (e.target ? e.target->country : "") &&
                   k.code.substr(0, 2) == e.code.substr(0, 2);
          });
      // Only material acts ("supplying arms", "atrocities"): "accused the
      // US of restoring the blackmail in the negotiations" reports no talks.
      const CameoCode* cc = cameo_->Find(e.code);
      bool material_allegation = e.modality == Modality::kAlleged &&
                                 cc != nullptr &&
                                 (cc->quad_class == 2 || cc->quad_class == 4);
      if (!repeat &&
          (e.trigger_begin == root_trigger || material_allegation)) {
        kept_events.push_back(std::move(e));
      } else {
        note(fmt::format("event {} at byte {} not kept: not the sentence's root "
                         "event (--all-events keeps it)",
                         e.code, e.trigger_begin));
      }
    }
    sentence_events = std::move(kept_events);
  }
  if (options_.one_per_sentence && sentence_events.size() > 1) {
    auto best = std::max_element(
        sentence_events.begin(), sentence_events.end(),
        [](const Event& a, const Event& b) { return a.confidence < b.confidence; });
    Event keep = *best;
    sentence_events.clear();
    sentence_events.push_back(std::move(keep));
  }
  for (Event& e : sentence_events) events->push_back(std::move(e));
}

}  // namespace dyad
