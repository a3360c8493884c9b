// `dyad ingest`: documents in, coded events stored in the SQLite store —
// coded on N threads, written by one writer in batched transactions,
// idempotent (unchanged documents are skipped, changed ones replaced).
// Documents already stored with the same content are recognised by the
// reader stage (through a second, read-only use of the store) and not coded
// at all, so re-running on a corpus costs little more than reading it.
#include <atomic>
#include <cstdio>
#include <utility>
#include <vector>

#include "cli/coder_options.h"
#include "cli/command.h"
#include "cli/input_options.h"
#include "ingest/reader.h"
#include "store/event_store.h"
#include "util/parallel.h"
#include "util/progress.h"

namespace dyad {
namespace {

struct Item {
  Document doc;
  CodedDocument coded;
};

class IngestCommand : public Command {
 public:
  explicit IngestCommand(CLI::App* parent) {
    app_ = parent->add_subcommand(
        "ingest",
        "Code political events in documents and store documents "
        "and events in a SQLite database (idempotent)");
    AddInputOptions(app_, &input_);
    AddCoderOptions(app_, &coder_options_);
    app_->add_option("--db", db_path_, "SQLite store to write")
        ->capture_default_str();
    app_->add_option("--batch", batch_, "Documents per transaction")
        ->capture_default_str()
        ->check(CLI::PositiveNumber);
  }

  int Run() override {
    std::atomic<int64_t> errors{0};
    auto ro = MakeReaderOptions(input_, &errors);
    if (!ro.ok()) {
      std::fprintf(stderr, "dyad ingest: %s\n", ro.status().ToString().c_str());
      return kExitUsage;
    }
    auto coder = CreateCoderOrReport(coder_options_, "ingest");
    if (coder == nullptr) return kExitFailure;
    auto store = EventStore::Open(db_path_, &coder->cameo());
    if (!store.ok()) {
      std::fprintf(stderr, "dyad ingest: %s\n",
                   store.status().ToString().c_str());
      return kExitFailure;
    }
    EventStore& db = **store;
    // The reader stage's own connection (WAL: it reads while the writer
    // writes). An in-memory store is private to its connection: no lookup.
    std::unique_ptr<EventStore> lookup;
    if (db_path_ != ":memory:") {
      auto l = EventStore::Open(db_path_, nullptr);
      if (l.ok()) lookup = std::move(l).value();
    }
    std::vector<std::string> inputs = input_.inputs;
    if (inputs.empty()) inputs.push_back("-");
    DocumentReader reader(inputs, *ro);
    Progress progress({.enabled = !input_.quiet, .label = "dyad ingest"});
    int64_t docs = 0, sentences = 0, bytes = 0;
    int64_t skipped_unchanged = 0;  // recognised before coding
    StoreCounts counts;
    Status store_status;  // touched by the writer only
    std::atomic<bool> store_failed{false};
    std::vector<StoredDocument> pending;
    pending.reserve(static_cast<size_t>(batch_));
    auto flush = [&] {
      if (pending.empty()) return;
      if (store_status.ok()) {
        store_status = db.StoreDocuments(pending, &counts);
        if (!store_status.ok()) store_failed = true;
      }
      pending.clear();
    };
    const EventCoder& c = *coder;
    RunOrdered<Item>(
        ResolveThreads(input_.threads),
        [&](Item* item) {
          // Stop reading once the store has failed: nothing more can be kept.
          while (!store_failed && reader.Next(&item->doc)) {
            if (lookup != nullptr) {
              auto same = lookup->ContainsUnchanged(item->doc);
              // On a lookup error the document is coded; the writer decides.
              if (same.ok() && *same) {
                ++skipped_unchanged;
                continue;
              }
            }
            return true;
          }
          return false;
        },
        [&](Item& item) { c.Code(item.doc, &item.coded); },
        [&](Item& item) {
          ++docs;
          sentences += static_cast<int64_t>(item.coded.text.sentences.size());
          bytes += static_cast<int64_t>(item.doc.text.size());
          // The writer: documents move into the pending batch (the item's
          // buffers are refilled by the reader).
          pending.push_back(StoredDocument{std::move(item.doc),
                                           std::move(item.coded.events)});
          item.coded.events.clear();
          if (pending.size() >= static_cast<size_t>(batch_)) flush();
          progress.Update(docs, sentences, bytes);
        });
    flush();
    progress.Finish();
    if (!store_status.ok()) {
      std::fprintf(stderr, "dyad ingest: %s\n",
                   store_status.ToString().c_str());
      return kExitFailure;
    }
    auto total_docs = db.CountDocuments();
    auto total_events = db.CountEvents();
    if (!total_docs.ok() || !total_events.ok()) {
      const Status& s =
          total_docs.ok() ? total_events.status() : total_docs.status();
      std::fprintf(stderr, "dyad ingest: %s\n", s.ToString().c_str());
      return kExitFailure;
    }
    std::fprintf(
        stderr,
        "dyad ingest: %lld documents (%lld inserted, %lld replaced, "
        "%lld unchanged), %lld sentences coded, %lld events stored; %s "
        "holds %lld documents, %lld events\n",
        static_cast<long long>(docs + skipped_unchanged),
        static_cast<long long>(counts.inserted),
        static_cast<long long>(counts.replaced),
        static_cast<long long>(counts.unchanged + skipped_unchanged),
        static_cast<long long>(sentences),
        static_cast<long long>(counts.events), db_path_.c_str(),
        static_cast<long long>(*total_docs),
        static_cast<long long>(*total_events));
    return errors.load() > 0 ? kExitSomeRecordsFailed : kExitOk;
  }

 private:
  InputOptions input_;
  CoderCliOptions coder_options_;
  std::string db_path_ = "dyad.db";
  int batch_ = 256;
};

}  // namespace

std::unique_ptr<Command> MakeIngestCommand(CLI::App* parent) {
  return std::make_unique<IngestCommand>(parent);
}

}  // namespace dyad
