#include "store/icews_reader.h"

#include <algorithm>
#include <cctype>
#include <utility>
#include <vector>

#include "text/token.h"

namespace dyad {
namespace {

enum Column {
  kEventId = 0,
  kEventDate,
  kSourceName,
  kSourceSectors,
  kSourceCountry,
  kEventText,
  kCameoCode,
  kIntensity,
  kTargetName,
  kTargetSectors,
  kTargetCountry,
  kStoryId,
  kSentenceNumber,
  kPublisher,
};

// ICEWS country names our dictionary spells differently or that news
// usage would send elsewhere ("Congo" alone is the Republic in ICEWS, the
// DR Congo in our dictionary).
struct CountryAlias {
  std::string_view icews;
  std::string_view code;
};
constexpr CountryAlias kCountryAliases[] = {
    {"Congo", "COG"},
    {"Democratic Republic of Congo", "COD"},
    {"Occupied Palestinian Territory", "PSE"},
    {"the former Yugoslav Republic of Macedonia", "MKD"},
    {"Moldova, Republic of", "MDA"},
    {"Korea, North", "PRK"},
    {"Korea, South", "KOR"},
    {"Holy See", "VAT"},
    {"Cote d'Ivoire", "CIV"},
    {"Russian Federation", "RUS"},
    {"Hong Kong", "HKG"},
    {"Macau", "MAC"},
    {"Western Sahara", "ESH"},
};

// ICEWS sectors → CAMEO agents, most specific first: the first listed
// sector of a row's list wins ("Police" over "Government", a ministry of
// defence over "Government").
struct SectorAgent {
  std::string_view sector;
  std::string_view agent;
};
constexpr SectorAgent kSectorAgents[] = {
    {"Police", "COP"},
    {"National / Border Divisions", "COP"},
    {"Military Intelligence", "SPY"},
    {"Intelligence Ministry", "SPY"},
    {"Military", "MIL"},
    {"Army", "MIL"},
    {"Army Special Forces", "MIL"},
    {"Navy", "MIL"},
    {"Air Force", "MIL"},
    {"Marines", "MIL"},
    {"Defense / Security Ministry", "MIL"},
    {"Judicial", "JUD"},
    {"Legal", "JUD"},
    {"Justice / Law Ministry", "JUD"},
    {"Legislative / Parliamentary", "LEG"},
    {"Lower House", "LEG"},
    {"Upper House", "LEG"},
    {"Unicameral", "LEG"},
    {"Rebel", "REB"},
    {"Insurgents", "INS"},
    {"International Insurgents", "INS"},
    {"Separatists", "SEP"},
    {"Radicals / Extremists / Fundamentalists", "RAD"},
    {"International Radicals / Extremists / Fundamentalists", "RAD"},
    {"Unidentified Forces", "UAF"},
    {"Organized Violent", "UAF"},
    {"Criminals / Gangs", "CRM"},
    {"Opposition Major Party (Out Of Government)", "OPP"},
    {"Dissident", "OPP"},
    {"International Dissident", "OPP"},
    {"Protestors / Popular Opposition / Mobs", "OPP"},
    {"Government Major Party (In Government)", "PTY"},
    {"(National) Major Party", "PTY"},
    {"(National) Minor Party", "PTY"},
    {"Provincial Party", "PTY"},
    {"Municipal Party", "PTY"},
    {"Parties", "PTY"},
    {"Executive", "GOV"},
    {"Executive Office", "GOV"},
    {"Cabinet", "GOV"},
    {"Foreign Ministry", "GOV"},
    {"Government", "GOV"},
    {"Elite", "ELI"},
    {"State Media", "MED"},
    {"Media", "MED"},
    {"News", "MED"},
    {"Print News", "MED"},
    {"Television News", "MED"},
    {"Human Rights NGOs", "NGO"},
    {"Nongovernmental Organizations / Activists", "NGO"},
    {"Nongovernmental Organization (International)", "NGO"},
    {"Business", "BUS"},
    {"Multinational Corporation", "BUS"},
    {"Labor", "LAB"},
    {"Education", "EDU"},
    {"Medical / Health", "HLH"},
    {"Agricultural", "AGR"},
    {"Refugees / Displaced", "REF"},
    {"General Population / Civilian / Social", "CVL"},
};

// Ministries not listed above are government (CAMEO's GOV + a sub-sector).
bool IsMinistry(std::string_view sector) {
  return sector.ends_with(" Ministry");
}

bool IsDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](unsigned char c) {
           return std::isdigit(c) != 0;
         });
}

bool IsMissing(std::string_view s) { return s.empty() || s == "NA"; }

// ICEWS actors without a country that CAMEO still codes, by name.
struct NamedCode {
  std::string_view name;
  std::string_view code;
};
constexpr NamedCode kNamedCodes[] = {
    {"Unidentified State Actor", "UIS"},
    {"International", "INT"},
    {"International Government Organizations", "IGO"},
    {"Non-Governmental Organizations", "NGO"},
};

// Generic CAMEO codes for an actor without a country that the dictionary
// does not know, by sector.
constexpr NamedCode kStatelessSectors[] = {
    {"International Government Organization", "IGO"},
    {"Nongovernmental Organization (International)", "NGO"},
    {"Multinational Corporation", "MNC"},
};

bool HasSector(std::string_view sectors, std::string_view wanted) {
  size_t start = 0;
  while (start <= sectors.size()) {
    size_t comma = sectors.find(',', start);
    std::string_view s = sectors.substr(
        start, comma == std::string_view::npos ? std::string_view::npos
                                               : comma - start);
    if (s == wanted) return true;
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  return false;
}

}  // namespace

IcewsReader::IcewsReader(const ActorDictionary* actors,
                         const CameoTable* cameo)
    : actors_(actors), cameo_(cameo) {}

std::string_view IcewsReader::SectorCode(std::string_view sectors) {
  // Sector names contain no commas; the list is comma-separated.
  size_t best = std::size(kSectorAgents);
  bool ministry = false;
  size_t start = 0;
  while (start <= sectors.size()) {
    size_t comma = sectors.find(',', start);
    std::string_view s = sectors.substr(
        start, comma == std::string_view::npos ? std::string_view::npos
                                               : comma - start);
    for (size_t i = 0; i < best; ++i) {
      if (kSectorAgents[i].sector == s) {
        best = i;
        break;
      }
    }
    if (IsMinistry(s)) ministry = true;
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  if (best < std::size(kSectorAgents)) {
    std::string_view agent = kSectorAgents[best].agent;
    // A ministry outranks the generic agents listed after GOV.
    if (ministry && agent != "GOV") {
      for (size_t i = 0; i < best; ++i) {
        if (kSectorAgents[i].agent == "GOV") return "GOV";
      }
    }
    return agent;
  }
  return ministry ? "GOV" : "";
}

std::string IcewsReader::NameCode(std::string_view name, Day day) const {
  std::vector<Token> tokens;
  actors_->tokenizer().Tokenize(name, &tokens);
  if (tokens.empty()) return "";
  std::vector<uint64_t> hashes;
  hashes.reserve(tokens.size());
  for (const Token& t : tokens) {
    hashes.push_back(ActorDictionary::TokenHash(t.lower));
  }
  NameMatch m = actors_->MatchName(tokens, hashes, 0);
  if (m.length != tokens.size() || m.entries.empty()) return "";
  // A country named as such beats other readings of the same phrase.
  int id = m.entries.front().first;
  for (const auto& [entry, kind] : m.entries) {
    if (kind == ActorKind::kCountry) {
      id = entry;
      break;
    }
  }
  return actors_->CodeOn(id, day);
}

std::string IcewsReader::CountryCode(std::string_view name) const {
  for (const CountryAlias& a : kCountryAliases) {
    if (a.icews == name) return std::string(a.code);
  }
  std::string code = NameCode(name, kNoDay);
  // Only a state or region: "Google" is no country.
  if (code.size() != 3) return "";
  return code;
}

bool IcewsReader::CodeActor(std::string_view name, std::string_view sectors,
                            std::string_view country, Day day, EventActor* a,
                            std::string* error) const {
  a->text = std::string(name);
  const std::string_view agent = SectorCode(sectors);
  if (!IsMissing(country)) {
    std::string code = CountryCode(country);
    if (code.empty()) {
      *error = "unknown country '" + std::string(country) + "'";
      return false;
    }
    a->code = code + std::string(agent);
    a->country = code;
    a->sector = std::string(agent);
    return true;
  }
  if (name == "Unspecified Actor") return true;  // no actor
  auto lookup = [&](std::string_view n) {
    for (const NamedCode& named : kNamedCodes) {
      if (named.name == n) return std::string(named.code);
    }
    return NameCode(n, day);
  };
  std::string code = lookup(name);
  if (code.empty() && name.ends_with(')')) {
    // "Ministry (European Union)", "Citizen (Middle East)".
    size_t open = name.rfind('(');
    if (open != std::string_view::npos) {
      code = lookup(name.substr(open + 1, name.size() - open - 2));
    }
  }
  if (code.empty()) {
    for (const NamedCode& n : kStatelessSectors) {
      if (HasSector(sectors, n.name)) {
        code = std::string(n.code);
        break;
      }
    }
  }
  if (code.empty()) {
    *error = "unknown actor '" + std::string(name) + "' without a country";
    return false;
  }
  // A state, region or unidentified state named by the actor gets the
  // row's agent; generic organisation codes do not.
  if (code.size() == 3 && code != "IGO" && code != "NGO" && code != "MNC") {
    code += agent;
  }
  CodeParts parts = actors_->SplitCode(code);
  a->code = std::move(code);
  a->country = std::move(parts.country);
  a->sector = std::move(parts.sector);
  return true;
}

Result<RowKind> IcewsReader::Parse(std::string_view line,
                                   ImportedRow* out) const {
  std::vector<std::string_view> f;
  f.reserve(kColumns);
  SplitTabs(line, &f);
  if (f.size() != kColumns) {
    return InvalidArgumentError("expected " + std::to_string(kColumns) +
                                " tab-separated columns, found " +
                                std::to_string(f.size()));
  }
  if (f[kEventId] == "Event ID") return RowKind::kHeader;
  if (!IsDigits(f[kEventId])) {
    return InvalidArgumentError("bad Event ID '" + std::string(f[kEventId]) +
                                "'");
  }
  Result<Day> day = ParseIsoDay(f[kEventDate]);
  if (!day.ok()) {
    return InvalidArgumentError("bad Event Date '" +
                                std::string(f[kEventDate]) + "'");
  }
  const std::string_view code = f[kCameoCode];
  if (cameo_->Find(code) == nullptr) {
    return InvalidArgumentError("unknown CAMEO Code '" + std::string(code) +
                                "'");
  }
  *out = ImportedRow();
  Event& e = out->event;
  std::string error;
  if (!CodeActor(f[kSourceName], f[kSourceSectors], f[kSourceCountry], *day,
                 &e.source, &error)) {
    return InvalidArgumentError("source: " + error);
  }
  if (e.source.code.empty()) {
    return InvalidArgumentError("source: 'Unspecified Actor' is no actor");
  }
  EventActor target;
  if (!CodeActor(f[kTargetName], f[kTargetSectors], f[kTargetCountry], *day,
                 &target, &error)) {
    return InvalidArgumentError("target: " + error);
  }
  auto offset = [&](std::string_view field) {
    return static_cast<uint32_t>(field.data() - line.data());
  };
  e.source.begin = offset(f[kSourceName]);
  e.source.end = e.source.begin + static_cast<uint32_t>(f[kSourceName].size());
  if (!target.code.empty()) {
    target.begin = offset(f[kTargetName]);
    target.end = target.begin + static_cast<uint32_t>(f[kTargetName].size());
    e.target = std::move(target);
  }
  e.date = *day;
  e.date_precision = DatePrecision::kDay;
  e.date_rule = "ICEWS Event Date";
  e.code = std::string(code);
  e.modality = Modality::kAsserted;
  e.rule = "icews event " + std::string(f[kEventId]) + " intensity " +
           std::string(f[kIntensity]);
  e.trigger_begin = offset(f[kEventText]);
  e.trigger_end = e.trigger_begin + static_cast<uint32_t>(f[kEventText].size());
  e.confidence = 1.0;
  out->doc_key = IsMissing(f[kStoryId])
                     ? "event-" + std::string(f[kEventId])
                     : std::string(f[kStoryId]);
  if (!IsMissing(f[kPublisher])) out->doc_source = std::string(f[kPublisher]);
  return RowKind::kEvent;
}

}  // namespace dyad
