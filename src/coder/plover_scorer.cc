#include "coder/plover_scorer.h"

#include <algorithm>
#include <set>
#include <tuple>

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include "util/file.h"

namespace dyad {
namespace {

std::string MapType(const std::string& v05) {
  if (v05 == "DEMAND") return "REQUEST";
  if (v05 == "DISAPPROVE" || v05 == "INVESTIGATE") return "ACCUSE";
  if (v05 == "FIGHT") return "ASSAULT";
  return v05;
}

std::vector<GoldActor> Actors(const nlohmann::json& j) {
  std::vector<GoldActor> out;
  if (!j.is_array()) return out;
  for (const auto& a : j) {
    if (!a.is_object() || !a.contains("code")) continue;
    GoldActor g;
    g.text = a.value("actorText", "");
    g.country = NormalizeCountry(a.value("code", ""));
    if (!g.country.empty()) out.push_back(std::move(g));
  }
  return out;
}

using Tuple = std::tuple<std::string, std::string, std::string>;

// The gold records use PLOVER v0.5, which grouped CAMEO codes by root more
// than the 2021 table does (163 sanctions are SANCTION, 19x fighting is
// FIGHT, 175 repression is COERCE, easing a curfew 0813 is CONCEDE). The
// prediction is mapped the same way, then named as the gold types are.
std::string GoldTypeOf(const std::string& code, const CameoTable& cameo) {
  const CameoCode* c = cameo.Find(code);
  if (c == nullptr) return "";
  const std::string& r = c->root;
  if (r == "01") return "";
  if (r == "02" || r == "10") return "REQUEST";
  if (r == "03") return "AGREE";
  if (r == "04") return "CONSULT";
  if (r == "05") return "SUPPORT";
  if (r == "06") return "COOPERATE";
  if (r == "07") return "AID";
  if (r == "08") {
    return code.starts_with("080") || code.starts_with("081") ||
                   code.starts_with("082") || code.starts_with("083")
               ? "CONCEDE"
               : "RETREAT";
  }
  if (r == "09" || r == "11") return "ACCUSE";
  if (r == "12") return "REJECT";
  if (r == "13") return "THREATEN";
  if (r == "14") return "PROTEST";
  if (r == "15") return "MOBILIZE";
  if (r == "16") return "SANCTION";
  if (r == "17") return "COERCE";
  return "ASSAULT";  // 18, 19, 20
}

}  // namespace

std::string NormalizeCountry(std::string_view code) {
  // The gold records label international organisations IGO or NGO without
  // a consistent line between them (Amnesty and the Red Cross are "IGO",
  // a water forum "NGO"); both sides are compared as one class.
  if (code.starts_with("IGO") || code.starts_with("NGO")) return "IGO";
  std::string_view country = code.substr(0, std::min<size_t>(3, code.size()));
  // Two countries keep their codes from older CAMEO dictionaries in the
  // gold (JAP, ITL); dyad writes ISO 3166 alpha-3 like the rest.
  if (country == "JAP") return "JPN";
  if (country == "ITL") return "ITA";
  return std::string(country);
}

Result<std::vector<PloverRecord>> LoadPloverGold(const std::string& path) {
  DYAD_ASSIGN_OR_RETURN(std::string text, ReadFileToString(path));
  nlohmann::json j = nlohmann::json::parse(text, nullptr, false);
  if (j.is_discarded() || !j.is_array()) {
    return CorruptionError(path + ": not a JSON array of PLOVER records");
  }
  std::vector<PloverRecord> out;
  for (const auto& r : j) {
    if (!r.is_object() || r.value("event", "") == "DOCUMENT") continue;
    PloverRecord p;
    p.id = r.value("id", "");
    p.text = r.value("text", "");
    p.date = r.value("date", "");
    p.type = MapType(r.value("event", ""));
    if (r.contains("source")) p.sources = Actors(r["source"]);
    if (r.contains("target")) p.targets = Actors(r["target"]);
    if (p.text.empty()) continue;
    out.push_back(std::move(p));
  }
  return out;
}

namespace {

// Talks, telephone calls and negotiations are joint acts in PLOVER: both
// sides are actors ("X held talks with Y" → X and Y, no recipient).
bool IsMutualCode(std::string_view code) {
  return code == "040" || code == "041" || code == "046";
}

}  // namespace

PloverScore ScorePlover(const EventCoder& coder,
                        const std::vector<PloverRecord>& records) {
  PloverScore score;
  CodedDocument coded;
  for (const PloverRecord& r : records) {
    Document doc;
    doc.id = r.id;
    doc.text = r.text;
    doc.date = r.date;
    coder.Code(doc, &coded);
    std::set<Tuple> gold, predicted;
    for (const GoldActor& s : r.sources) {
      if (r.targets.empty()) gold.emplace(r.type, s.country, "");
      for (const GoldActor& t : r.targets) gold.emplace(r.type, s.country, t.country);
    }
    for (const Event& e : coded.events) {
      std::string type = GoldTypeOf(e.code, coder.cameo());
      if (type.empty()) continue;
      std::string a = NormalizeCountry(e.source.country);
      std::string b = e.target ? NormalizeCountry(e.target->country) : "";
      if (!b.empty() && b != a && IsMutualCode(e.code)) {
        predicted.emplace(type, a, "");
        predicted.emplace(type, b, "");
      } else {
        predicted.emplace(type, a, b);
      }
    }
    // PLOVER codes a reciprocal act ("X and Y agreed", "X and Y renewed
    // negotiations") as one event with both sides as actors and no
    // recipient, where CAMEO has X→Y and Y→X.
    std::set<Tuple> mutual;
    for (const auto& [ty, a, b] : predicted) {
      if (!b.empty() && a != b && predicted.count({ty, b, a})) {
        mutual.insert({ty, a, b});
      }
    }
    for (const auto& [ty, a, b] : mutual) {
      predicted.erase({ty, a, b});
      predicted.emplace(ty, a, "");
    }
    int tp = 0;
    for (const Tuple& t : predicted) tp += gold.count(t) ? 1 : 0;
    ++score.records;
    score.gold_tuples += static_cast<int>(gold.size());
    score.predicted_tuples += static_cast<int>(predicted.size());
    score.true_positives += tp;
    score.extra_events += static_cast<int>(predicted.size()) - tp;
    auto& bt = score.by_type[r.type];
    bt.first += static_cast<int>(gold.size());
    bt.second += tp;
    if (tp != static_cast<int>(gold.size()) ||
        tp != static_cast<int>(predicted.size())) {
      auto show = [](const std::set<Tuple>& s) {
        std::string out;
        for (const auto& [ty, a, b] : s) {
          out += fmt::format(" {}({}→{})", ty, a, b.empty() ? "-" : b);
        }
        return out.empty() ? std::string(" none") : out;
      };
      score.details.push_back(fmt::format("{}: gold{} | dyad{} | {}", r.id,
                                          show(gold), show(predicted), r.text));
    }
  }
  score.precision = score.predicted_tuples
                        ? double(score.true_positives) / score.predicted_tuples
                        : 0;
  score.recall =
      score.gold_tuples ? double(score.true_positives) / score.gold_tuples : 0;
  score.f1 = score.precision + score.recall > 0
                 ? 2 * score.precision * score.recall /
                       (score.precision + score.recall)
                 : 0;
  score.extra_per_record =
      score.records ? double(score.extra_events) / score.records : 0;
  return score;
}

ActorRecall ScoreActorRecall(const EventCoder& coder,
                             const std::vector<PloverRecord>& records) {
  ActorRecall out;
  const ActorDictionary& dict = coder.actors();
  ActorRecognizer recognizer(dict);
  AnnotatedText text;
  for (const PloverRecord& r : records) {
    coder.text().Annotate(r.text, &text);
    Day day = kNoDay;
    if (auto d = ParseIsoDay(r.date); d.ok()) day = *d;
    DocumentActors doc;
    std::vector<ActorMention> mentions;
    for (const Sentence& s : text.sentences) {
      recognizer.Recognize(text, s, day, &doc, &mentions);
    }
    std::vector<GoldActor> gold = r.sources;
    gold.insert(gold.end(), r.targets.begin(), r.targets.end());
    for (const GoldActor& g : gold) {
      ++out.gold;
      size_t at = r.text.find(g.text);
      bool found = false;
      for (const ActorMention& m : mentions) {
        bool overlaps = at == std::string::npos ||
                        (m.begin < at + g.text.size() && at < m.end);
        if (overlaps && NormalizeCountry(m.country) == g.country) found = true;
      }
      if (found) {
        ++out.found;
      } else {
        out.misses.push_back(fmt::format("{}: '{}' ({}) in: {}", r.id, g.text,
                                         g.country, r.text));
      }
    }
  }
  out.recall = out.gold ? double(out.found) / out.gold : 0;
  return out;
}

}  // namespace dyad
