#include "cli/coder_options.h"

#include <cstdio>

#include "cli/dictionary_options.h"

namespace dyad {

void AddCoderOptions(CLI::App* app, CoderCliOptions* options) {
  AddDictionaryOptions(app, &options->coder.actors, &options->no_default_actors);
  app->add_option("--verbs", options->coder.verbs_dir,
                  "Directory of verb patterns (default: the shipped data/verbs)");
  app->add_flag("--one-per-sentence", options->coder.one_per_sentence,
                "Keep only the most confident event of each sentence");
  app->add_option("--lede", options->coder.lede_sentences,
                  "Code only the first N sentences of each document");
  app->add_option("--min-confidence", options->coder.min_confidence,
                  "Drop events below this confidence (0-1)");
  app->add_flag("--all-events", options->coder.all_events,
                "Keep every event (default: each sentence's root event and "
                "the alleged acts it reports; doc/events.md)");
  app->add_flag("--statements", options->coder.statements,
                "Keep CAMEO 01x 'make statement' events");
}

std::unique_ptr<EventCoder> CreateCoderOrReport(CoderCliOptions options,
                                                const char* command) {
  options.coder.actors.use_default = !options.no_default_actors;
  std::vector<std::string> warnings;
  auto coder = EventCoder::Create(options.coder, &warnings);
  const size_t kMax = 10;
  for (size_t i = 0; i < warnings.size() && i < kMax; ++i) {
    std::fprintf(stderr, "dyad %s: %s\n", command, warnings[i].c_str());
  }
  if (warnings.size() > kMax) {
    std::fprintf(stderr, "dyad %s: ... and %zu more dictionary warnings (see "
                 "'dyad dict check')\n", command, warnings.size() - kMax);
  }
  if (!coder.ok()) {
    std::fprintf(stderr, "dyad %s: %s\n", command,
                 coder.status().ToString().c_str());
    return nullptr;
  }
  return std::move(coder).value();
}

}  // namespace dyad
