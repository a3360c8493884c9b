// Whole-file reads and writes.
#ifndef DYAD_UTIL_FILE_H_
#define DYAD_UTIL_FILE_H_

#include <string>

#include "util/status.h"

namespace dyad {

// Returns the bytes of `path`, or an IoError/NotFound naming the path.
Result<std::string> ReadFileToString(const std::string& path);

// Writes `data` to `path` atomically (temporary file + rename).
Status WriteStringToFile(const std::string& path, const std::string& data);

}  // namespace dyad

#endif  // DYAD_UTIL_FILE_H_
