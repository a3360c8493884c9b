// EventExporter: events of a store out as GDELT 2.0-style TSV, CSV or JSON
// Lines, for tools that read those formats.
//
// By default one record per event group (event_groups: merged reports of
// one event), carried by its representative coding (first_event_id) with
// the group's num_mentions / num_sources / num_articles; `raw` gives every
// per-sentence coding instead, each with its group's counts. Records are
// ordered by date (undated first), then id.
//
// Formats (doc/store.md, "Import and export"):
//  - gdelt: the 61 tab-separated columns of a GDELT 2.0 event export, no
//    header; GlobalEventID = group id (events.id with raw), columns dyad has
//    no value for (ethnic, religion, tone, geography) left empty;
//  - csv: RFC 4180 (CRLF, quoted when needed) with a header: every field of
//    doc/events.md flattened (source_code, ..., trigger_text) plus id,
//    group_id, num_mentions, num_sources, num_articles, url, title,
//    source_name;
//  - jsonl: the doc/events.md object plus id, group_id, num_mentions,
//    num_sources, num_articles, url, title, source_name.
//
// Reads through its own read-only connection (WAL: works while another
// process writes); one exporter per thread.
#ifndef DYAD_STORE_EVENT_EXPORTER_H_
#define DYAD_STORE_EVENT_EXPORTER_H_

#include <cstdint>
#include <memory>
#include <ostream>
#include <string>
#include <string_view>

#include "coder/cameo_table.h"
#include "util/civil_date.h"
#include "util/status.h"

struct sqlite3;

namespace dyad {

enum class ExportFormat { kGdelt, kCsv, kJsonl };

// "gdelt" | "csv" | "jsonl"; InvalidArgument otherwise.
Result<ExportFormat> ParseExportFormat(std::string_view name);

struct ExportOptions {
  ExportFormat format = ExportFormat::kJsonl;
  Day from = kNoDay;    // inclusive; kNoDay: open (a set bound drops undated)
  Day to = kNoDay;      // inclusive
  std::string country;  // "" = all; else source or target country
  bool raw = false;     // per-sentence codings instead of event groups
};

// The GDELT 2.0 event export column names, in order (61).
const char* const* GdeltColumnNames();

class EventExporter {
 public:
  // Opens the store at `path` read-only. `cameo` (may be null; must outlive
  // the exporter) names the event codes (event_name). Errors: NotFound
  // when the file does not exist, IoError/Corruption for a file that is not
  // a store, InvalidArgument for a store older than schema 2 (open it once
  // with EventStore to upgrade). All naming the path.
  static Result<std::unique_ptr<EventExporter>> Open(const std::string& path,
                                                     const CameoTable* cameo);
  ~EventExporter();
  EventExporter(const EventExporter&) = delete;
  EventExporter& operator=(const EventExporter&) = delete;

  // Writes the selected records to `out`; returns how many. IoError when
  // the store cannot be read or `out` fails.
  Result<int64_t> Export(const ExportOptions& options, std::ostream& out);

 private:
  EventExporter(std::string path, const CameoTable* cameo);
  Status Error(const char* what) const;

  std::string path_;
  const CameoTable* cameo_;
  sqlite3* db_ = nullptr;
};

}  // namespace dyad

#endif  // DYAD_STORE_EVENT_EXPORTER_H_
