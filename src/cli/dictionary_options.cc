#include "cli/dictionary_options.h"

#include <cstdio>

namespace dyad {

void AddDictionaryOptions(CLI::App* app, ActorDictionaryOptions* options,
                          bool* no_default) {
  app->add_option("--actors", options->dyad_dirs,
                  "Directory of actor dictionaries in dyad's format "
                  "(default: the shipped data/actors)");
  app->add_option("--phoenix-actors", options->phoenix_actors,
                  "TABARI/PETRARCH2 actors file to load too (repeatable)");
  app->add_option("--phoenix-agents", options->phoenix_agents,
                  "TABARI/PETRARCH2 agents file to load too (repeatable)");
  app->add_flag("--no-default-actors", *no_default,
                "Do not load the shipped dictionaries");
}

std::unique_ptr<ActorDictionary> LoadDictionaryOrReport(
    ActorDictionaryOptions options, bool no_default, const char* command,
    size_t max_errors) {
  options.use_default = !no_default;
  LoadReport report;
  auto dict = LoadActorDictionary(options, &report);
  for (size_t i = 0; i < report.errors.size() && i < max_errors; ++i) {
    std::fprintf(stderr, "dyad %s: %s\n", command, report.errors[i].c_str());
  }
  if (report.errors.size() > max_errors) {
    std::fprintf(stderr, "dyad %s: ... and %zu more dictionary errors\n",
                 command, report.errors.size() - max_errors);
  }
  if (!dict.ok()) {
    std::fprintf(stderr, "dyad %s: %s\n", command,
                 dict.status().ToString().c_str());
    return nullptr;
  }
  return std::move(dict).value();
}

}  // namespace dyad
