// Command-line options shared by every command that reads documents.
#ifndef DYAD_CLI_INPUT_OPTIONS_H_
#define DYAD_CLI_INPUT_OPTIONS_H_

#include <CLI/CLI.hpp>

#include <atomic>
#include <string>
#include <vector>

#include "ingest/reader.h"
#include "util/status.h"

namespace dyad {

struct InputOptions {
  std::vector<std::string> inputs;  // files, directories, "-" for stdin
  std::string format = "auto";
  std::string date;                 // default publication date
  std::vector<std::string> fields;  // JSONL field renames: "text=body"
  double max_record_mb = 8;
  int threads = 0;                  // 0: all cores
  bool quiet = false;               // no progress on stderr
};

// Adds the input options to `app`, storing into *options.
void AddInputOptions(CLI::App* app, InputOptions* options);

// Converts to ReaderOptions; read errors are printed to stderr as
// "dyad: <input>:<line>: <message>" and counted in *errors.
Result<ReaderOptions> MakeReaderOptions(const InputOptions& options,
                                        std::atomic<int64_t>* errors);

// The number of worker threads `threads` means (0: hardware concurrency).
int ResolveThreads(int threads);

// Exit codes shared by every command.
inline constexpr int kExitOk = 0;
inline constexpr int kExitSomeRecordsFailed = 1;  // the run went on
inline constexpr int kExitUsage = 2;
inline constexpr int kExitFailure = 3;  // nothing useful could be done

}  // namespace dyad

#endif  // DYAD_CLI_INPUT_OPTIONS_H_
