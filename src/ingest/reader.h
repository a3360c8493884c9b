// Readers turn input files (or stdin) into Documents.
//
// Formats: plain text (a file is one article; a directory is walked
// recursively for files with article extensions — .txt .text .jsonl .json
// .ndjson .html .htm .xhtml, compressed or not — or none, so a README
// beside a corpus is not read), JSON Lines, HTML pages; each optionally gzip- or
// zstd-compressed (detected by magic bytes, not by name). "-" is stdin.
//
// Bad input (invalid UTF-8, binary data, a broken JSON line, a record with no
// text, an oversized record) never stops a run: the reader reports a
// ReadError naming the input and line, skips the record, counts it, and goes
// on. Errors that make a whole input unreadable (missing file) are reported
// the same way and the reader moves to the next input.
#ifndef DYAD_INGEST_READER_H_
#define DYAD_INGEST_READER_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "ingest/document.h"
#include "util/status.h"

namespace dyad {

enum class InputFormat { kAuto, kText, kJsonl, kHtml };

// Parses "auto", "text", "jsonl", "html". Returns InvalidArgument otherwise.
Result<InputFormat> ParseInputFormat(const std::string& name);

struct ReadError {
  std::string input;  // file path, or "<stdin>"
  int64_t line = 0;   // 1-based line (JSONL) or 0 when not line-oriented
  std::string message;

  // "input:line: message" (or "input: message" when line is 0).
  std::string ToString() const;
};

struct ReaderOptions {
  InputFormat format = InputFormat::kAuto;  // kAuto: by content and extension
  // Date for documents whose input carries none ("YYYY-MM-DD"); "" = none.
  std::string default_date;
  // JSON Lines field names.
  std::string id_field = "id";
  std::string date_field = "date";
  std::string title_field = "title";
  std::string text_field = "text";
  std::string url_field = "url";
  std::string source_field = "source";
  std::string byline_field = "byline";
  // Records (a JSON line, a text or HTML file) larger than this are skipped.
  size_t max_record_bytes = 8u << 20;
  // Called for every skipped record; may be empty. Called from the thread
  // that calls Next().
  std::function<void(const ReadError&)> on_error;
};

struct ReadStats {
  int64_t documents = 0;  // returned by Next()
  int64_t skipped = 0;    // bad records reported through on_error
  int64_t bytes = 0;      // uncompressed bytes consumed
};

// Reads a sequence of inputs one document at a time. Not thread-safe: one
// thread calls Next(); documents are then handed to workers.
class DocumentReader {
 public:
  // `inputs` are paths (files or directories) or "-" for stdin.
  DocumentReader(std::vector<std::string> inputs, ReaderOptions options);
  ~DocumentReader();
  DocumentReader(const DocumentReader&) = delete;
  DocumentReader& operator=(const DocumentReader&) = delete;

  // Fills *doc with the next good document and returns true; returns false
  // when every input is exhausted. Bad records are reported and skipped.
  bool Next(Document* doc);

  const ReadStats& stats() const { return stats_; }

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
  ReadStats stats_;
};

// Reads all documents of `inputs`; errors go to options.on_error.
std::vector<Document> ReadAllDocuments(const std::vector<std::string>& inputs,
                                       const ReaderOptions& options,
                                       ReadStats* stats = nullptr);

}  // namespace dyad

#endif  // DYAD_INGEST_READER_H_
