// JsonlParser: one JSON Lines record into a Document.
#ifndef DYAD_INGEST_JSONL_PARSER_H_
#define DYAD_INGEST_JSONL_PARSER_H_

#include <string_view>

#include <simdjson.h>

#include "ingest/document.h"
#include "ingest/reader.h"
#include "util/status.h"

namespace dyad {

class JsonlParser {
 public:
  // Uses the field names of `options` (copied).
  explicit JsonlParser(const ReaderOptions& options);

  // Parses `line`, which must have kLinePadding (64) readable bytes after
  // its end (LineReader guarantees it; the bytes' values do not matter).
  // On success fills doc->id, date (as written, not normalised), title,
  // text, url, source, byline (numbers are rendered as text) and appends the
  // other string, number and boolean fields to doc->metadata; other Document
  // fields are left alone. Returns Corruption with simdjson's message for
  // malformed JSON, InvalidArgument when the line is not an object. Not
  // thread-safe (reuses one simdjson parser).
  Status Parse(std::string_view line, Document* doc);

 private:
  ReaderOptions options_;
  simdjson::dom::parser parser_;
};

}  // namespace dyad

#endif  // DYAD_INGEST_JSONL_PARSER_H_
