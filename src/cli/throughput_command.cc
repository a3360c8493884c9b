// `dyad throughput`: whole-corpus throughput of the pipeline on N threads.
// Documents are read into memory first, so the figure is the pipeline's own
// speed; reading speed is reported separately.
#include <chrono>
#include <cstdio>

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include "cli/coder_options.h"
#include "cli/command.h"
#include "cli/input_options.h"
#include "ingest/reader.h"
#include "text/text_pipeline.h"
#include "util/parallel.h"
#include "util/progress.h"

namespace dyad {
namespace {

struct Item {
  const Document* doc = nullptr;
  AnnotatedText text;
  CodedDocument coded;
};

class ThroughputCommand : public Command {
 public:
  explicit ThroughputCommand(CLI::App* parent) {
    app_ = parent->add_subcommand(
        "throughput",
        "Measure whole-corpus throughput (documents/s, sentences/s, tokens/s, "
        "MB/s, peak RSS) on --threads threads");
    AddInputOptions(app_, &input_);
    app_->add_option("--stage", stage_,
                     "Pipeline stage to run: split (tokenise + sentences), "
                     "tag (split + tag + lemmatise), code (tag + actors + "
                     "events)")
        ->check(CLI::IsMember({"split", "tag", "code"}))
        ->capture_default_str();
    app_->add_flag("--json", json_, "Print the figures as one JSON object");
    AddCoderOptions(app_, &coder_options_);
  }

  int Run() override {
    std::atomic<int64_t> errors{0};
    auto ro = MakeReaderOptions(input_, &errors);
    if (!ro.ok()) {
      std::fprintf(stderr, "dyad throughput: %s\n",
                   ro.status().ToString().c_str());
      return kExitUsage;
    }
    TextPipelineOptions po;
    po.tag = stage_ != "split";
    auto pipeline = TextPipeline::Create(po);
    if (!pipeline.ok()) {
      std::fprintf(stderr, "dyad throughput: %s\n",
                   pipeline.status().ToString().c_str());
      return kExitFailure;
    }
    std::unique_ptr<EventCoder> coder;
    if (stage_ == "code") {
      coder = CreateCoderOrReport(coder_options_, "throughput");
      if (coder == nullptr) return kExitFailure;
    }
    std::vector<std::string> inputs = input_.inputs;
    if (inputs.empty()) inputs.push_back("-");
    auto read_start = std::chrono::steady_clock::now();
    ReadStats read_stats;
    std::vector<Document> docs = ReadAllDocuments(inputs, *ro, &read_stats);
    double read_secs = Seconds(read_start);

    const int threads = ResolveThreads(input_.threads);
    const TextPipeline& p = **pipeline;
    int64_t sentences = 0, tokens = 0, bytes = 0, events = 0;
    size_t next = 0;
    Progress progress({.enabled = !input_.quiet, .label = "dyad throughput"});
    auto start = std::chrono::steady_clock::now();
    RunOrdered<Item>(
        threads,
        [&](Item* item) {
          if (next >= docs.size()) return false;
          item->doc = &docs[next++];
          return true;
        },
        [&](Item& item) {
          if (coder != nullptr) {
            coder->Code(*item.doc, &item.coded);
          } else {
            p.Annotate(item.doc->text, &item.text);
          }
        },
        [&](Item& item) {
          const AnnotatedText& t = coder ? item.coded.text : item.text;
          sentences += static_cast<int64_t>(t.sentences.size());
          tokens += static_cast<int64_t>(t.tokens.size());
          events += static_cast<int64_t>(item.coded.events.size());
          bytes += static_cast<int64_t>(item.doc->text.size());
          progress.Update(static_cast<int64_t>(next), sentences, bytes);
        },
        /*batch=*/8);
    double secs = Seconds(start);
    progress.Finish();
    nlohmann::json j = {
        {"stage", stage_},
        {"threads", threads},
        {"documents", docs.size()},
        {"skipped", read_stats.skipped},
        {"sentences", sentences},
        {"tokens", tokens},
        {"events", events},
        {"megabytes", bytes / 1e6},
        {"read_seconds", read_secs},
        {"seconds", secs},
        {"documents_per_second", docs.size() / secs},
        {"sentences_per_second", sentences / secs},
        {"tokens_per_second", tokens / secs},
        {"megabytes_per_second", bytes / 1e6 / secs},
        {"peak_rss_mb", PeakRssBytes() / 1048576.0},
    };
    if (json_) {
      std::printf("%s\n", j.dump().c_str());
    } else {
      std::printf("%s", fmt::format(
          "stage {} on {} thread(s): {} documents ({} skipped), {} sentences, "
          "{} tokens, {} events, {:.1f} MB in {:.2f} s (read {:.2f} s)\n"
          "  {:.0f} documents/s  {:.0f} sentences/s  {:.0f} tokens/s  "
          "{:.2f} MB/s  peak RSS {:.0f} MB\n",
          stage_, threads, docs.size(), read_stats.skipped, sentences, tokens,
          events, bytes / 1e6, secs, read_secs, docs.size() / secs, sentences / secs,
          tokens / secs, bytes / 1e6 / secs,
          PeakRssBytes() / 1048576.0).c_str());
    }
    return errors.load() > 0 ? kExitSomeRecordsFailed : kExitOk;
  }

 private:
  static double Seconds(std::chrono::steady_clock::time_point since) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() -
                                         since)
        .count();
  }

  InputOptions input_;
  std::string stage_ = "tag";
  bool json_ = false;
  CoderCliOptions coder_options_;
};

}  // namespace

std::unique_ptr<Command> MakeThroughputCommand(CLI::App* parent) {
  return std::make_unique<ThroughputCommand>(parent);
}

}  // namespace dyad
