#include "cli/input_options.h"

#include <cstdio>
#include <thread>

#include "util/status.h"

namespace dyad {

void AddInputOptions(CLI::App* app, InputOptions* options) {
  app->add_option("inputs", options->inputs,
                  "Input files or directories (text, .jsonl, .html; .gz/.zst "
                  "compressed); '-' or none for stdin");
  app->add_option("--format", options->format,
                  "Input format: auto, text, jsonl, html")
      ->capture_default_str();
  app->add_option("--date", options->date,
                  "Publication date (YYYY-MM-DD) for documents that carry none");
  app->add_option("--field", options->fields,
                  "JSON Lines field name, e.g. --field text=body --field "
                  "date=published");
  app->add_option("--max-record-mb", options->max_record_mb,
                  "Skip records larger than this")
      ->capture_default_str();
  app->add_option("-j,--threads", options->threads,
                  "Worker threads (0 = all cores)")
      ->capture_default_str();
  app->add_flag("-q,--quiet", options->quiet, "No progress on stderr");
}

int ResolveThreads(int threads) {
  if (threads > 0) return threads;
  unsigned hc = std::thread::hardware_concurrency();
  return hc == 0 ? 1 : static_cast<int>(hc);
}

Result<ReaderOptions> MakeReaderOptions(const InputOptions& options,
                                        std::atomic<int64_t>* errors) {
  ReaderOptions ro;
  DYAD_ASSIGN_OR_RETURN(ro.format, ParseInputFormat(options.format));
  ro.default_date = options.date;
  ro.max_record_bytes = static_cast<size_t>(options.max_record_mb * 1048576);
  for (const std::string& f : options.fields) {
    size_t eq = f.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == f.size()) {
      return InvalidArgumentError("--field expects NAME=KEY, got '" + f + "'");
    }
    std::string name = f.substr(0, eq), key = f.substr(eq + 1);
    if (name == "id") ro.id_field = key;
    else if (name == "date") ro.date_field = key;
    else if (name == "title") ro.title_field = key;
    else if (name == "text") ro.text_field = key;
    else if (name == "url") ro.url_field = key;
    else if (name == "source") ro.source_field = key;
    else if (name == "byline") ro.byline_field = key;
    else return InvalidArgumentError("--field: unknown field '" + name + "'");
  }
  ro.on_error = [errors](const ReadError& e) {
    std::fprintf(stderr, "dyad: %s\n", e.ToString().c_str());
    if (errors != nullptr) errors->fetch_add(1);
  };
  return ro;
}

}  // namespace dyad
