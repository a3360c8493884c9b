// `dyad explain`: how a sentence (or a document) was coded — tokens, tags,
// actors, candidate patterns, the rule that fired, and why each role,
// modality and date was chosen.
#include <cstdio>

#include <fmt/core.h>

#include "cli/coder_options.h"
#include "cli/command.h"
#include "cli/input_options.h"
#include "coder/event_json.h"
#include "ingest/reader.h"

namespace dyad {
namespace {

class ExplainCommand : public Command {
 public:
  explicit ExplainCommand(CLI::App* parent) {
    app_ = parent->add_subcommand(
        "explain", "Show how a sentence is coded: tokens, tags, actors, "
                   "candidate rules, roles, modality and date");
    app_->add_option("sentence", sentence_, "The sentence (or text) to explain");
    app_->add_option("--date", date_, "Article date (YYYY-MM-DD)");
    app_->add_option("--doc", doc_path_,
                     "Explain the first document of this file instead");
    app_->add_flag("--json", json_, "Print the events as JSON only");
    AddCoderOptions(app_, &coder_options_);
  }

  int Run() override {
    Document doc;
    if (!doc_path_.empty()) {
      ReaderOptions ro;
      ro.default_date = date_;
      ro.on_error = [](const ReadError& e) {
        std::fprintf(stderr, "dyad explain: %s\n", e.ToString().c_str());
      };
      DocumentReader reader({doc_path_}, ro);
      if (!reader.Next(&doc)) {
        std::fprintf(stderr, "dyad explain: no document in %s\n",
                     doc_path_.c_str());
        return kExitFailure;
      }
    } else if (!sentence_.empty()) {
      doc.id = "explain";
      doc.text = sentence_;
      doc.date = date_;
    } else {
      std::fprintf(stderr, "dyad explain: give a sentence or --doc FILE\n");
      return kExitUsage;
    }
    if (!doc.date.empty() && !ParseIsoDay(doc.date).ok()) {
      std::fprintf(stderr, "dyad explain: --date: not a YYYY-MM-DD date\n");
      return kExitUsage;
    }
    auto coder = CreateCoderOrReport(coder_options_, "explain");
    if (coder == nullptr) return kExitFailure;
    CodedDocument coded;
    coder->Code(doc, &coded, /*trace=*/true);
    if (json_) {
      for (const Event& e : coded.events) {
        std::printf("%s\n", EventToJsonLine(e, doc, coder->cameo()).c_str());
      }
      return kExitOk;
    }
    std::printf("document %s, date %s\n", doc.id.c_str(),
                doc.date.empty() ? "(none)" : doc.date.c_str());
    for (const SentenceTrace& t : coded.traces) {
      const Sentence& s = coded.text.sentences[t.sentence_index];
      std::printf("\nsentence %u: %s\n", t.sentence_index,
                  doc.text.substr(s.begin, s.end - s.begin).c_str());
      std::string line = "  tokens:";
      for (const Token& tok : coded.text.TokensOf(s)) {
        line += fmt::format(" {}/{}", doc.text.substr(tok.begin, tok.end - tok.begin),
                            UposName(tok.tag));
        if (tok.lemma != tok.lower) line += "(" + tok.lemma + ")";
      }
      std::printf("%s\n", line.c_str());
      if (t.mentions.empty()) std::printf("  actors: none\n");
      for (const ActorMention& m : t.mentions) {
        std::printf("  actor: '%s' → %s (%s%s%s)\n",
                    doc.text.substr(m.begin, m.end - m.begin).c_str(),
                    m.code.c_str(), std::string(ActorKindName(m.kind)).c_str(),
                    m.entry >= 0
                        ? (", " + coder->actors().entry(m.entry).name).c_str()
                        : "",
                    m.generic ? ", no country" : "");
      }
      for (const std::string& c : t.candidates) {
        std::printf("  candidate: %s\n", c.c_str());
      }
      for (const std::string& n : t.notes) std::printf("  decision: %s\n", n.c_str());
      for (const Event& e : coded.events) {
        if (e.sentence_index != t.sentence_index) continue;
        const CameoCode* cc = coder->cameo().Find(e.code);
        std::printf("  EVENT %s → %s  %s %s  %s  %s (%s)  modality %s%s\n",
                    e.source.code.c_str(),
                    e.target ? e.target->code.c_str() : "-", e.code.c_str(),
                    cc ? cc->name.c_str() : "?", cc ? cc->plover.c_str() : "",
                    FormatIsoDay(e.date).c_str(),
                    std::string(DatePrecisionName(e.date_precision)).c_str(),
                    std::string(ModalityName(e.modality)).c_str(),
                    e.attribution_text.empty()
                        ? ""
                        : (", reported by: " + e.attribution_text).c_str());
      }
    }
    if (coded.events.empty()) std::printf("\nno events\n");
    return kExitOk;
  }

 private:
  std::string sentence_, date_, doc_path_;
  bool json_ = false;
  CoderCliOptions coder_options_;
};

}  // namespace

std::unique_ptr<Command> MakeExplainCommand(CLI::App* parent) {
  return std::make_unique<ExplainCommand>(parent);
}

}  // namespace dyad
