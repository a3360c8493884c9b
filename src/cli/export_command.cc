// `dyad export --db dyad.db --format gdelt|csv|jsonl`: the store's event
// groups (or, with --raw, its per-sentence codings) out for other tools.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <string>

#include "cli/command.h"
#include "cli/input_options.h"
#include "coder/cameo_table.h"
#include "store/event_exporter.h"
#include "store/event_store.h"
#include "util/civil_date.h"

namespace dyad {
namespace {

class ExportCommand : public Command {
 public:
  explicit ExportCommand(CLI::App* parent) {
    app_ = parent->add_subcommand(
        "export",
        "Write the store's events as GDELT 2.0-style TSV (61 columns, one "
        "row per event group), CSV or JSON Lines (the doc/events.md fields "
        "plus group_id, num_mentions, num_sources, num_articles)");
    app_->add_option("--db", db_path_, "SQLite store to read")
        ->capture_default_str();
    app_->add_option("--format", format_, "gdelt, csv or jsonl")
        ->capture_default_str()
        ->check(CLI::IsMember({"gdelt", "csv", "jsonl"}));
    app_->add_option("--from", from_, "First day, YYYY-MM-DD (inclusive)");
    app_->add_option("--to", to_, "Last day, YYYY-MM-DD (inclusive)");
    app_->add_option("--country", country_,
                     "Only events with this source or target country "
                     "(PRK, IGOUNO)");
    app_->add_option("-o,--output", output_, "Output file (default stdout)");
    app_->add_flag("--raw", raw_,
                   "Every per-sentence coding instead of one record per "
                   "event group");
  }

  int Run() override {
    ExportOptions options;
    options.format = *ParseExportFormat(format_);
    options.raw = raw_;
    options.country = country_;
    for (auto [text, day] : {std::pair{&from_, &options.from},
                             std::pair{&to_, &options.to}}) {
      if (text->empty()) continue;
      Result<Day> d = ParseIsoDay(*text);
      if (!d.ok()) {
        std::fprintf(stderr, "dyad export: bad date '%s' (want YYYY-MM-DD)\n",
                     text->c_str());
        return kExitUsage;
      }
      *day = *d;
    }
    auto cameo = CameoTable::LoadDefault();
    if (!cameo.ok()) {
      std::fprintf(stderr, "dyad export: %s\n",
                   cameo.status().ToString().c_str());
      return kExitFailure;
    }
    {
      // Brings an older existing store up to the current schema first.
      std::error_code ec;
      if (std::filesystem::exists(db_path_, ec)) {
        auto store = EventStore::Open(db_path_, nullptr);
        if (!store.ok()) {
          std::fprintf(stderr, "dyad export: %s\n",
                       store.status().ToString().c_str());
          return kExitFailure;
        }
      }
    }
    auto exporter = EventExporter::Open(db_path_, cameo->get());
    if (!exporter.ok()) {
      std::fprintf(stderr, "dyad export: %s\n",
                   exporter.status().ToString().c_str());
      return kExitFailure;
    }
    std::ofstream file;
    std::ostream* out = &std::cout;
    if (!output_.empty() && output_ != "-") {
      file.open(output_, std::ios::binary | std::ios::trunc);
      if (!file) {
        std::fprintf(stderr, "dyad export: %s: cannot open for writing\n",
                     output_.c_str());
        return kExitFailure;
      }
      out = &file;
    }
    auto n = (*exporter)->Export(options, *out);
    out->flush();
    if (!n.ok() || !*out) {
      std::fprintf(stderr, "dyad export: %s\n",
                   n.ok() ? "cannot write the output"
                          : n.status().ToString().c_str());
      return kExitFailure;
    }
    std::fprintf(stderr, "dyad export: %lld %s written\n",
                 static_cast<long long>(*n),
                 raw_ ? "events" : "event groups");
    return kExitOk;
  }

 private:
  std::string db_path_ = "dyad.db";
  std::string format_ = "jsonl";
  std::string from_, to_, country_, output_;
  bool raw_ = false;
};

}  // namespace

std::unique_ptr<Command> MakeExportCommand(CLI::App* parent) {
  return std::make_unique<ExportCommand>(parent);
}

}  // namespace dyad
