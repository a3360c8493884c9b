#include "coder/coding_explanation.h"

#include <fmt/core.h>

namespace dyad {

std::string ExplainCoding(const Document& doc, const CodedDocument& coded,
                          const EventCoder& coder) {
  std::string out = fmt::format("document {}, date {}\n", doc.id,
                                doc.date.empty() ? "(none)" : doc.date);
  for (const SentenceTrace& t : coded.traces) {
    const Sentence& s = coded.text.sentences[t.sentence_index];
    out += fmt::format("\nsentence {}: {}\n", t.sentence_index,
                       doc.text.substr(s.begin, s.end - s.begin));
    std::string line = "  tokens:";
    for (const Token& tok : coded.text.TokensOf(s)) {
      line += fmt::format(" {}/{}",
                          doc.text.substr(tok.begin, tok.end - tok.begin),
                          UposName(tok.tag));
      if (tok.lemma != tok.lower) line += "(" + tok.lemma + ")";
    }
    out += line + "\n";
    if (t.mentions.empty()) out += "  actors: none\n";
    for (const ActorMention& m : t.mentions) {
      out += fmt::format(
          "  actor: '{}' → {} ({}{}{})\n",
          doc.text.substr(m.begin, m.end - m.begin), m.code,
          ActorKindName(m.kind),
          m.entry >= 0 ? ", " + coder.actors().entry(m.entry).name : "",
          m.generic ? ", no country" : "");
    }
    for (const std::string& c : t.candidates) {
      out += "  candidate: " + c + "\n";
    }
    for (const std::string& n : t.notes) out += "  decision: " + n + "\n";
    for (const Event& e : coded.events) {
      if (e.sentence_index != t.sentence_index) continue;
      const CameoCode* cc = coder.cameo().Find(e.code);
      out += fmt::format(
          "  EVENT {} → {}  {} {}  {}  {} ({})  modality {}{}\n",
          e.source.code, e.target ? e.target->code : "-", e.code,
          cc ? cc->name : "?", cc ? cc->plover : "", FormatIsoDay(e.date),
          DatePrecisionName(e.date_precision), ModalityName(e.modality),
          e.attribution_text.empty()
              ? ""
              : ", reported by: " + e.attribution_text);
    }
  }
  if (coded.events.empty()) out += "\nno events\n";
  return out;
}

}  // namespace dyad
