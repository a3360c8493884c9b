// Command-line options for the event coder, shared by code/explain/ingest.
#ifndef DYAD_CLI_CODER_OPTIONS_H_
#define DYAD_CLI_CODER_OPTIONS_H_

#include <CLI/CLI.hpp>

#include <memory>

#include "coder/event_coder.h"

namespace dyad {

struct CoderCliOptions {
  EventCoderOptions coder;
  bool no_default_actors = false;
};

// Adds the coder's options (dictionaries, verbs, filters) to `app`.
void AddCoderOptions(CLI::App* app, CoderCliOptions* options);

// Creates the coder; prints dictionary warnings (a few) and fatal errors to
// stderr, prefixed by "dyad <command>". Null on failure.
std::unique_ptr<EventCoder> CreateCoderOrReport(CoderCliOptions options,
                                                const char* command);

}  // namespace dyad

#endif  // DYAD_CLI_CODER_OPTIONS_H_
