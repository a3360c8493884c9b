// `dyad explain`: how a sentence (or a document) was coded — tokens, tags,
// actors, candidate patterns, the rule that fired, and why each role,
// modality and date was chosen.
#include <cstdio>

#include "cli/coder_options.h"
#include "cli/command.h"
#include "cli/input_options.h"
#include "coder/coding_explanation.h"
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
    std::fputs(ExplainCoding(doc, coded, *coder).c_str(), stdout);
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
