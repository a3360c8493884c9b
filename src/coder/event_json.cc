#include "coder/event_json.h"

namespace dyad {
namespace {

nlohmann::json ActorJson(const EventActor& a) {
  return {{"code", a.code},   {"country", a.country}, {"sector", a.sector},
          {"text", a.text},   {"start", a.begin},     {"end", a.end}};
}

}  // namespace

nlohmann::json EventToJson(const Event& e, const Document& doc,
                           const CameoTable& cameo) {
  nlohmann::json j;
  j["doc_id"] = e.doc_id;
  j["sentence_index"] = e.sentence_index;
  j["sentence"] = doc.text.substr(e.sentence_begin,
                                  e.sentence_end - e.sentence_begin);
  j["date"] = e.date == kNoDay ? nlohmann::json(nullptr)
                               : nlohmann::json(FormatIsoDay(e.date));
  j["date_precision"] = std::string(DatePrecisionName(e.date_precision));
  j["source"] = ActorJson(e.source);
  j["target"] = e.target ? ActorJson(*e.target) : nlohmann::json(nullptr);
  if (!e.partners.empty()) {
    nlohmann::json partners = nlohmann::json::array();
    for (const EventActor& p : e.partners) partners.push_back(ActorJson(p));
    j["partners"] = std::move(partners);
  }
  j["code"] = e.code;
  if (const CameoCode* c = cameo.Find(e.code)) {
    j["root"] = c->root;
    j["quad_class"] = c->quad_class;
    j["goldstein"] = c->goldstein;
    j["plover"] = c->plover.empty() ? nlohmann::json(nullptr)
                                    : nlohmann::json(c->plover);
    j["event_name"] = c->name;
  } else {
    j["root"] = nullptr;
    j["quad_class"] = nullptr;
    j["goldstein"] = nullptr;
    j["plover"] = nullptr;
  }
  j["modality"] = std::string(ModalityName(e.modality));
  j["modality_cue"] = e.modality_cue;
  j["attribution"] = e.attribution ? ActorJson(*e.attribution)
                                   : nlohmann::json(nullptr);
  j["attribution_text"] = e.attribution_text;
  j["rule"] = e.rule;
  j["trigger"] = {{"start", e.trigger_begin},
                  {"end", e.trigger_end},
                  {"text", doc.text.substr(e.trigger_begin,
                                           e.trigger_end - e.trigger_begin)}};
  j["date_rule"] = e.date_rule;
  j["confidence"] = e.confidence;
  return j;
}

std::string EventToJsonLine(const Event& e, const Document& doc,
                            const CameoTable& cameo) {
  return EventToJson(e, doc, cameo)
      .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace dyad
