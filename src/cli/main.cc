// dyad: news → political event data → relations between states.
// The executable only parses arguments; every command calls the libraries.
#include <CLI/CLI.hpp>

#include <memory>
#include <vector>

#include "cli/command.h"
#include "cli/input_options.h"

int main(int argc, char** argv) {
  CLI::App app{
      "dyad: codes political events (who did what to whom, when) in news "
      "and tracks relations between states"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "dyad 0.1.0");
  std::vector<std::unique_ptr<dyad::Command>> commands;
  commands.push_back(dyad::MakeTextCommand(&app));
  commands.push_back(dyad::MakeThroughputCommand(&app));
  commands.push_back(dyad::MakeActorsCommand(&app));
  commands.push_back(dyad::MakeDictCommand(&app));
  commands.push_back(dyad::MakeCodeCommand(&app));
  commands.push_back(dyad::MakeExplainCommand(&app));
  commands.push_back(dyad::MakeEvalCommand(&app));
  commands.push_back(dyad::MakeIngestCommand(&app));
  commands.push_back(dyad::MakeServeCommand(&app));
  commands.push_back(dyad::MakeRelationsCommand(&app));
  commands.push_back(dyad::MakeImportCommand(&app));
  commands.push_back(dyad::MakeExportCommand(&app));
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? 0 : dyad::kExitUsage;
  }
  for (auto& command : commands) {
    if (command->app()->parsed()) return command->Run();
  }
  return dyad::kExitUsage;
}
