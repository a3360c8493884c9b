// `dyad import icews|gdelt FILE... --db dyad.db`: event files coded
// elsewhere into the store, one pseudo-document per ICEWS story / GDELT
// source URL, idempotent like `dyad ingest`.
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "cli/command.h"
#include "cli/dictionary_options.h"
#include "cli/input_options.h"
#include "coder/cameo_table.h"
#include "store/event_importer.h"
#include "store/event_store.h"
#include "store/gdelt_reader.h"
#include "store/icews_reader.h"

namespace dyad {
namespace {

class ImportCommand : public Command {
 public:
  explicit ImportCommand(CLI::App* parent) {
    app_ = parent->add_subcommand(
        "import",
        "Load ICEWS (.tab) or GDELT 2.0 event files (.export.CSV, 61 "
        "tab-separated columns) into the store, plain or .gz/.zst. Each "
        "ICEWS story / GDELT source URL becomes one document whose text is "
        "its raw rows; re-importing the same rows changes nothing. Bad rows "
        "are reported as FILE:LINE and skipped (exit status 1)");
    app_->add_option("format", format_, "icews or gdelt")
        ->required()
        ->check(CLI::IsMember({"icews", "gdelt"}));
    app_->add_option("files", files_, "Event files ('-' = stdin)")
        ->required();
    app_->add_option("--db", db_path_, "SQLite store to write")
        ->capture_default_str();
    app_->add_option("--batch", batch_, "Documents per transaction")
        ->capture_default_str()
        ->check(CLI::PositiveNumber);
    app_->add_option("--max-errors", max_errors_,
                     "Bad rows to print (all are counted)")
        ->capture_default_str();
    AddDictionaryOptions(app_, &dict_options_, &no_default_actors_);
  }

  int Run() override {
    auto cameo = CameoTable::LoadDefault();
    if (!cameo.ok()) {
      std::fprintf(stderr, "dyad import: %s\n",
                   cameo.status().ToString().c_str());
      return kExitFailure;
    }
    auto actors =
        LoadDictionaryOrReport(dict_options_, no_default_actors_, "import");
    if (actors == nullptr) return kExitFailure;
    std::unique_ptr<EventRowParser> parser;
    if (format_ == "icews") {
      parser = std::make_unique<IcewsReader>(actors.get(), cameo->get());
    } else {
      parser = std::make_unique<GdeltReader>(actors.get(), cameo->get());
    }
    auto store = EventStore::Open(db_path_, cameo->get());
    if (!store.ok()) {
      std::fprintf(stderr, "dyad import: %s\n",
                   store.status().ToString().c_str());
      return kExitFailure;
    }
    EventImporter importer(parser.get(),
                           {.batch = static_cast<size_t>(batch_)});
    ImportReport report;
    bool unreadable = false;
    for (const std::string& file : files_) {
      Status s = importer.AddFile(file, &report);
      if (!s.ok()) {
        std::fprintf(stderr, "dyad import: %s\n", s.ToString().c_str());
        unreadable = true;
      }
    }
    const size_t shown = std::min(report.errors.size(), max_errors_);
    for (size_t i = 0; i < shown; ++i) {
      std::fprintf(stderr, "%s\n", report.errors[i].c_str());
    }
    if (report.errors.size() > shown) {
      std::fprintf(stderr, "dyad import: ... and %zu more bad rows\n",
                   report.errors.size() - shown);
    }
    Status s = importer.Store(store->get(), &report);
    if (!s.ok()) {
      std::fprintf(stderr, "dyad import: %s\n", s.ToString().c_str());
      return kExitFailure;
    }
    auto total_events = (*store)->CountEvents();
    std::fprintf(
        stderr,
        "dyad import: %lld rows read, %lld events in %lld documents "
        "(%lld inserted, %lld replaced, %lld unchanged), %lld events "
        "written, %lld bad rows, %lld duplicate rows, %lld rows without a "
        "source actor; %s holds %lld events\n",
        static_cast<long long>(report.rows),
        static_cast<long long>(report.events),
        static_cast<long long>(report.store.inserted + report.store.replaced +
                               report.store.unchanged),
        static_cast<long long>(report.store.inserted),
        static_cast<long long>(report.store.replaced),
        static_cast<long long>(report.store.unchanged),
        static_cast<long long>(report.store.events),
        static_cast<long long>(report.bad_rows),
        static_cast<long long>(report.duplicates),
        static_cast<long long>(report.no_actor), db_path_.c_str(),
        static_cast<long long>(total_events.ok() ? *total_events : -1));
    if (!report.unknown.empty()) {
      std::string list;
      for (const auto& [what, n] : report.unknown) {
        if (!list.empty()) list += ", ";
        list += what + " (" + std::to_string(n) + ")";
      }
      std::fprintf(stderr, "dyad import: unknown: %s\n", list.c_str());
    }
    return unreadable || report.bad_rows > 0 ? kExitSomeRecordsFailed
                                             : kExitOk;
  }

 private:
  std::string format_;
  std::vector<std::string> files_;
  std::string db_path_ = "dyad.db";
  int batch_ = 256;
  size_t max_errors_ = 50;
  ActorDictionaryOptions dict_options_;
  bool no_default_actors_ = false;
};

}  // namespace

std::unique_ptr<Command> MakeImportCommand(CLI::App* parent) {
  return std::make_unique<ImportCommand>(parent);
}

}  // namespace dyad
