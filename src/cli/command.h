// A CLI subcommand: registers its options on construction, runs when chosen.
#ifndef DYAD_CLI_COMMAND_H_
#define DYAD_CLI_COMMAND_H_

#include <CLI/CLI.hpp>

#include <memory>

namespace dyad {

class Command {
 public:
  virtual ~Command() = default;
  // Runs the command after parsing; returns the process exit code.
  virtual int Run() = 0;
  // The subcommand this object registered.
  CLI::App* app() const { return app_; }

 protected:
  CLI::App* app_ = nullptr;
};

std::unique_ptr<Command> MakeTextCommand(CLI::App* parent);
std::unique_ptr<Command> MakeThroughputCommand(CLI::App* parent);
std::unique_ptr<Command> MakeActorsCommand(CLI::App* parent);
std::unique_ptr<Command> MakeDictCommand(CLI::App* parent);
std::unique_ptr<Command> MakeCodeCommand(CLI::App* parent);
std::unique_ptr<Command> MakeExplainCommand(CLI::App* parent);
std::unique_ptr<Command> MakeEvalCommand(CLI::App* parent);
std::unique_ptr<Command> MakeIngestCommand(CLI::App* parent);
std::unique_ptr<Command> MakeServeCommand(CLI::App* parent);
std::unique_ptr<Command> MakeRelationsCommand(CLI::App* parent);
std::unique_ptr<Command> MakeImportCommand(CLI::App* parent);
std::unique_ptr<Command> MakeExportCommand(CLI::App* parent);

}  // namespace dyad

#endif  // DYAD_CLI_COMMAND_H_
