// ByteSource: a stream of bytes from a file, stdin, or a decompressor.
//
// The seam between "where bytes come from" and the format readers: readers
// pull 64 KiB+ chunks through one virtual call per chunk, never per byte.
// Compression (gzip, zstd) is detected by magic bytes, not by file name.
#ifndef DYAD_INGEST_BYTE_SOURCE_H_
#define DYAD_INGEST_BYTE_SOURCE_H_

#include <cstddef>
#include <memory>
#include <string>

#include "util/status.h"

namespace dyad {

enum class Compression { kNone, kGzip, kZstd };

// Returns "none", "gzip" or "zstd".
const char* CompressionName(Compression c);

// Detects compression from the first bytes of a stream (fewer than 4 bytes
// means kNone).
Compression DetectCompression(const char* data, size_t size);

class ByteSource {
 public:
  virtual ~ByteSource() = default;

  // Reads up to `capacity` bytes into `buf`. Returns the number read, 0 at
  // end of stream, or an error (IoError for the OS, Corruption for a bad or
  // truncated compressed stream). After an error, further calls keep failing.
  // Not thread-safe.
  virtual Result<size_t> Read(char* buf, size_t capacity) = 0;
};

// Opens `path` ("-" = stdin, which is read but never closed), detects gzip
// or zstd by magic bytes and returns a source of the decompressed bytes.
// Returns NotFound/IoError naming the failure (without the path; the caller
// names the input). The returned source owns the file descriptor.
Result<std::unique_ptr<ByteSource>> OpenByteSource(const std::string& path,
                                                   Compression* detected =
                                                       nullptr);

// A source over an in-memory buffer (copied); for tests and for wrapping.
std::unique_ptr<ByteSource> MakeStringByteSource(std::string data);

// Wraps `inner` (compressed bytes) in a streaming decompressor.
std::unique_ptr<ByteSource> MakeGzipByteSource(std::unique_ptr<ByteSource> inner);
std::unique_ptr<ByteSource> MakeZstdByteSource(std::unique_ptr<ByteSource> inner);

}  // namespace dyad

#endif  // DYAD_INGEST_BYTE_SOURCE_H_
