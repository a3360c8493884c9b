// `dyad eval plover|actors`: scores against PLOVER gold records.
#include <cstdio>

#include <fmt/core.h>

#include "cli/coder_options.h"
#include "cli/command.h"
#include "cli/input_options.h"
#include "coder/plover_scorer.h"
#include "util/paths.h"

namespace dyad {
namespace {

class EvalCommand : public Command {
 public:
  explicit EvalCommand(CLI::App* parent) {
    app_ = parent->add_subcommand(
        "eval", "Score dyad against gold-standard records");
    app_->require_subcommand(1);
    plover_ = app_->add_subcommand(
        "plover", "Precision, recall and F1 of (PLOVER type, source country, "
                  "target country) and extra events per record");
    actors_ = app_->add_subcommand(
        "actors", "Recall of the country or IGO code of gold source and "
                  "target actors");
    for (CLI::App* sub : {plover_, actors_}) {
      sub->add_option("gold", gold_,
                      "PLOVER gold JSON (default: "
                      "../shared/data/plover/plover_gsr_dev.json)");
      sub->add_flag("--details", details_, "Print every mismatch");
      AddCoderOptions(sub, &coder_options_);
    }
  }

  int Run() override {
    std::string gold = gold_;
    if (gold.empty()) {
      auto shared = SharedDir();
      if (!shared) {
        std::fprintf(stderr, "dyad eval: give the gold file (../shared is absent)\n");
        return kExitUsage;
      }
      gold = *shared + "/data/plover/plover_gsr_dev.json";
    }
    auto records = LoadPloverGold(gold);
    if (!records.ok()) {
      std::fprintf(stderr, "dyad eval: %s\n", records.status().ToString().c_str());
      return kExitFailure;
    }
    auto coder = CreateCoderOrReport(coder_options_, "eval");
    if (coder == nullptr) return kExitFailure;
    if (actors_->parsed()) {
      ActorRecall r = ScoreActorRecall(*coder, *records);
      if (details_) {
        for (const auto& m : r.misses) std::printf("miss: %s\n", m.c_str());
      }
      std::printf("actor recall: %d of %d gold actors = %.3f (%zu records)\n",
                  r.found, r.gold, r.recall, records->size());
      return kExitOk;
    }
    PloverScore s = ScorePlover(*coder, *records);
    if (details_) {
      for (const auto& d : s.details) std::printf("%s\n", d.c_str());
    }
    std::printf("%s", fmt::format(
        "records {}  gold tuples {}  predicted {}  true positives {}\n"
        "precision {:.3f}  recall {:.3f}  F1 {:.3f}  extra events per record "
        "{:.3f}\n",
        s.records, s.gold_tuples, s.predicted_tuples, s.true_positives,
        s.precision, s.recall, s.f1, s.extra_per_record).c_str());
    for (const auto& [type, counts] : s.by_type) {
      std::printf("  %-10s gold %3d  found %3d  recall %.2f\n", type.c_str(),
                  counts.first, counts.second,
                  counts.first ? double(counts.second) / counts.first : 0.0);
    }
    return kExitOk;
  }

 private:
  CLI::App* plover_ = nullptr;
  CLI::App* actors_ = nullptr;
  std::string gold_;
  bool details_ = false;
  CoderCliOptions coder_options_;
};

}  // namespace

std::unique_ptr<Command> MakeEvalCommand(CLI::App* parent) {
  return std::make_unique<EvalCommand>(parent);
}

}  // namespace dyad
