// LineReader: buffered, line-at-a-time access to a ByteSource.
//
// Lines are returned as views into an internal buffer that always has at
// least kLinePadding readable bytes after the view's end, so simdjson can
// parse a line in place without copying.
#ifndef DYAD_INGEST_LINE_READER_H_
#define DYAD_INGEST_LINE_READER_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "ingest/byte_source.h"
#include "util/status.h"

namespace dyad {

inline constexpr size_t kLinePadding = 64;  // >= SIMDJSON_PADDING

class LineReader {
 public:
  enum class LineStatus {
    kLine,     // *line holds the next line
    kTooLong,  // the line exceeded max_line bytes and was discarded
    kEof,      // no more lines
    kError,    // the source failed; see status()
  };

  // Takes ownership of `source`. Lines longer than `max_line` bytes (without
  // the newline) are skipped rather than buffered.
  LineReader(std::unique_ptr<ByteSource> source, size_t max_line);

  // Makes the first min(n, stream size) bytes available and returns a view of
  // the buffered, unconsumed bytes (possibly more than n). The view is valid
  // until the next call. On a source error returns an empty view and sets
  // status().
  std::string_view Peek(size_t n);

  // Returns the next line without its "\n" (and a "\r" before it). The view
  // is valid until the next call. A final line without "\n" is returned too.
  LineStatus NextLine(std::string_view* line);

  // Reads the rest of the stream into *out. Returns false (leaving *out
  // partial) when it holds more than `max` bytes or the source failed
  // (status() then says why).
  bool ReadAll(size_t max, std::string* out);

  // 1-based number of the line last returned by NextLine (0 before).
  int64_t line_number() const { return line_number_; }
  // Uncompressed bytes pulled from the source so far.
  int64_t bytes() const { return bytes_; }
  // The first source error, or OK.
  const Status& status() const { return status_; }

 private:
  // Reads one chunk after end_; returns false at EOF or on error.
  bool Fill();

  std::unique_ptr<ByteSource> source_;
  size_t max_line_;
  std::string buf_;
  size_t begin_ = 0;  // first unconsumed byte
  size_t end_ = 0;    // one past the last buffered byte
  size_t scan_ = 0;   // bytes in [begin_, scan_) hold no '\n'
  bool eof_ = false;
  int64_t line_number_ = 0;
  int64_t bytes_ = 0;
  Status status_;
};

}  // namespace dyad

#endif  // DYAD_INGEST_LINE_READER_H_
