// `dyad actors`: the actor mentions of a text, with spans and codes.
// `dyad dict check`: validates dictionary files.
#include <cstdio>

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include "cli/command.h"
#include "cli/dictionary_options.h"
#include "cli/input_options.h"
#include "dictionary/actor_recognizer.h"
#include "text/text_pipeline.h"
#include "util/file.h"

namespace dyad {
namespace {

class ActorsCommand : public Command {
 public:
  explicit ActorsCommand(CLI::App* parent) {
    app_ = parent->add_subcommand(
        "actors", "Print the actors found in a text, with spans and codes");
    app_->add_option("text", text_, "The text to analyse");
    app_->add_option("--file", file_, "Read the text from this file");
    app_->add_option("--date", date_,
                     "Date roles are checked against (YYYY-MM-DD)");
    app_->add_flag("--json", json_, "One JSON object per mention");
    AddDictionaryOptions(app_, &dict_options_, &no_default_);
  }

  int Run() override {
    if (text_.empty() == file_.empty()) {
      std::fprintf(stderr, "dyad actors: give a text or --file (one of them)\n");
      return kExitUsage;
    }
    Day day = kNoDay;
    if (!date_.empty()) {
      auto d = ParseIsoDay(date_);
      if (!d.ok()) {
        std::fprintf(stderr, "dyad actors: --date: %s\n",
                     d.status().message().c_str());
        return kExitUsage;
      }
      day = *d;
    }
    if (!file_.empty()) {
      auto t = ReadFileToString(file_);
      if (!t.ok()) {
        std::fprintf(stderr, "dyad actors: %s\n", t.status().ToString().c_str());
        return kExitFailure;
      }
      text_ = std::move(t).value();
    }
    auto pipeline = TextPipeline::Create();
    if (!pipeline.ok()) {
      std::fprintf(stderr, "dyad actors: %s\n",
                   pipeline.status().ToString().c_str());
      return kExitFailure;
    }
    auto dict = LoadDictionaryOrReport(dict_options_, no_default_, "actors");
    if (dict == nullptr) return kExitFailure;
    ActorRecognizer recognizer(*dict);
    AnnotatedText annotated;
    (*pipeline)->Annotate(text_, &annotated);
    DocumentActors doc;
    int count = 0;
    for (size_t si = 0; si < annotated.sentences.size(); ++si) {
      std::vector<ActorMention> mentions;
      recognizer.Recognize(annotated, annotated.sentences[si], day, &doc,
                           &mentions);
      for (const ActorMention& m : mentions) {
        ++count;
        std::string span = text_.substr(m.begin, m.end - m.begin);
        std::string name =
            m.entry >= 0 ? dict->entry(m.entry).name : std::string();
        if (json_) {
          nlohmann::json j = {{"sentence", si},      {"text", span},
                              {"begin", m.begin},    {"end", m.end},
                              {"code", m.code},      {"country", m.country},
                              {"sector", m.sector},
                              {"kind", std::string(ActorKindName(m.kind))},
                              {"entry", name},       {"modifier", m.modifier},
                              {"generic", m.generic}};
          std::printf("%s\n", j.dump(-1, ' ', false,
                                     nlohmann::json::error_handler_t::replace)
                                  .c_str());
        } else {
          std::printf("%s", fmt::format("{:>3} {:>5}-{:<5} {:<10} {:<28} {}{}{}\n",
                                        si, m.begin, m.end, m.code, span,
                                        name.empty() ? "" : "= " + name,
                                        m.modifier ? " (modifier)" : "",
                                        m.generic ? " (no country)" : "")
                                .c_str());
        }
      }
    }
    if (!json_ && count == 0) std::printf("no actors found\n");
    return kExitOk;
  }

 private:
  std::string text_, file_, date_;
  bool json_ = false;
  ActorDictionaryOptions dict_options_;
  bool no_default_ = false;
};

class DictCommand : public Command {
 public:
  explicit DictCommand(CLI::App* parent) {
    app_ = parent->add_subcommand("dict", "Dictionary tools");
    app_->require_subcommand(1);
    check_ = app_->add_subcommand(
        "check",
        "Validate dictionaries: syntax, duplicate names with overlapping "
        "dates, overlapping roles, unknown codes");
    AddDictionaryOptions(check_, &dict_options_, &no_default_);
  }

  int Run() override {
    dict_options_.use_default = !no_default_;
    LoadReport report;
    auto dict = LoadActorDictionary(dict_options_, &report);
    if (!dict.ok()) {
      std::fprintf(stderr, "dyad dict check: %s\n",
                   dict.status().ToString().c_str());
      return kExitFailure;
    }
    for (const std::string& e : report.errors) std::printf("error: %s\n", e.c_str());
    std::vector<std::string> problems = (*dict)->Check();
    for (const std::string& p : problems) std::printf("warning: %s\n", p.c_str());
    std::printf("%d entries, %d names, %d agent phrases: %zu errors, %zu "
                "warnings\n",
                report.entries, report.names, report.agents,
                report.errors.size(), problems.size());
    return report.errors.empty() && problems.empty() ? kExitOk
                                                     : kExitSomeRecordsFailed;
  }

 private:
  CLI::App* check_ = nullptr;
  ActorDictionaryOptions dict_options_;
  bool no_default_ = false;
};

}  // namespace

std::unique_ptr<Command> MakeActorsCommand(CLI::App* parent) {
  return std::make_unique<ActorsCommand>(parent);
}
std::unique_ptr<Command> MakeDictCommand(CLI::App* parent) {
  return std::make_unique<DictCommand>(parent);
}

}  // namespace dyad
