// `dyad code`: documents in, events out as JSON Lines on stdout — streaming,
// in input order, deterministic, on N threads.
#include <cstdio>

#include "cli/coder_options.h"
#include "cli/command.h"
#include "cli/input_options.h"
#include "coder/event_json.h"
#include "ingest/reader.h"
#include "util/parallel.h"
#include "util/progress.h"

namespace dyad {
namespace {

struct Item {
  Document doc;
  CodedDocument coded;
  std::string out;  // rendered JSON lines, built by the worker
};

class CodeCommand : public Command {
 public:
  explicit CodeCommand(CLI::App* parent) {
    app_ = parent->add_subcommand(
        "code", "Code political events in documents; write them as JSON "
                "Lines (schema: doc/events.md)");
    AddInputOptions(app_, &input_);
    AddCoderOptions(app_, &coder_options_);
  }

  int Run() override {
    std::atomic<int64_t> errors{0};
    auto ro = MakeReaderOptions(input_, &errors);
    if (!ro.ok()) {
      std::fprintf(stderr, "dyad code: %s\n", ro.status().ToString().c_str());
      return kExitUsage;
    }
    auto coder = CreateCoderOrReport(coder_options_, "code");
    if (coder == nullptr) return kExitFailure;
    std::vector<std::string> inputs = input_.inputs;
    if (inputs.empty()) inputs.push_back("-");
    DocumentReader reader(inputs, *ro);
    Progress progress({.enabled = !input_.quiet, .label = "dyad code"});
    int64_t docs = 0, sentences = 0, bytes = 0, events = 0;
    const EventCoder& c = *coder;
    RunOrdered<Item>(
        ResolveThreads(input_.threads),
        [&](Item* item) { return reader.Next(&item->doc); },
        [&](Item& item) {
          item.out.clear();
          c.Code(item.doc, &item.coded);
          for (const Event& e : item.coded.events) {
            item.out += EventToJsonLine(e, item.doc, c.cameo());
            item.out += '\n';
          }
        },
        [&](Item& item) {
          std::fwrite(item.out.data(), 1, item.out.size(), stdout);
          ++docs;
          events += static_cast<int64_t>(item.coded.events.size());
          sentences += static_cast<int64_t>(item.coded.text.sentences.size());
          bytes += static_cast<int64_t>(item.doc.text.size());
          progress.Update(docs, sentences, bytes);
        });
    progress.Finish();
    std::fflush(stdout);
    if (!input_.quiet) {
      std::fprintf(stderr, "dyad code: %lld documents, %lld sentences, %lld "
                   "events\n", static_cast<long long>(docs),
                   static_cast<long long>(sentences),
                   static_cast<long long>(events));
    }
    return errors.load() > 0 ? kExitSomeRecordsFailed : kExitOk;
  }

 private:
  InputOptions input_;
  CoderCliOptions coder_options_;
};

}  // namespace

std::unique_ptr<Command> MakeCodeCommand(CLI::App* parent) {
  return std::make_unique<CodeCommand>(parent);
}

}  // namespace dyad
