// EventImporter: loads event files coded elsewhere (ICEWS, GDELT) into the
// store as pseudo-documents, through the normal EventStore::StoreDocuments.
//
// A format is an EventRowParser (IcewsReader, GdeltReader) that turns one
// line into one event. The importer reads files (plain, gzip or zstd),
// reports bad rows as "FILE:LINE: message" and skips them, and groups the
// good rows by their document key (ICEWS story, GDELT source URL) across all
// files of one import. Each group becomes one document: id "<format>:<key>",
// text = the group's distinct raw rows joined by '\n' in input order, and
// each event's sentence_start/end is its own row, so the stored text is the
// provenance of every imported event and re-importing the same rows stores
// the same content (a no-op by content hash).
//
// Grouping holds the raw rows of one import in memory (about the size of the
// uncompressed input). A story split over two separate imports is replaced
// by the second, like any document whose content changed: import the files
// of one period together.
#ifndef DYAD_STORE_EVENT_IMPORTER_H_
#define DYAD_STORE_EVENT_IMPORTER_H_

#include <cstdint>
#include <deque>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "coder/event.h"
#include "store/event_store.h"
#include "util/status.h"

namespace dyad {

// One event parsed from one line. Offsets in `event` (source/target/trigger
// begin and end) are relative to the start of the line; sentence fields and
// doc_id are filled by the importer.
struct ImportedRow {
  std::string doc_key;     // groups rows into one pseudo-document
  std::string doc_url;     // documents.url ("" when none)
  std::string doc_source;  // documents.source: publisher or web site
  Event event;
};

// What a format reader says about one line.
enum class RowKind {
  kEvent,    // *out holds an event
  kHeader,   // a header line: nothing to store
  kNoActor,  // a well-formed row without a source actor: not an event of
             // a dyad, counted in ImportReport::no_actor, not an error
};

// Parses one line of an event file. Implementations are immutable after
// construction and thread-safe.
class EventRowParser {
 public:
  virtual ~EventRowParser() = default;
  // "icews" or "gdelt": the document id prefix and documents.origin.
  virtual std::string_view format() const = 0;
  // Parses `line` (without its newline). kSkip for lines that carry no event
  // and are not errors; InvalidArgument with a message (no file
  // or line: the caller adds them) for a bad row. *out is valid on kEvent.
  virtual Result<RowKind> Parse(std::string_view line,
                                ImportedRow* out) const = 0;
};

// Splits a tab-separated line into *fields (views into `line`; cleared
// first). An empty line gives one empty field.
void SplitTabs(std::string_view line, std::vector<std::string_view>* fields);

struct ImportOptions {
  size_t batch = 256;     // documents per StoreDocuments() transaction
  size_t max_line = 1 << 20;  // longer lines are bad rows
};

struct ImportReport {
  int64_t files = 0;
  int64_t rows = 0;        // lines read, headers included
  int64_t events = 0;      // good event rows (distinct rows per document)
  int64_t duplicates = 0;  // rows seen twice for the same document: kept once
  int64_t no_actor = 0;    // RowKind::kNoActor rows
  int64_t bad_rows = 0;
  std::vector<std::string> errors;  // "FILE:LINE: message", in input order
  // Problem values (an unknown country name) with how many rows had them.
  std::map<std::string, int64_t> unknown;
  StoreCounts store;       // what the store did
};

class EventImporter {
 public:
  // `parser` must outlive the importer.
  EventImporter(const EventRowParser* parser, ImportOptions options);

  // Reads one file ("-" = stdin); bad rows go to *report. Returns an error
  // only when the file cannot be read (NotFound, IoError, Corruption for a
  // damaged compressed stream), naming the file; rows read before a stream
  // error stay added.
  Status AddFile(const std::string& path, ImportReport* report);

  // Reads the lines of an in-memory text as if it were file `name`.
  void AddText(std::string_view name, std::string_view text,
               ImportReport* report);

  // Stores every document gathered so far in batches of options.batch, then
  // forgets them. A failing batch is rolled back and returned; earlier
  // batches stay stored.
  Status Store(EventStore* store, ImportReport* report);

  // The documents gathered so far, as Store() would write them (for tests
  // and for tools that do not store).
  std::vector<StoredDocument> Documents() const;

 private:
  struct Group {
    std::deque<std::string> rows;  // a deque: `seen` views stay valid
    std::unordered_set<std::string_view> seen;
  };
  void AddLine(std::string_view name, int64_t line_number,
               std::string_view line, ImportReport* report);
  StoredDocument MakeDocument(const std::string& key, const Group& g) const;

  const EventRowParser* parser_;
  ImportOptions options_;
  std::vector<std::string> order_;  // document keys, first seen first
  std::unordered_map<std::string, Group> groups_;
};

}  // namespace dyad

#endif  // DYAD_STORE_EVENT_IMPORTER_H_
