// `dyad text`: documents → sentences → tokens with offsets, lemmas and tags,
// as JSON Lines, for inspection.
#include <cstdio>
#include <nlohmann/json.hpp>

#include "cli/command.h"
#include "cli/input_options.h"
#include "ingest/reader.h"
#include "text/text_pipeline.h"
#include "util/parallel.h"
#include "util/progress.h"

namespace dyad {
namespace {

struct Item {
  Document doc;
  AnnotatedText text;
};

class TextCommand : public Command {
 public:
  explicit TextCommand(CLI::App* parent) {
    app_ = parent->add_subcommand(
        "text", "Print documents as sentences and tokens (offsets, lemmas, "
                "part-of-speech tags) in JSON Lines");
    AddInputOptions(app_, &input_);
    app_->add_flag("--no-tags", no_tags_, "Tokenise and split only");
  }

  int Run() override {
    std::atomic<int64_t> errors{0};
    auto ro = MakeReaderOptions(input_, &errors);
    if (!ro.ok()) {
      std::fprintf(stderr, "dyad text: %s\n", ro.status().ToString().c_str());
      return kExitUsage;
    }
    TextPipelineOptions po;
    po.tag = !no_tags_;
    auto pipeline = TextPipeline::Create(po);
    if (!pipeline.ok()) {
      std::fprintf(stderr, "dyad text: %s\n",
                   pipeline.status().ToString().c_str());
      return kExitFailure;
    }
    std::vector<std::string> inputs = input_.inputs;
    if (inputs.empty()) inputs.push_back("-");
    DocumentReader reader(inputs, *ro);
    Progress progress({.enabled = !input_.quiet, .label = "dyad text"});
    int64_t docs = 0, sentences = 0, bytes = 0;
    const TextPipeline& p = **pipeline;
    RunOrdered<Item>(
        ResolveThreads(input_.threads),
        [&](Item* item) { return reader.Next(&item->doc); },
        [&](Item& item) { p.Annotate(item.doc.text, &item.text); },
        [&](Item& item) {
          std::string line = ToJson(item).dump(
              -1, ' ', false, nlohmann::json::error_handler_t::replace);
          line.push_back('\n');
          std::fwrite(line.data(), 1, line.size(), stdout);
          ++docs;
          sentences += static_cast<int64_t>(item.text.sentences.size());
          bytes += static_cast<int64_t>(item.doc.text.size());
          progress.Update(docs, sentences, bytes);
        });
    progress.Finish();
    std::fflush(stdout);
    return errors.load() > 0 ? kExitSomeRecordsFailed : kExitOk;
  }

 private:
  nlohmann::json ToJson(const Item& item) const {
    const std::string& text = item.doc.text;
    nlohmann::json j;
    j["id"] = item.doc.id;
    j["date"] = item.doc.date;
    j["title"] = item.doc.title;
    if (!item.doc.url.empty()) j["url"] = item.doc.url;
    if (!item.doc.source.empty()) j["source"] = item.doc.source;
    nlohmann::json datelines = nlohmann::json::array();
    for (const Sentence& d : item.text.datelines) {
      datelines.push_back({{"begin", d.begin},
                           {"end", d.end},
                           {"text", text.substr(d.begin, d.end - d.begin)}});
    }
    if (!datelines.empty()) j["datelines"] = std::move(datelines);
    nlohmann::json sentences = nlohmann::json::array();
    for (size_t si = 0; si < item.text.sentences.size(); ++si) {
      const Sentence& s = item.text.sentences[si];
      nlohmann::json tokens = nlohmann::json::array();
      for (const Token& t : item.text.TokensOf(s)) {
        nlohmann::json tj = {{"text", text.substr(t.begin, t.end - t.begin)},
                             {"begin", t.begin},
                             {"end", t.end}};
        if (!no_tags_) {
          tj["lemma"] = t.lemma;
          tj["upos"] = std::string(UposName(t.tag));
        }
        tokens.push_back(std::move(tj));
      }
      sentences.push_back({{"index", si},
                           {"begin", s.begin},
                           {"end", s.end},
                           {"text", text.substr(s.begin, s.end - s.begin)},
                           {"tokens", std::move(tokens)}});
    }
    j["sentences"] = std::move(sentences);
    return j;
  }

  InputOptions input_;
  bool no_tags_ = false;
};

}  // namespace

std::unique_ptr<Command> MakeTextCommand(CLI::App* parent) {
  return std::make_unique<TextCommand>(parent);
}

}  // namespace dyad
