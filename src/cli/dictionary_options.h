// Command-line options that choose the actor dictionaries.
#ifndef DYAD_CLI_DICTIONARY_OPTIONS_H_
#define DYAD_CLI_DICTIONARY_OPTIONS_H_

#include <CLI/CLI.hpp>

#include "dictionary/actor_dictionary_loader.h"

namespace dyad {

// Adds --actors, --phoenix-actors, --phoenix-agents, --no-default-actors.
void AddDictionaryOptions(CLI::App* app, ActorDictionaryOptions* options,
                          bool* no_default);

// Loads the dictionaries; prints line errors to stderr (at most `max_errors`
// of them, then a count). Returns null after printing a fatal error.
std::unique_ptr<ActorDictionary> LoadDictionaryOrReport(
    ActorDictionaryOptions options, bool no_default, const char* command,
    size_t max_errors = 20);

}  // namespace dyad

#endif  // DYAD_CLI_DICTIONARY_OPTIONS_H_
